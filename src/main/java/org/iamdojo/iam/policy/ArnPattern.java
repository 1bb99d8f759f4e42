package org.iamdojo.iam.policy;

/**
 * A compiled Resource (or Arn* condition) pattern. Following "IAM JSON policy elements: Resource"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html): wildcards
 * work within each colon-separated ARN segment; the resource-id segment is the rest of the ARN, so a
 * {@code *} there spans '/' and ':'; a {@code *} that ends a pattern with fewer than six segments expands
 * beyond the colon boundaries. Matching is case-sensitive. A pattern or value that is not an ARN is
 * compared as one wildcard string.
 */
public final class ArnPattern {
    private final String source;
    private final Glob whole;
    private final Glob[] segments;
    private final boolean lastExpands;

    private ArnPattern(String source, Glob whole, Glob[] segments, boolean lastExpands) {
        this.source = source;
        this.whole = whole;
        this.segments = segments;
        this.lastExpands = lastExpands;
    }

    /** Compiles a pattern as written in a policy ('*' and '?' are wildcards). */
    public static ArnPattern compile(String pattern) {
        return compileEncoded(Glob.encode(pattern), pattern);
    }

    /** Compiles a pattern whose wildcards are already {@link Glob#STAR}/{@link Glob#ONE} markers. */
    public static ArnPattern compileEncoded(String encoded, String source) {
        Glob whole = Glob.compileEncoded(encoded, false, source);
        if (whole.matchesEverything() || !encoded.startsWith("arn:")) {
            return new ArnPattern(source, whole, null, false);
        }
        int[] bounds = ArnTarget.segmentBounds(encoded);
        int n = bounds.length / 2;
        Glob[] segs = new Glob[n];
        for (int i = 0; i < n; i++) {
            segs[i] = Glob.compileEncoded(encoded.substring(bounds[2 * i], bounds[2 * i + 1]), false, source);
        }
        boolean expands = n < 6 && encoded.charAt(encoded.length() - 1) == Glob.STAR;
        return new ArnPattern(source, whole, segs, expands);
    }

    /** The pattern as written. */
    public String source() {
        return source;
    }

    /** True for "*". */
    public boolean matchesEverything() {
        return whole.matchesEverything();
    }

    /** Whether the target resource matches this pattern. */
    public boolean matches(ArnTarget target) {
        if (segments == null || !target.isArn()) {
            return whole.matches(target.text());
        }
        int n = segments.length;
        if (n < 6 && !lastExpands) {
            return false;
        }
        String s = target.text();
        for (int i = 0; i < n; i++) {
            boolean last = i == n - 1;
            int from = target.start(i);
            int to = last && lastExpands ? s.length() : target.end(i);
            if (!segments[i].matches(s, from, to)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return source;
    }
}
