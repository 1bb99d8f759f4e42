package org.iamdojo.iam.sts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The sandbox's time: follows a base clock plus an offset that learners move forward to watch temporary
 * credentials expire. Nothing in the engine reads the wall clock directly.
 */
public final class SandboxClock extends Clock {
    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    public SandboxClock(Clock base) {
        this.base = base;
    }

    /** A clock that follows the system clock. */
    public static SandboxClock system() {
        return new SandboxClock(Clock.systemUTC());
    }

    /** A clock pinned at an instant (tests, replays). */
    public static SandboxClock fixed(Instant at) {
        return new SandboxClock(Clock.fixed(at, ZoneOffset.UTC));
    }

    /** Moves sandbox time forward. */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("Sandbox time only moves forward");
        }
        offset = offset.plus(by);
    }

    /** How far sandbox time is ahead of its base clock. */
    public Duration offset() {
        return offset;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
