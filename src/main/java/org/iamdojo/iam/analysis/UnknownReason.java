package org.iamdojo.iam.analysis;

import java.util.Arrays;
import java.util.List;

/**
 * Why a check or a description could not decide (UNKNOWN), as a kind and its values, so that a page can say it in
 * the reader's language; {@link #english()} is the sentence the API and the command line print.
 */
public record UnknownReason(Kind kind, List<String> args) {
    /** The limits and approximations that end a decision; each lists the meaning of its {@code args}. */
    public enum Kind {
        /** The reasoner's time limit was reached: [milliseconds]. */
        TIME_LIMIT,
        /** Too many statements together: [statements, limit]. */
        TOO_MANY_STATEMENTS,
        /** Too many statement combinations: [limit]. */
        TOO_MANY_COMBINATIONS,
        /** A multivalued context key has too many value classes: [key, classes, limit]. */
        TOO_MANY_VALUE_CLASSES,
        /** A date value the engine cannot be given: [milliseconds since the epoch]. */
        DATE_NOT_WRITABLE,
        /** An IP address the engine cannot be given: [address]. */
        ADDRESS_NOT_WRITABLE,
        /** The patterns split values into too many regions: [limit]. */
        TOO_MANY_REGIONS,
        /**
         * The request found under the safe approximation is not a counterexample when replayed:
         * [action, resource, principal ("" for the identity caller), context ("" for none), "approximated" or ""].
         */
        REPLAY_NOT_CONFIRMED,
        /** Describing the difference reached its time limit: [milliseconds]. */
        DESCRIPTION_TIME_LIMIT,
        /** A request outside the difference's rows was found only under the safe approximation: []. */
        OUTSIDE_ONLY_APPROXIMATED
    }

    /** Copies the values. */
    public UnknownReason {
        args = List.copyOf(args);
    }

    /** A reason of this kind with these values. */
    public static UnknownReason of(Kind kind, Object... args) {
        return new UnknownReason(kind, Arrays.stream(args).map(String::valueOf).toList());
    }

    /** The reason in English, in the words the check's message has always used. */
    public String english() {
        return switch (kind) {
            case TIME_LIMIT -> "the check reached its time limit (" + args.get(0) + " ms)";
            case TOO_MANY_STATEMENTS -> "the policies have " + args.get(0) + " statements together; the check decides "
                    + "up to " + args.get(1);
            case TOO_MANY_COMBINATIONS -> "more than " + args.get(0) + " statement combinations";
            case TOO_MANY_VALUE_CLASSES -> "context key " + args.get(0) + " has " + args.get(1) + " value classes; sets "
                    + "of them are decided up to " + args.get(2);
            case DATE_NOT_WRITABLE -> "a date value near " + args.get(0) + " ms cannot be written for the engine";
            case ADDRESS_NOT_WRITABLE -> "an address " + args.get(0) + " cannot be written for the engine";
            case TOO_MANY_REGIONS -> "the patterns split values into more than " + args.get(0) + " regions";
            case REPLAY_NOT_CONFIRMED -> "the request found under the safe approximation (" + args.get(0) + " on "
                    + (args.get(1).isEmpty() ? "\"\"" : args.get(1))
                    + (args.get(2).isEmpty() ? "" : " for " + args.get(2))
                    + (args.get(3).isEmpty() ? " with no context keys" : " with context " + args.get(3))
                    + ") is not a counterexample when replayed"
                    + (args.get(4).isEmpty() ? "" : " (policy variables or mixed condition operators are approximated)");
            case DESCRIPTION_TIME_LIMIT -> "the description reached its time limit (" + args.get(0) + " ms)";
            case OUTSIDE_ONLY_APPROXIMATED -> "a request outside the rows was found only under the safe approximation";
        };
    }
}
