package org.iamdojo.awsapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The per-key token bucket behind the endpoint's Throttling answers (time is passed in, nothing sleeps). */
class KeyThrottleTest {
    @Test
    void aKeyGetsItsBurstThenItsRateAndOtherKeysAreNotSlowedByIt() {
        KeyThrottle t = new KeyThrottle(10, 3);
        long start = 1_000_000_000L;
        assertThat(t.tryAcquire("AKIAONE", start)).isTrue();
        assertThat(t.tryAcquire("AKIAONE", start)).isTrue();
        assertThat(t.tryAcquire("AKIAONE", start)).isTrue();
        assertThat(t.tryAcquire("AKIAONE", start)).isFalse();
        assertThat(t.tryAcquire("AKIATWO", start)).isTrue();
        // 10 a second: one more token after 100 ms, not before.
        assertThat(t.tryAcquire("AKIAONE", start + 50_000_000L)).isFalse();
        assertThat(t.tryAcquire("AKIAONE", start + 150_000_000L)).isTrue();
    }
}
