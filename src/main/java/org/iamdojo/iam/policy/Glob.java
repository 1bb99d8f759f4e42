package org.iamdojo.iam.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * A compiled IAM wildcard pattern: {@code *} matches any run of characters (including none), {@code ?} exactly
 * one. Common shapes (all, literal, prefix*) take a fast path. The general case splits the pattern at its stars
 * into fixed-length parts: the first part must start the input, the last must end it, and each part between is
 * taken at its leftmost place after the previous one (leftmost is always safe, since every part has a fixed
 * length). Each part is found with a linear-time search (Knuth-Morris-Pratt, or bit-parallel Shift-And for parts
 * with {@code ?}), so matching costs O(n + m) for parts without {@code ?} and O(n·⌈k/64⌉ + m) otherwise (n input,
 * m pattern, k the longest part), never a regex and never backtracking. Case-insensitive globs lower-case the
 * pattern once; callers lower-case the input.
 */
public final class Glob {
    /** Internal marker for a wildcard {@code *} (lets substituted text keep literal '*' characters). */
    public static final char STAR = '\uE000';
    /** Internal marker for a wildcard {@code ?}. */
    public static final char ONE = '\uE001';

    private enum Shape { ANY, LITERAL, PREFIX, GENERAL }

    private final Shape shape;
    private final String text;
    private final String source;
    /** GENERAL only: the parts between stars; a pattern without stars is one part that must match it all. */
    private final Part[] parts;
    private final boolean hasStar;
    private final int minLength;

    private Glob(Shape shape, String text, String source, Part[] parts, boolean hasStar) {
        this.shape = shape;
        this.text = text;
        this.source = source;
        this.parts = parts;
        this.hasStar = hasStar;
        int min = 0;
        for (Part part : parts) {
            min += part.length();
        }
        this.minLength = min;
    }

