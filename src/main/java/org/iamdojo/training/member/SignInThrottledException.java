package org.iamdojo.training.member;

import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused, or a failure answered, with a wait: the name may be tried again from here at {@link #retryAt}. */
public class SignInThrottledException extends AuthenticationException {

    private final Instant retryAt;

    /** Refused until {@code retryAt}. */
    public SignInThrottledException(Instant retryAt) {
        super("Too many failed sign-ins; try again after " + retryAt);
        this.retryAt = retryAt;
    }

    /** When the name may be tried again from the same address. */
    public Instant retryAt() {
        return retryAt;
    }
}
