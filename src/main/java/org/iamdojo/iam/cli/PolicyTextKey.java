package org.iamdojo.iam.cli;

/**
 * The compiled-policy cache key: a policy's text as a range of the request line, so a repeated policy is found
 * without copying its text out of the line or running {@link String#hashCode} over it (a profile of repeated
 * policies showed the copy and the hash as a fifth of all time). The hash is a full polynomial hash over every
 * character, in four interleaved lanes so the CPU can overlap them; equality compares the characters.
 */
final class PolicyTextKey {
    private final String text;
    private final int start;
    private final int end;
    private final int hash;

    private PolicyTextKey(String text, int start, int end, int hash) {
        this.text = text;
        this.start = start;
        this.end = end;
        this.hash = hash;
    }

    /** A key over {@code text[start, end)}, holding on to {@code text} (for look-ups only). */
    static PolicyTextKey view(String text, int start, int end) {
        return new PolicyTextKey(text, start, end, hash(text, start, end));
    }

    /** A key that owns a copy of just its range (what the cache stores, so it does not keep whole lines). */
    PolicyTextKey owned() {
        return start == 0 && end == text.length() ? this : new PolicyTextKey(text(), 0, end - start, hash);
    }

    /** The policy text. */
    String text() {
        return start == 0 && end == text.length() ? text : text.substring(start, end);
    }

    private static int hash(String s, int from, int to) {
        int h0 = 0;
        int h1 = 0;
        int h2 = 0;
        int h3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            h0 = 31 * h0 + s.charAt(i);
            h1 = 31 * h1 + s.charAt(i + 1);
            h2 = 31 * h2 + s.charAt(i + 2);
            h3 = 31 * h3 + s.charAt(i + 3);
        }
        int h = ((h0 * 31 + h1) * 31 + h2) * 31 + h3;
        for (; i < to; i++) {
            h = 31 * h + s.charAt(i);
        }
        return h ^ (to - from);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PolicyTextKey k) || k.hash != hash || k.end - k.start != end - start) {
            return false;
        }
        return text.regionMatches(start, k.text, k.start, end - start);
    }
}
