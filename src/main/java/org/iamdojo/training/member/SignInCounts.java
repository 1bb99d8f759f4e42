package org.iamdojo.training.member;

import java.time.Instant;
import java.util.Optional;

/** Where {@link SignInThrottle} keeps its counts: the database shared by all nodes, or one process's memory. */
interface SignInCounts {

    /** Failures in a row of one name from one address, and the time of the last. */
    record Streak(int failures, Instant last) {
    }

    /** The streak of {@code name} from {@code address}, if any was counted. */
    Optional<Streak> streak(String name, String address);

    /**
     * Counts one failure at {@code now}: the streak grows by one (starting again at one when its last failure is at
     * or before {@code forgetBefore}), and the failure counts for the address's and the name's windows.
     */
    void failed(String name, String address, Instant now, Instant forgetBefore);

    /** Ends the streak of {@code name} from {@code address} and remembers the address as the owner's at {@code now}. */
    void succeeded(String name, String address, Instant now);

    /** When {@code name} was last signed in to from {@code address}, if ever (as far as still kept). */
    Optional<Instant> knownSince(String name, String address);

    /**
     * The {@code nth} newest failure from {@code address} after {@code after}, when there are at least that many
     * ({@code byName} false), or of {@code name} from any address ({@code byName} true).
     */
    Optional<Instant> nthNewestFailure(boolean byName, String key, Instant after, int nth);

    /** Drops what no rule looks at any more. */
    void forget(Instant failuresBefore, Instant streaksBefore, Instant knownBefore);
}
