package org.iamdojo.training.member;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without letting anyone lock an account (OWASP ASVS 2.2.1: soft lockouts, rate limits
 * and ever-increasing delays instead of a hard lock). Three counters, each keyed by the name as typed, whether or
 * not a member has it, so the answers tell nothing about which names exist:
 * <ul>
 *   <li><b>name from one address</b>: {@value #FREE_TRIES} failures in a row are free; after that each try waits
 *       {@link #FIRST_WAIT}, doubling with every further failure up to {@link #MAX_WAIT}. A success clears it;
 *       an hour without failures forgets it.</li>
 *   <li><b>one address, any names</b>: more than {@value #ADDRESS_FAILURES} failures in {@link #WINDOW} make
 *       that address wait until the oldest leaves the window (high enough for a class behind one NAT).</li>
 *   <li><b>one name, all addresses</b>: more than {@value #NAME_FAILURES} failures in {@link #WINDOW} make the
 *       name wait the same way, except from addresses that signed in to it successfully in the last 30 days:
 *       the owner keeps getting in while strangers guess from elsewhere.</li>
 * </ul>
 * Kept in memory: a restart forgets the counters (and the owner's known addresses).
 */
@Component
public class SignInThrottle {

    /** Failures in a row of one name from one address before waits begin. */
    public static final int FREE_TRIES = 5;
    /** The first wait; each further failure doubles it. */
    public static final Duration FIRST_WAIT = Duration.ofSeconds(5);
    /** The longest wait. */
    public static final Duration MAX_WAIT = Duration.ofMinutes(15);
    /** The sliding window of the per-address and per-name rates. */
    public static final Duration WINDOW = Duration.ofMinutes(15);
    /** Failures from one address (any names) within the window before it waits. */
    public static final int ADDRESS_FAILURES = 100;
    /** Failures of one name (all addresses) within the window before strangers' addresses wait. */
    public static final int NAME_FAILURES = 50;
    private static final Duration FORGET = Duration.ofHours(1);
    private static final Duration KNOWN_ADDRESS = Duration.ofDays(30);
    /** Above this many keys the idle ones are dropped, so guessing random names cannot fill the memory. */
    private static final int PURGE_ABOVE = 10_000;
    /** Names longer than any member's are cut for the key (they are all equally unknown). */
    private static final int KEY_NAME = 40;

    private final Map<String, Streak> streaks = new ConcurrentHashMap<>();
    private final Map<String, RateWindow> addresses = new ConcurrentHashMap<>();
    private final Map<String, RateWindow> names = new ConcurrentHashMap<>();
    private final Map<String, Instant> knownAddresses = new ConcurrentHashMap<>();
    private Clock clock = Clock.systemUTC();

    // Tests move time forward.
    void setClock(Clock clock) {
        this.clock = clock;
    }

    /** When {@code rawName} may next be tried from {@code address}; empty when it may be tried now. */
    public Optional<Instant> waitUntil(String rawName, String address) {
        String name = key(rawName);
        Instant now = clock.instant();
        Instant until = now;
        Streak streak = streaks.get(name + "\n" + address);
        if (streak != null) {
            until = later(until, streak.allowedAt(now));
        }
        RateWindow fromAddress = addresses.get(address);
        if (fromAddress != null) {
            until = later(until, fromAddress.freeAt(now, ADDRESS_FAILURES));
        }
        RateWindow ofName = names.get(name);
        if (ofName != null && !known(name, address, now)) {
            until = later(until, ofName.freeAt(now, NAME_FAILURES));
        }
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    /** Counts a failed sign-in of {@code rawName} from {@code address}. */
    public void failed(String rawName, String address) {
        String name = key(rawName);
        Instant now = clock.instant();
        purge(now);
        streaks.compute(name + "\n" + address, (k, s) -> (s == null || s.forgotten(now) ? new Streak() : s).fail(now));
        addresses.computeIfAbsent(address, k -> new RateWindow(WINDOW, Math.max(ADDRESS_FAILURES, NAME_FAILURES))).add(now);
        names.computeIfAbsent(name, k -> new RateWindow(WINDOW, Math.max(ADDRESS_FAILURES, NAME_FAILURES))).add(now);
    }

    /** A successful sign-in: clears that name's streak from that address and remembers the address as the owner's. */
    public void succeeded(String rawName, String address) {
        String name = key(rawName);
        streaks.remove(name + "\n" + address);
        knownAddresses.put(name + "\n" + address, clock.instant());
    }

    private boolean known(String name, String address, Instant now) {
        Instant at = knownAddresses.get(name + "\n" + address);
        return at != null && at.plus(KNOWN_ADDRESS).isAfter(now);
    }

    private void purge(Instant now) {
        if (streaks.size() > PURGE_ABOVE) {
            streaks.values().removeIf(s -> s.forgotten(now));
        }
        if (addresses.size() > PURGE_ABOVE) {
            addresses.values().removeIf(w -> w.empty(now));
        }
        if (names.size() > PURGE_ABOVE) {
            names.values().removeIf(w -> w.empty(now));
        }
        if (knownAddresses.size() > PURGE_ABOVE) {
            knownAddresses.values().removeIf(at -> !at.plus(KNOWN_ADDRESS).isAfter(now));
        }
    }

    private static String key(String rawName) {
        String name = CredentialRules.normalizeUsername(rawName == null ? "" : rawName);
        return name.length() > KEY_NAME ? name.substring(0, KEY_NAME) : name;
    }

    private static Instant later(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }

    /** The wait after {@code failures} failures in a row: none for the free ones, then doubling up to the cap. */
    static Duration waitAfter(int failures) {
        if (failures < FREE_TRIES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_TRIES, 20);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    /** Failures in a row of one name from one address. */
    private static final class Streak {
        private int failures;
        private Instant last = Instant.EPOCH;

        Streak fail(Instant now) {
            failures++;
            last = now;
            return this;
        }

        Instant allowedAt(Instant now) {
            return forgotten(now) ? now : last.plus(waitAfter(failures));
        }

        boolean forgotten(Instant now) {
            return !last.plus(FORGET).isAfter(now);
        }
    }
}
