package org.iamdojo.training.member;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * On the first start (no members at all) creates the ADMIN account {@code admin}. Its password comes from
 * {@code IAMDOJO_ADMIN_PASSWORD} or is generated and printed once; there is never a fixed default.
 * <p>
 * Several nodes may start together on one empty database (README "Running several nodes"): each may find no
 * members, but the unique username decides which insert of {@code admin} commits. The others' inserts fail on it;
 * they print no password (theirs was never stored) and start normally with the winner's admin.
 */
@Component
public class FirstAdminInitializer implements ApplicationRunner {

    /** Username of the first administrator. */
    public static final String ADMIN_USERNAME = "admin";

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final MemberService memberService;
    private final String configuredPassword;

    /** Initializer using {@code iamdojo.admin-password} (env IAMDOJO_ADMIN_PASSWORD) when set. */
    public FirstAdminInitializer(MemberService memberService,
            @Value("${iamdojo.admin-password:}") String configuredPassword) {
        this.memberService = memberService;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!memberService.isEmpty()) {
            return;
        }
        if (!configuredPassword.isBlank()) {
            List<SignUpProblem> problems = CredentialRules.checkPassword(configuredPassword, ADMIN_USERNAME);
            if (!problems.isEmpty()) {
                // The same rules as sign-up: a weak configured password must not become a running install's admin.
                throw new IllegalStateException("IAMDOJO_ADMIN_PASSWORD (iamdojo.admin-password) is refused: "
                        + String.join("; ", problems.stream().map(p -> ENGLISH.getOrDefault(p.messageKey(),
                        p.messageKey())).toList()) + " Set a stronger one, or unset it to get a random password.");
            }
            if (createUnlessAnotherNodeDid(configuredPassword)) {
                System.out.println("IAM Dojo: created account '" + ADMIN_USERNAME
                        + "' (ADMIN) with the password from IAMDOJO_ADMIN_PASSWORD.");
            }
            return;
        }
        String password = randomPassword();
        if (!createUnlessAnotherNodeDid(password)) {
            return;
        }
        // Printed once on purpose: it is never stored in clear text and never shown again.
        System.out.println("""

                ================================================================
                 IAM Dojo first start: created account '%s' (ADMIN)
                 Password: %s
                 This is shown only once. Sign in and keep it somewhere safe.
                ================================================================
                """.formatted(ADMIN_USERNAME, password));
    }

    /** Creates {@code admin}; false when another node starting at the same time created it first. */
    private boolean createUnlessAnotherNodeDid(String password) {
        try {
            memberService.createAdmin(ADMIN_USERNAME, password);
            return true;
        } catch (DataIntegrityViolationException raced) {
            if (memberService.find(ADMIN_USERNAME).isEmpty()) {
                throw raced;
            }
            System.out.println("IAM Dojo: account '" + ADMIN_USERNAME
                    + "' was created by another node starting at the same time; use the password that node printed"
                    + " (or IAMDOJO_ADMIN_PASSWORD).");
            return false;
        }
    }

    // Start-up messages go to the server console, read by whoever installs the app: English, as the logs are.
    private static final Map<String, String> ENGLISH = Map.of(
            "signup.error.password.short", "it is shorter than " + CredentialRules.MIN_PASSWORD_LENGTH + " characters.",
            "signup.error.password.long", "it is longer than " + CredentialRules.MAX_PASSWORD_BYTES + " bytes.",
            "signup.error.password.common", "it is too common or too easy to guess.",
            "signup.error.password.username", "it contains the username admin.",
            "signup.error.password.one-class", "it uses only one kind of character.");

    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
