package org.iamdojo.iam.account;

/** The account password policy for IAM users' console passwords. */
public record PasswordPolicy(int minimumPasswordLength, boolean requireSymbols, boolean requireNumbers,
                             boolean requireUppercaseCharacters, boolean requireLowercaseCharacters,
                             boolean allowUsersToChangePassword, Integer maxPasswordAge,
                             Integer passwordReusePrevention, boolean hardExpiry) {

    /** AWS's default when no policy is set: at least 8 characters, three character classes. */
    public static final PasswordPolicy DEFAULT = new PasswordPolicy(8, false, false, false, false, true, null, null, false);

    /** Why a password breaks this policy, or null when it satisfies it. */
    public String violation(String password) {
        if (password.length() < minimumPasswordLength) {
            return "Password should have at least " + minimumPasswordLength + " characters";
        }
        if (password.length() > 128) {
            return "Password should have at most 128 characters";
        }
        if (requireSymbols && password.chars().noneMatch(c -> "!@#$%^&*()_+-=[]{}|'".indexOf(c) >= 0)) {
            return "Password should have at least one symbol";
        }
        if (requireNumbers && password.chars().noneMatch(Character::isDigit)) {
            return "Password should have at least one number";
        }
        if (requireUppercaseCharacters && password.chars().noneMatch(c -> c >= 'A' && c <= 'Z')) {
            return "Password should have at least one uppercase letter";
        }
        if (requireLowercaseCharacters && password.chars().noneMatch(c -> c >= 'a' && c <= 'z')) {
            return "Password should have at least one lowercase letter";
        }
        return null;
    }
}
