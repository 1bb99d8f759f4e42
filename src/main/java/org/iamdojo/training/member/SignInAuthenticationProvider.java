package org.iamdojo.training.member;

import java.util.Optional;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import java.time.Instant;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;

/**
 * Member sign-in: the {@link SignInThrottle} decides first whether the name may be tried from the caller's address;
 * then the password is always checked with bcrypt, also for unknown names (against a dummy hash, Spring's timing
 * protection) and for disabled accounts (whose state is checked only after the password), so how long a failure
 * takes tells nothing about which names exist. Every failure is counted; one that starts a wait says so.
 */
@Component
public class SignInAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;

    /** Checks passwords of the members {@code userDetails} finds, hashed with {@code encoder}. */
    public SignInAuthenticationProvider(MemberUserDetailsService userDetails, PasswordEncoder encoder,
                                        SignInThrottle throttle) {
        this.throttle = throttle;
        this.passwords = new DaoAuthenticationProvider(userDetails);
        passwords.setPasswordEncoder(encoder);
        // Spring checks disabled and locked before the password, answering faster for names that exist.
        UserDetailsChecker statusChecks = new AccountStatusUserDetailsChecker();
        passwords.setPreAuthenticationChecks(user -> { });
        passwords.setPostAuthenticationChecks(statusChecks);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = authentication.getName();
        String address = addressOf(authentication);
        Optional<Instant> wait = throttle.waitUntil(name, address);
        if (wait.isPresent()) {
            throw new SignInThrottledException(wait.get());
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(name, address);
            return result;
        } catch (BadCredentialsException | AccountStatusException failed) {
            throttle.failed(name, address);
            Optional<Instant> next = throttle.waitUntil(name, address);
            if (next.isPresent()) {
                throw new SignInThrottledException(next.get());
            }
            throw failed;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The client address Spring recorded with the sign-in form post (behind a proxy, its X-Forwarded-For). */
    static String addressOf(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : "unknown";
    }
}
