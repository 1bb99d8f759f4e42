package org.iamdojo.iam.policy;

import java.util.Arrays;

/** A request value (resource or ARN condition value) split once into its six ARN segments for matching. */
public final class ArnTarget {
    private final String text;
    private final int[] bounds;

    private ArnTarget(String text, int[] bounds) {
        this.text = text;
        this.bounds = bounds;
    }

    /** Splits a value; a value with fewer than six segments is kept as a plain string. */
    public static ArnTarget of(String text) {
        if (!text.startsWith("arn:")) {
            return new ArnTarget(text, null);
        }
        int[] b = segmentBounds(text);
        return new ArnTarget(text, b.length == 12 ? b : null);
    }

    /** Start/end offsets of up to six colon-separated segments; the sixth runs to the end. */
    static int[] segmentBounds(String s) {
        int[] tmp = new int[12];
        int n = 0;
        int start = 0;
        while (n < 5) {
            int colon = s.indexOf(':', start);
            if (colon < 0) {
                break;
            }
            tmp[2 * n] = start;
            tmp[2 * n + 1] = colon;
            n++;
            start = colon + 1;
        }
        tmp[2 * n] = start;
        tmp[2 * n + 1] = s.length();
        n++;
        return n == 6 ? tmp : Arrays.copyOf(tmp, 2 * n);
    }

    /** The full value. */
    public String text() {
        return text;
    }

    /** True when the value has all six ARN segments. */
    public boolean isArn() {
        return bounds != null;
    }

    /** Start offset of segment i (0 = "arn"). */
    public int start(int i) {
        return bounds[2 * i];
    }

    /** End offset of segment i. */
    public int end(int i) {
        return bounds[2 * i + 1];
    }

    /** Segment i as a string (0 = "arn", 1 = partition, 2 = service, 3 = region, 4 = account, 5 = resource). */
    public String segment(int i) {
        return text.substring(bounds[2 * i], bounds[2 * i + 1]);
    }
}
