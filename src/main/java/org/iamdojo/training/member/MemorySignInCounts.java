package org.iamdojo.training.member;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The sign-in throttle's counts in this process's memory (unit tests; a restart forgets them). */
final class MemorySignInCounts implements SignInCounts {
    private final Map<String, Streak> streaks = new ConcurrentHashMap<>();
    private final Map<String, RateWindow> addresses = new ConcurrentHashMap<>();
    private final Map<String, RateWindow> names = new ConcurrentHashMap<>();
    private final Map<String, Instant> known = new ConcurrentHashMap<>();
    private final Duration window;
    private final int largestLimit;

    MemorySignInCounts(Duration window, int largestLimit) {
        this.window = window;
        this.largestLimit = largestLimit;
    }

    @Override
    public Optional<Streak> streak(String name, String address) {
        return Optional.ofNullable(streaks.get(name + "\n" + address));
    }

    @Override
    public void failed(String name, String address, Instant now, Instant forgetBefore) {
        streaks.compute(name + "\n" + address, (k, s) -> s == null || !s.last().isAfter(forgetBefore)
                ? new Streak(1, now) : new Streak(s.failures() + 1, now));
        addresses.computeIfAbsent(address, k -> new RateWindow(window, largestLimit)).add(now);
        names.computeIfAbsent(name, k -> new RateWindow(window, largestLimit)).add(now);
    }

    @Override
    public void succeeded(String name, String address, Instant now) {
        streaks.remove(name + "\n" + address);
        known.put(name + "\n" + address, now);
    }

    @Override
    public Optional<Instant> knownSince(String name, String address) {
        return Optional.ofNullable(known.get(name + "\n" + address));
    }

    @Override
    public Optional<Instant> nthNewestFailure(boolean byName, String key, Instant after, int nth) {
        RateWindow w = (byName ? names : addresses).get(key);
        return w == null ? Optional.empty() : w.nthNewest(after, nth);
    }

    @Override
    public void forget(Instant failuresBefore, Instant streaksBefore, Instant knownBefore) {
        streaks.values().removeIf(s -> !s.last().isAfter(streaksBefore));
        addresses.values().removeIf(w -> w.empty(failuresBefore.plus(window)));
        names.values().removeIf(w -> w.empty(failuresBefore.plus(window)));
        known.values().removeIf(at -> !at.isAfter(knownBefore));
    }
}
