package org.iamdojo.training.member;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;

/** Event times within a sliding window (no more than the largest limit asked about plus one are kept). */
final class RateWindow {
    private final Duration window;
    private final int keep;
    private final ArrayDeque<Instant> times = new ArrayDeque<>();

    RateWindow(Duration window, int largestLimit) {
        this.window = window;
        this.keep = largestLimit + 1;
    }

    synchronized void add(Instant now) {
        drop(now);
        times.addLast(now);
        while (times.size() > keep) {
            times.removeFirst();
        }
    }

    /** When the count in the window falls to {@code limit} or below ({@code now} if it already is). */
    synchronized Instant freeAt(Instant now, int limit) {
        drop(now);
        if (times.size() <= limit) {
            return now;
        }
        // The (size - limit)-th oldest must leave the window.
        Instant[] ordered = times.toArray(new Instant[0]);
        return ordered[times.size() - limit - 1].plus(window);
    }

    /** The {@code nth} newest time after {@code after}, when there are at least that many (within what is kept). */
    synchronized Optional<Instant> nthNewest(Instant after, int nth) {
        Instant[] ordered = times.toArray(new Instant[0]);
        int index = ordered.length - nth;
        return index >= 0 && ordered[index].isAfter(after) ? Optional.of(ordered[index]) : Optional.empty();
    }

    synchronized boolean empty(Instant now) {
        drop(now);
        return times.isEmpty();
    }

    private void drop(Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
            times.removeFirst();
        }
    }
}
