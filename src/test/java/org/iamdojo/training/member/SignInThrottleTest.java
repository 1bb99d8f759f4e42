package org.iamdojo.training.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Soft lockout with increasing delays instead of a hard lock (OWASP ASVS 4.0.3, V2.2.1:
 * https://github.com/OWASP/ASVS/blob/v4.0.3/4.0/en/0x11-V2-Authentication.md): nobody can lock another person
 * out, guessing slows down exponentially, and unknown names are treated exactly like existing ones.
 */
class SignInThrottleTest {
    static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    static final String ATTACKER = "203.0.113.9";
    static final String OWNER = "198.51.100.4";

    SignInThrottle throttle;
    Instant now = T0;

    /** A fresh throttle for each test; {@link SharedSignInThrottleTest} keeps its counts in the database. */
    SignInThrottle newThrottle() {
        return new SignInThrottle();
    }

    @BeforeEach
    void pinClock() {
        throttle = newThrottle();
        at(T0);
    }

    void at(Instant time) {
        now = time;
        throttle.setClock(Clock.fixed(time, ZoneOffset.UTC));
    }

    @Test
    void fiveFailuresAreFreeThenEachWaitDoublesUpToFifteenMinutes() {
        for (int i = 0; i < SignInThrottle.FREE_TRIES - 1; i++) {
            throttle.failed("alice", ATTACKER);
            assertThat(throttle.waitUntil("alice", ATTACKER)).isEmpty();
        }
        throttle.failed("alice", ATTACKER);
        assertThat(throttle.waitUntil("alice", ATTACKER)).contains(T0.plusSeconds(5));
        at(T0.plusSeconds(5));
        assertThat(throttle.waitUntil("alice", ATTACKER)).isEmpty();
        throttle.failed("alice", ATTACKER);
        assertThat(throttle.waitUntil("alice", ATTACKER)).contains(now.plusSeconds(10));
        assertThat(SignInThrottle.waitAfter(7)).isEqualTo(Duration.ofSeconds(20));
        assertThat(SignInThrottle.waitAfter(40)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theOwnerIsNotLockedOutBySomeoneElsesFailuresFromAnotherAddress() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("alice", ATTACKER);
        }
        assertThat(throttle.waitUntil("alice", ATTACKER)).isPresent();
        assertThat(throttle.waitUntil("alice", OWNER)).isEmpty();
    }

    @Test
    void aSuccessClearsTheStreakAndAnHourWithoutFailuresForgetsIt() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("bob", OWNER);
        }
        throttle.succeeded("bob", OWNER);
        throttle.failed("bob", OWNER);
        assertThat(throttle.waitUntil("bob", OWNER)).isEmpty();
        for (int i = 0; i < 10; i++) {
            throttle.failed("carol", OWNER);
        }
        at(T0.plus(Duration.ofHours(1)));
        assertThat(throttle.waitUntil("carol", OWNER)).isEmpty();
        throttle.failed("carol", OWNER);
        assertThat(throttle.waitUntil("carol", OWNER)).isEmpty();
    }

    @Test
    void oneAddressGuessingManyNamesIsRateLimited() {
        for (int i = 0; i < SignInThrottle.ADDRESS_FAILURES + 1; i++) {
            throttle.failed("user" + i, ATTACKER);
        }
        assertThat(throttle.waitUntil("someone-new", ATTACKER)).contains(T0.plus(SignInThrottle.WINDOW));
        assertThat(throttle.waitUntil("someone-new", OWNER)).isEmpty();
        at(T0.plus(SignInThrottle.WINDOW));
        assertThat(throttle.waitUntil("someone-new", ATTACKER)).isEmpty();
    }

    @Test
    void manyAddressesGuessingOneNameSlowStrangersButNotTheOwnersKnownAddress() {
        throttle.succeeded("dave", OWNER);
        for (int i = 0; i < SignInThrottle.NAME_FAILURES + 1; i++) {
            throttle.failed("dave", "203.0.113." + (i % 250));
        }
        assertThat(throttle.waitUntil("dave", "192.0.2.1")).contains(T0.plus(SignInThrottle.WINDOW));
        assertThat(throttle.waitUntil("dave", OWNER)).isEmpty();
    }

    @Test
    void namesAreCountedAsTypedWhetherOrNotTheyExistIgnoringCaseAndBlanks() {
        for (int i = 0; i < SignInThrottle.FREE_TRIES; i++) {
            throttle.failed(i % 2 == 0 ? " Ghost " : "ghost", ATTACKER);
        }
        assertThat(throttle.waitUntil("GHOST", ATTACKER)).isPresent();
        assertThat(throttle.waitUntil("g".repeat(100_000), ATTACKER)).isEmpty();
    }
}
