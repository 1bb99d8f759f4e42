package org.iamdojo.iam.policy;

import java.util.Locale;

/**
 * A compiled IAM wildcard pattern: {@code *} matches any run of characters (including none), {@code ?} exactly
 * one. Common shapes (all, literal, prefix*) take a fast path; the general case is a linear backtracking scan,
 * never a regex. Case-insensitive globs lower-case the pattern once; callers lower-case the input.
 */
public final class Glob {
    /** Internal marker for a wildcard {@code *} (lets substituted text keep literal '*' characters). */
    public static final char STAR = '\uE000';
    /** Internal marker for a wildcard {@code ?}. */
    public static final char ONE = '\uE001';

    private enum Shape { ANY, LITERAL, PREFIX, GENERAL }

    private final Shape shape;
    private final String text;
    private final char[] pattern;
    private final String source;

    private Glob(Shape shape, String text, char[] pattern, String source) {
        this.shape = shape;
        this.text = text;
        this.pattern = pattern;
        this.source = source;
    }

    /** Compiles a pattern where '*' and '?' are wildcards. */
    public static Glob compile(String pattern, boolean ignoreCase) {
        return compileEncoded(encode(pattern), ignoreCase, pattern);
    }

    /** Converts '*' and '?' to the internal wildcard markers. */
    public static String encode(String pattern) {
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
            return pattern;
        }
        return pattern.replace('*', STAR).replace('?', ONE);
    }

    /** Compiles a pattern whose wildcards are already {@link #STAR}/{@link #ONE} markers. */
    public static Glob compileEncoded(String encoded, boolean ignoreCase, String source) {
        String p = ignoreCase ? encoded.toLowerCase(Locale.ROOT) : encoded;
        int stars = 0;
        int ones = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == STAR) {
                stars++;
            } else if (c == ONE) {
                ones++;
            }
        }
        if (ones == 0 && stars == 0) {
            return new Glob(Shape.LITERAL, p, null, source);
        }
        if (ones == 0 && stars == p.length()) {
            return new Glob(Shape.ANY, "", null, source);
        }
        if (ones == 0 && stars == 1 && p.charAt(p.length() - 1) == STAR) {
            return new Glob(Shape.PREFIX, p.substring(0, p.length() - 1), null, source);
        }
        return new Glob(Shape.GENERAL, p, p.toCharArray(), source);
    }

    /** The pattern as written in the policy. */
    public String source() {
        return source;
    }

    /** True if the pattern is exactly "*" (or only stars). */
    public boolean matchesEverything() {
        return shape == Shape.ANY;
    }

    /** Whether the whole string matches. */
    public boolean matches(String s) {
        return matches(s, 0, s.length());
    }

    /** Whether {@code s[from, to)} matches. */
    public boolean matches(String s, int from, int to) {
        switch (shape) {
            case ANY:
                return true;
            case LITERAL:
                return to - from == text.length() && s.regionMatches(from, text, 0, text.length());
            case PREFIX:
                return to - from >= text.length() && s.regionMatches(from, text, 0, text.length());
            default:
                return general(s, from, to);
        }
    }

    private boolean general(String s, int from, int to) {
        char[] p = pattern;
        int pi = 0;
        int si = from;
        int starP = -1;
        int starS = -1;
        while (si < to) {
            if (pi < p.length && (p[pi] == ONE || (p[pi] != STAR && p[pi] == s.charAt(si)))) {
                pi++;
                si++;
            } else if (pi < p.length && p[pi] == STAR) {
                starP = pi++;
                starS = si;
            } else if (starP >= 0) {
                pi = starP + 1;
                si = ++starS;
            } else {
                return false;
            }
        }
        while (pi < p.length && p[pi] == STAR) {
            pi++;
        }
        return pi == p.length;
    }

    @Override
    public String toString() {
        return source;
    }
}
