package org.iamdojo.training.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import org.iamdojo.InMemoryAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every {@link SignInThrottleTest} rule again with the counts in the database (V20), as the app keeps them; and two
 * nodes' throttles on one database (two instances, nothing in common but the database) count together, so an
 * attacker alternating nodes behind the proxy gets no extra tries (issue 20). OWASP ASVS 4.0.3 V2.2.1:
 * https://github.com/OWASP/ASVS/blob/v4.0.3/4.0/en/0x11-V2-Authentication.md
 */
@InMemoryAppTest
class SharedSignInThrottleTest extends SignInThrottleTest {
    @Autowired
    JdbcTemplate jdbc;

    @Override
    SignInThrottle newThrottle() {
        // The tests pin times in 2030 and reuse names: start each from no counts.
        jdbc.update("DELETE FROM sign_in_failure");
        jdbc.update("DELETE FROM sign_in_streak");
        jdbc.update("DELETE FROM sign_in_known_address");
        return new SignInThrottle(jdbc);
    }

    @Test
    void anAttackerAlternatingTwoNodesGetsNoExtraTries() {
        SignInThrottle nodeA = throttle;
        SignInThrottle nodeB = new SignInThrottle(jdbc);
        nodeB.setClock(Clock.fixed(now, ZoneOffset.UTC));
        for (int i = 0; i < SignInThrottle.FREE_TRIES - 1; i++) {
            (i % 2 == 0 ? nodeA : nodeB).failed("alice", ATTACKER);
        }
        assertThat(nodeA.waitUntil("alice", ATTACKER)).isEmpty();
        assertThat(nodeB.waitUntil("alice", ATTACKER)).isEmpty();
        nodeB.failed("alice", ATTACKER);
        // The fifth failure in a row, counted on node B, makes node A wait too.
        assertThat(nodeA.waitUntil("alice", ATTACKER)).contains(now.plus(SignInThrottle.FIRST_WAIT));
        assertThat(nodeB.waitUntil("alice", ATTACKER)).contains(now.plus(SignInThrottle.FIRST_WAIT));

        // The owner signing in on node A clears the streak for node B as well.
        nodeA.succeeded("alice", ATTACKER);
        assertThat(nodeB.waitUntil("alice", ATTACKER)).isEmpty();
    }

    @Test
    void theCountsSurviveARestart() {
        for (int i = 0; i < SignInThrottle.FREE_TRIES; i++) {
            throttle.failed("bob", ATTACKER);
        }
        SignInThrottle restarted = new SignInThrottle(jdbc);
        restarted.setClock(Clock.fixed(now, ZoneOffset.UTC));
        assertThat(restarted.waitUntil("bob", ATTACKER)).contains(now.plus(SignInThrottle.FIRST_WAIT));
    }
}
