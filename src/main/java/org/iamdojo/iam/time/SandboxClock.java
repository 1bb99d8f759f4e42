package org.iamdojo.iam.time;

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
    private volatile Instant pinned;

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

    /** Moves sandbox time forward (a pinned instant too: time held still for a set-up moves with it). */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("Sandbox time only moves forward");
        }
        offset = offset.plus(by);
        Instant at = pinned;
        if (at != null) {
            pinned = at.plus(by);
        }
    }

    /** Sets how far sandbox time is ahead of its base clock (restoring a saved sandbox). */
    public void setOffset(Duration value) {
        offset = value;
    }

    /** Holds time still at an instant (while a recorded operation is replayed). */
    public void pin(Instant at) {
        pinned = at;
    }

    /** Lets time follow the base clock again. */
    public void unpin() {
        pinned = null;
    }

    /** How far sandbox time is ahead of its base clock. */
    public Duration offset() {
        return offset;
    }

    @Override
    public Instant instant() {
        Instant at = pinned;
        return at != null ? at : base.instant().plus(offset);
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
