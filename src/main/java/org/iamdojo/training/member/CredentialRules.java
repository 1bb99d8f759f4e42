package org.iamdojo.training.member;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules a new username and password must meet; each broken rule yields a translatable problem. */
public final class CredentialRules {

    /** Minimum password length. */
    public static final int MIN_PASSWORD_LENGTH = 10;
    /** Maximum password length in UTF-8 bytes: bcrypt silently ignores every byte after the 72nd. */
    public static final int MAX_PASSWORD_BYTES = 72;

    /** Longest username. */
    public static final int MAX_USERNAME_LENGTH = 32;

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");

    // Passwords that meet the length rule but appear at the top of breach lists.
    private static final Set<String> COMMON = Set.of(
            "password123", "password1234", "1234567890", "12345678910", "qwertyuiop", "qwerty12345",
            "iloveyou123", "administrator", "letmein1234", "welcome123", "passw0rd123", "abcdefghij",
            "abc1234567", "1q2w3e4r5t", "qwerty123456", "password!", "password1!", "changeme123",
            "iamdojo123", "aws123456789");

    private CredentialRules() {
    }

    /** Usernames are stored in lower case without surrounding blanks. */
    public static String normalizeUsername(String raw) {
        return raw.strip().toLowerCase(Locale.ROOT);
    }

    /** Problems with a (normalized) username's shape; empty when it is acceptable. */
    public static List<SignUpProblem> checkUsername(String username) {
        if (username.isEmpty()) {
            return List.of(new SignUpProblem(SignUpProblem.USERNAME, "signup.error.username.required"));
        }
        if (!USERNAME.matcher(username).matches()) {
            return List.of(new SignUpProblem(SignUpProblem.USERNAME, "signup.error.username.format"));
        }
        return List.of();
    }

    /** Problems with a password for the given (normalized) username; empty when it is acceptable. */
    public static List<SignUpProblem> checkPassword(String password, String username) {
        List<SignUpProblem> problems = new ArrayList<>();
        if (password.length() < MIN_PASSWORD_LENGTH) {
            problems.add(new SignUpProblem(SignUpProblem.PASSWORD, "signup.error.password.short"));
            return problems;
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            problems.add(new SignUpProblem(SignUpProblem.PASSWORD, "signup.error.password.long"));
            return problems;
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || password.chars().distinct().count() <= 2) {
            problems.add(new SignUpProblem(SignUpProblem.PASSWORD, "signup.error.password.common"));
        } else if (!username.isEmpty() && lower.contains(username)) {
            problems.add(new SignUpProblem(SignUpProblem.PASSWORD, "signup.error.password.username"));
        } else if (characterClasses(password) < 2) {
            problems.add(new SignUpProblem(SignUpProblem.PASSWORD, "signup.error.password.one-class"));
        }
        return problems;
    }

    // Lower case, upper case, digits and everything else count as four classes.
    private static int characterClasses(String password) {
        boolean lower = false, upper = false, digit = false, other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
