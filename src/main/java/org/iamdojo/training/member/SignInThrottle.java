package org.iamdojo.training.member;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
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
 * The counts are in the database ({@link JdbcSignInCounts}), shared by every node on it, so an attacker alternating
 * nodes behind a proxy gets no extra tries and a restart forgets nothing (README "Running several nodes").
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
    /** How often a node drops counts that no rule looks at any more. */
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);
    /** Names longer than any member's are cut for the key (they are all equally unknown). */
    private static final int KEY_NAME = 40;
    /** Addresses are cut to the stored column's length. */
    private static final int KEY_ADDRESS = 100;

    private final SignInCounts counts;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);
    private Clock clock = Clock.systemUTC();

    /** The throttle of a node: counts in its database, shared with the other nodes. */
    @Autowired
    public SignInThrottle(JdbcTemplate jdbc) {
        this(new JdbcSignInCounts(jdbc));
    }

    /** A throttle with its counts in this process's memory (unit tests). */
    public SignInThrottle() {
        this(new MemorySignInCounts(WINDOW, Math.max(ADDRESS_FAILURES, NAME_FAILURES)));
    }

    SignInThrottle(SignInCounts counts) {
        this.counts = counts;
    }

    // Tests move time forward.
    void setClock(Clock clock) {
        this.clock = clock;
    }

    /** When {@code rawName} may next be tried from {@code rawAddress}; empty when it may be tried now. */
    public Optional<Instant> waitUntil(String rawName, String rawAddress) {
        String name = key(rawName);
        String address = address(rawAddress);
        Instant now = clock.instant();
        Instant until = now;
        Optional<SignInCounts.Streak> streak = counts.streak(name, address);
        if (streak.isPresent() && streak.get().last().plus(FORGET).isAfter(now)) {
            until = later(until, streak.get().last().plus(waitAfter(streak.get().failures())));
        }
        until = later(until, freeAt(false, address, now, ADDRESS_FAILURES));
        if (!known(name, address, now)) {
            until = later(until, freeAt(true, name, now, NAME_FAILURES));
        }
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    /** Counts a failed sign-in of {@code rawName} from {@code rawAddress}. */
    public void failed(String rawName, String rawAddress) {
        Instant now = clock.instant();
        purge(now);
        counts.failed(key(rawName), address(rawAddress), now, now.minus(FORGET));
    }

    /** A successful sign-in: clears that name's streak from that address and remembers the address as the owner's. */
    public void succeeded(String rawName, String rawAddress) {
        counts.succeeded(key(rawName), address(rawAddress), clock.instant());
    }

    /** When the failures in the window fall to {@code limit} or below: when the (limit+1)-th newest leaves it. */
    private Instant freeAt(boolean byName, String key, Instant now, int limit) {
        return counts.nthNewestFailure(byName, key, now.minus(WINDOW), limit + 1).map(t -> t.plus(WINDOW)).orElse(now);
    }

    private boolean known(String name, String address, Instant now) {
        return counts.knownSince(name, address).map(at -> at.plus(KNOWN_ADDRESS).isAfter(now)).orElse(false);
    }

    private void purge(Instant now) {
        Instant last = lastPurge.get();
        if (last.plus(PURGE_EVERY).isAfter(now) || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        counts.forget(now.minus(WINDOW), now.minus(FORGET), now.minus(KNOWN_ADDRESS));
    }

    private static String key(String rawName) {
        String name = CredentialRules.normalizeUsername(rawName == null ? "" : rawName);
        return name.length() > KEY_NAME ? name.substring(0, KEY_NAME) : name;
    }

    private static String address(String rawAddress) {
        String address = rawAddress == null ? "" : rawAddress;
        return address.length() > KEY_ADDRESS ? address.substring(0, KEY_ADDRESS) : address;
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
}
