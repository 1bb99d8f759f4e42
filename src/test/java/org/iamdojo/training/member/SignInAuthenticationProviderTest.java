package org.iamdojo.training.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.iamdojo.InMemoryAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Sign-in runs bcrypt once for every attempt that is not throttled, whether the name exists, is disabled or is
 * unknown, so its duration tells nothing about which names exist; a throttled attempt runs no check at all.
 */
@InMemoryAppTest
class SignInAuthenticationProviderTest {

    @Autowired
    MemberUserDetailsService userDetails;
    @Autowired
    MemberService members;
    @Autowired
    PasswordEncoder encoder;

    final AtomicInteger bcryptChecks = new AtomicInteger();

    SignInAuthenticationProvider provider(SignInThrottle throttle) {
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return encoder.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                bcryptChecks.incrementAndGet();
                return encoder.matches(raw, encoded);
            }
        };
        return new SignInAuthenticationProvider(userDetails, counting, throttle);
    }

    static Authentication attempt(String name, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(name, password);
    }

    @Test
    void unknownDisabledAndWrongAllCostOneBcryptCheck() {
        members.signUp("svc-timing", "Str0ng-enough-pass");
        members.signUp("svc-timing-off", "Str0ng-enough-pass");
        members.setEnabled("svc-timing-off", false, "admin");
        SignInAuthenticationProvider provider = provider(new SignInThrottle());

        assertThatThrownBy(() -> provider.authenticate(attempt("svc-no-such-name", "Str0ng-enough-pass")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(bcryptChecks.getAndSet(0)).isEqualTo(1);
        assertThatThrownBy(() -> provider.authenticate(attempt("x".repeat(100_000), "Str0ng-enough-pass")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(bcryptChecks.getAndSet(0)).isEqualTo(1);
        assertThatThrownBy(() -> provider.authenticate(attempt("svc-timing", "Wrong-but-long-1")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(bcryptChecks.getAndSet(0)).isEqualTo(1);
        assertThatThrownBy(() -> provider.authenticate(attempt("svc-timing-off", "Wrong-but-long-1")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(bcryptChecks.getAndSet(0)).isEqualTo(1);
        assertThatThrownBy(() -> provider.authenticate(attempt("svc-timing-off", "Str0ng-enough-pass")))
                .isInstanceOf(DisabledException.class);
        assertThat(bcryptChecks.getAndSet(0)).isEqualTo(1);
        assertThat(provider.authenticate(attempt("svc-timing", "Str0ng-enough-pass")).isAuthenticated()).isTrue();
    }

    @Test
    void theFifthFailureSaysToWaitAndTheRightPasswordWaitsToo() {
        members.signUp("svc-wait", "Str0ng-enough-pass");
        SignInThrottle throttle = new SignInThrottle();
        SignInAuthenticationProvider provider = provider(throttle);
        for (int i = 0; i < SignInThrottle.FREE_TRIES - 1; i++) {
            assertThatThrownBy(() -> provider.authenticate(attempt("svc-wait", "Wrong-but-long-1")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> provider.authenticate(attempt("svc-wait", "Wrong-but-long-1")))
                .isInstanceOf(SignInThrottledException.class);
        bcryptChecks.set(0);
        assertThatThrownBy(() -> provider.authenticate(attempt("svc-wait", "Str0ng-enough-pass")))
                .isInstanceOf(SignInThrottledException.class);
        assertThat(bcryptChecks.get()).isZero();
        // The same happens for a name nobody has.
        for (int i = 0; i < SignInThrottle.FREE_TRIES - 1; i++) {
            assertThatThrownBy(() -> provider.authenticate(attempt("svc-ghost", "Wrong-but-long-1")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> provider.authenticate(attempt("svc-ghost", "Wrong-but-long-1")))
                .isInstanceOf(SignInThrottledException.class);
    }
}
