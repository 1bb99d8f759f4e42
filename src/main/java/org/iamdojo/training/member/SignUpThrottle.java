package org.iamdojo.training.member;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Rate-limits sign-up by client address: at most {@code iamdojo.sign-up.per-address} submissions (default 60) in
 * {@link #WINDOW}. A sign-up must say when a name is taken (people choose their own names), so each submission
 * can reveal whether one name exists; the limit bounds how many names one address can probe. The default lets a
 * class behind one NAT address sign up together. Kept in memory.
 */
@Component
public class SignUpThrottle {

    /** The sliding window of the limit. */
    public static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int PURGE_ABOVE = 10_000;

    private final int perAddress;
    private final Map<String, RateWindow> addresses = new ConcurrentHashMap<>();
    private Clock clock = Clock.systemUTC();

    /** A limit of {@code perAddress} submissions per address in {@link #WINDOW}. */
    public SignUpThrottle(@Value("${iamdojo.sign-up.per-address:60}") int perAddress) {
        this.perAddress = perAddress;
    }

    // Tests move time forward.
    void setClock(Clock clock) {
        this.clock = clock;
    }

    /** Counts one submission from {@code address}; false (and not counted) when the address is over its limit. */
    public boolean tryAcquire(String address) {
        Instant now = clock.instant();
        if (addresses.size() > PURGE_ABOVE) {
            addresses.values().removeIf(w -> w.empty(now));
        }
        RateWindow window = addresses.computeIfAbsent(address, k -> new RateWindow(WINDOW, perAddress));
        synchronized (window) {
            if (window.freeAt(now, perAddress - 1).isAfter(now)) {
                return false;
            }
            window.add(now);
            return true;
        }
    }
}
