package org.iamdojo.iam.cli;

import java.util.List;

/**
 * A minimal JSON writer for the authorize command's one-line answers, straight into a StringBuilder (a profile
 * of distinct policies showed Jackson's generator and its writer as a tenth of all time). It escapes exactly as
 * Jackson's default generator does: quote, backslash, the short forms b t n f r, other control characters as
 * an upper-case hex escape (backslash, u, 00XX), everything else as is.
 */
final class JsonLine {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private final StringBuilder sb;
    private boolean needComma;

    JsonLine(int capacity) {
        this(new StringBuilder(capacity));
    }

    /** Writes onto the end of {@code to} (the caller's reused buffer: no growing from small, no copy out). */
    JsonLine(StringBuilder to) {
        sb = to;
    }

    JsonLine startObject() {
        comma();
        sb.append('{');
        needComma = false;
        return this;
    }

    JsonLine endObject() {
        sb.append('}');
        needComma = true;
        return this;
    }

    JsonLine startArray(String field) {
        name(field);
        sb.append('[');
        needComma = false;
        return this;
    }

    JsonLine endArray() {
        sb.append(']');
        needComma = true;
        return this;
    }

    JsonLine startObject(String field) {
        name(field);
        sb.append('{');
        needComma = false;
        return this;
    }

    JsonLine string(String field, String value) {
        name(field);
        quoted(value);
        needComma = true;
        return this;
    }

    JsonLine number(String field, long value) {
        name(field);
        sb.append(value);
        needComma = true;
        return this;
    }

    JsonLine string(String value) {
        comma();
        quoted(value);
        needComma = true;
        return this;
    }

    JsonLine strings(String field, List<String> values) {
        startArray(field);
        for (String v : values) {
            string(v);
        }
        return endArray();
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    private void name(String field) {
        comma();
        quoted(field);
        sb.append(':');
    }

    private void comma() {
        if (needComma) {
            sb.append(',');
        }
    }

    private void quoted(String s) {
        if (s == null) {
            sb.append("null");
            return;
        }
        sb.append('"');
        int run = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            sb.append(s, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\f' -> sb.append("\\f");
                case '\r' -> sb.append("\\r");
                default -> sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        sb.append(s, run, n).append('"');
    }
}
