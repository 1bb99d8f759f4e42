package org.iamdojo.fuzz;

import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutates a valid input text into a nearly valid one, the way a person's typing or a hostile client breaks it:
 * characters flipped, deleted or duplicated, keys repeated, huge numbers, deep nesting, odd unicode, cut-off
 * text. Deterministic for a given {@link Random}.
 */
final class Mutator {
    /** Characters that matter to JSON, YAML and the shell-like command line, and unicode that often breaks code. */
    static final List<String> ODD = List.of("{", "}", "[", "]", "\"", "'", ",", ":", "\\", " ", "\t", "\n", "\r",
            "-", "#", "*", "?", "$", "${", "&", "|", "!", "%", "0", "-1", "1e309", "\u0000", "\u0001", "\u007f",
            "\uFEFF", "\u200B", "\u202E", "\u2028", "\u0301", "é", "한", "😀", "\uD800", "\uDC00", "\uFFFF",
            "ﬀ", "İ", "ß", "\\u0000", "\\uD800", "\\", "null", "true", "[]", "{}");
    private static final Pattern MEMBER = Pattern.compile("\"[A-Za-z0-9:_-]+\"\\s*:\\s*(\"[^\"\\\\]*\"|-?\\d+|true|false)");
    private static final Pattern VALUE = Pattern.compile("\"[^\"\\\\]*\"|-?\\d+(\\.\\d+)?");
    private static final List<String> HUGE = List.of("1e999999", "-1e999999", "123456789012345678901234567890123456789",
            "0.0000000000000000000000000000000000000000001", "-0", "9223372036854775808", "NaN", "Infinity",
            "\"" + "9".repeat(5000) + "\"");

    private final Random random;

    Mutator(Random random) {
        this.random = random;
    }

    /** One to three mutations of {@code text}. */
    String mutate(String text) {
        String s = text;
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            s = once(s);
        }
        return s;
    }

    String once(String s) {
        int at = s.isEmpty() ? 0 : random.nextInt(s.length() + 1);
        switch (random.nextInt(13)) {
            case 0: // flip one character
                return s.isEmpty() ? odd() : s.substring(0, Math.min(at, s.length() - 1)) + odd()
                        + s.substring(Math.min(at + 1, s.length()));
            case 1: { // delete a short range
                int end = Math.min(s.length(), at + 1 + random.nextInt(8));
                return s.substring(0, at) + s.substring(end);
            }
            case 2: { // duplicate a short range
                int end = Math.min(s.length(), at + 1 + random.nextInt(20));
                return s.substring(0, end) + s.substring(at, end) + s.substring(end);
            }
            case 3: // insert an odd character
                return s.substring(0, at) + odd() + s.substring(at);
            case 4: // repeat a key with its value (a duplicate key)
                return replaceOne(s, MEMBER, m -> m + "," + m);
            case 5: // a huge or special number where a value was
                return replaceOne(s, VALUE, m -> HUGE.get(random.nextInt(HUGE.size())));
            case 6: { // deep nesting around a value
                int depth = random.nextBoolean() ? 50 + random.nextInt(200) : 2000 + random.nextInt(8000);
                boolean object = random.nextBoolean();
                String open = object ? "{\"a\":" : "[";
                String close = object ? "}" : "]";
                return replaceOne(s, VALUE, m -> open.repeat(depth) + m + close.repeat(depth));
            }
            case 7: // unbalanced nesting
                return s.substring(0, at) + "[".repeat(1 + random.nextInt(3000)) + s.substring(at);
            case 8: // cut off
                return s.substring(0, at);
            case 9: // a very long value
                return replaceOne(s, VALUE, m -> "\"" + "a*".repeat(random.nextInt(20000)) + "\"");
            case 10: { // swap two lines
                String[] lines = s.split("\n", -1);
                if (lines.length < 2) {
                    return s;
                }
                int a = random.nextInt(lines.length);
                int b = random.nextInt(lines.length);
                String t = lines[a];
                lines[a] = lines[b];
                lines[b] = t;
                return String.join("\n", lines);
            }
            case 11: { // delete or duplicate a line
                String[] lines = s.split("\n", -1);
                int a = random.nextInt(lines.length);
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < lines.length; i++) {
                    if (i != a || random.nextBoolean()) {
                        b.append(lines[i]).append('\n');
                    }
                    if (i == a) {
                        b.append(lines[i]).append('\n');
                    }
                }
                return b.toString();
            }
            default: // odd unicode inside a string value
                return replaceOne(s, VALUE, m -> m.startsWith("\"") ? m.charAt(0) + odd() + odd() + m.substring(1) : m);
        }
    }

    String odd() {
        return ODD.get(random.nextInt(ODD.size()));
    }

    /** Random text of printable, structural and odd characters. */
    String noise(int maxLength) {
        int n = random.nextInt(maxLength + 1);
        StringBuilder b = new StringBuilder();
        while (b.length() < n) {
            b.append(random.nextInt(3) == 0 ? odd() : Character.toString(32 + random.nextInt(95)));
        }
        return b.toString();
    }

    private String replaceOne(String s, Pattern pattern, UnaryOperator<String> with) {
        Matcher m = pattern.matcher(s);
        int count = 0;
        while (m.find()) {
            count++;
        }
        if (count == 0) {
            return s;
        }
        int pick = random.nextInt(count);
        m.reset();
        for (int i = 0; i <= pick; i++) {
            m.find();
        }
        return s.substring(0, m.start()) + with.apply(m.group()) + s.substring(m.end());
    }
}