    private Glob(Shape shape, String text, String source) {
        this(shape, text, source, new Part[0], false);
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
            return new Glob(Shape.LITERAL, p, source);
        }
        if (ones == 0 && stars == p.length()) {
            return new Glob(Shape.ANY, "", source);
        }
        if (ones == 0 && stars == 1 && p.charAt(p.length() - 1) == STAR) {
            return new Glob(Shape.PREFIX, p.substring(0, p.length() - 1), source);
        }
        // Runs of stars are one star; the parts between them (first and last may be empty) have fixed lengths.
        List<Part> parts = new ArrayList<>();
        int begin = 0;
        for (int i = 0; i <= p.length(); i++) {
            if (i == p.length() || p.charAt(i) == STAR) {
                boolean edge = begin == 0 || i == p.length();
                if (i > begin || edge) {
                    parts.add(Part.of(p.substring(begin, i)));
                }
                while (i + 1 < p.length() && p.charAt(i + 1) == STAR) {
                    i++;
                }
                begin = i + 1;
            }
        }
        return new Glob(Shape.GENERAL, p, source, parts.toArray(new Part[0]), stars > 0);
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
        if (to - from < minLength) {
            return false;
        }
        Part head = parts[0];
        if (!hasStar) {
            return to - from == head.length() && head.matchesAt(s, from);
        }
        Part tail = parts[parts.length - 1];
        if (!head.matchesAt(s, from) || !tail.matchesAt(s, to - tail.length())) {
            return false;
        }
        int pos = from + head.length();
        int end = to - tail.length();
        for (int i = 1; i < parts.length - 1; i++) {
            int at = parts[i].find(s, pos, end);
            if (at < 0) {
                return false;
            }
            pos = at + parts[i].length();
        }
        return true;
    }

    /** A fixed-length piece of a pattern between stars: literal characters and {@code ?}. */
    private abstract static class Part {
        final char[] chars;

        Part(char[] chars) {
            this.chars = chars;
        }

        static Part of(String text) {
            return text.indexOf(ONE) < 0 ? new LiteralPart(text.toCharArray()) : new WildPart(text.toCharArray());
        }

        final int length() {
            return chars.length;
        }

        /** Whether the part matches {@code s} at {@code at} (the caller made sure it fits). */
        final boolean matchesAt(String s, int at) {
            for (int j = 0; j < chars.length; j++) {
                char c = chars[j];
                if (c != ONE && c != s.charAt(at + j)) {
                    return false;
                }
            }
            return true;
        }

        /** The leftmost index i in [from, end - length] where the part matches s[i, i + length), or -1. */
        abstract int find(String s, int from, int end);
    }

    /** A part without {@code ?}: Knuth-Morris-Pratt, linear in the text searched. */
    private static final class LiteralPart extends Part {
        private final int[] failure;

        LiteralPart(char[] chars) {
            super(chars);
            failure = new int[chars.length];
            for (int i = 1, k = 0; i < chars.length; i++) {
                while (k > 0 && chars[i] != chars[k]) {
                    k = failure[k - 1];
                }
                if (chars[i] == chars[k]) {
                    k++;
                }
                failure[i] = k;
            }
        }

        @Override
        int find(String s, int from, int end) {
            int m = chars.length;
            if (m == 0) {
                return from <= end ? from : -1;
            }
            for (int i = from, k = 0; i < end; i++) {
                char c = s.charAt(i);
                while (k > 0 && c != chars[k]) {
                    k = failure[k - 1];
                }
                if (c == chars[k]) {
                    k++;
                    if (k == m) {
                        return i - m + 1;
                    }
                }
            }
            return -1;
        }
    }

    /**
     * A part with {@code ?}: Shift-And over 64-position blocks, each with the sorted characters it names and their
     * position masks, so memory stays linear in the part and every text character costs O(⌈length/64⌉).
     */
    private static final class WildPart extends Part {
        private final char[][] blockChars;
        private final long[][] blockMasks;
        private final long[] anyMasks;

        WildPart(char[] chars) {
            super(chars);
            int blocks = (chars.length + 63) / 64;
            blockChars = new char[blocks][];
            blockMasks = new long[blocks][];
            anyMasks = new long[blocks];
            for (int b = 0; b < blocks; b++) {
                int lo = b * 64;
                int hi = Math.min(lo + 64, chars.length);
                TreeMap<Character, Long> masks = new TreeMap<>();
                for (int j = lo; j < hi; j++) {
                    long bit = 1L << (j - lo);
                    if (chars[j] == ONE) {
                        anyMasks[b] |= bit;
                    } else {
                        masks.merge(chars[j], bit, (x, y) -> x | y);
                    }
                }
                blockChars[b] = new char[masks.size()];
                blockMasks[b] = new long[masks.size()];
                int k = 0;
                for (var e : masks.entrySet()) {
                    blockChars[b][k] = e.getKey();
                    blockMasks[b][k++] = e.getValue();
                }
            }
        }

        @Override
        int find(String s, int from, int end) {
            int blocks = anyMasks.length;
            long[] state = new long[blocks];
            int last = blocks - 1;
            long accept = 1L << ((chars.length - 1) % 64);
            // Blocks above 'top' are all zero: a match grows by one position per character, so only the blocks
            // a live partial match has reached (and the next one) need work.
            int top = 0;
            for (int i = from; i < end; i++) {
                char c = s.charAt(i);
                int high = Math.min(top + 1, last);
                // Highest block first, so each block still sees the previous character's state of the one below.
                for (int b = high; b >= 0; b--) {
                    long carry = b == 0 ? 1L : state[b - 1] >>> 63;
                    long moved = (state[b] << 1) | carry;
                    state[b] = moved == 0 ? 0 : moved & mask(b, c);
                }
                top = high;
                while (top > 0 && state[top] == 0) {
                    top--;
                }
                if ((state[last] & accept) != 0) {
                    return i - chars.length + 1;
                }
            }
            return -1;
        }

        private long mask(int block, char c) {
            int k = Arrays.binarySearch(blockChars[block], c);
            return k >= 0 ? blockMasks[block][k] | anyMasks[block] : anyMasks[block];
        }
    }

    @Override
    public String toString() {
        return source;
    }
}
