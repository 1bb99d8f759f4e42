package org.iamdojo.iam.policy;

import com.fasterxml.jackson.core.JsonToken;

/**
 * A strict JSON tokenizer over a String for {@link StreamingPolicyReader}: the tokens, texts and token locations
 * (line and column, counted as Jackson counts them: \n, \r and \r\n end a line, columns are 1-based characters)
 * that Jackson's parser gives for the same text, without Jackson's per-parser set-up, buffers and contexts
 * (profiling distinct policies showed Jackson's tokenizer as a third of the authorize command's CPU). It accepts
 * less than Jackson, never more: at anything odd (bad syntax, an unknown escape, a number or string past a size,
 * deep nesting, a character outside strings that is not JSON) it throws {@link Odd}, and the policy is read by the
 * Jackson-based paths, which word the error.
 */
final class RawJsonTokens {
    private static final int MAX_DEPTH = 200;
    private static final int MAX_NUMBER = 100;
    private static final int MAX_STRING = 100_000;
    private static final int START = 0;
    private static final int AFTER_NAME = 1;
    private static final int AFTER_VALUE = 2;

    /** Not taken by this tokenizer; the caller reads the text with Jackson. */
    static final class Odd extends Exception {
        static final Odd INSTANCE = new Odd();

        private Odd() {
            super(null, null, false, false);
        }
    }

    private final String s;
    private final int n;
    private int pos;
    private int line = 1;
    private int lineStart;
    private JsonToken current;
    private String text;
    private int tokenLine;
    private int tokenColumn;
    /** Per open container: true for an object. */
    private boolean[] objects = new boolean[16];
    private int depth;
    private int state = START;
    private boolean rootDone;

    RawJsonTokens(String s) {
        this.s = s;
        this.n = s.length();
    }

    JsonToken currentToken() {
        return current;
    }

    /** The text of the current name, string, number or literal token. */
    String text() {
        return text;
    }

    int tokenLine() {
        return tokenLine;
    }

    int tokenColumn() {
        return tokenColumn;
    }

    /** The next token, or null after the root value when only whitespace is left. */
    JsonToken nextToken() throws Odd {
        ws();
        if (depth == 0) {
            if (rootDone) {
                if (pos != n) {
                    throw Odd.INSTANCE;
                }
                current = null;
                return null;
            }
            return value();
        }
        char c = peek();
        if (objects[depth - 1]) {
            if (state == AFTER_NAME) {
                if (c != ':') {
                    throw Odd.INSTANCE;
                }
                pos++;
                ws();
                return value();
            }
            if (c == '}') {
                mark();
                pos++;
                return close(JsonToken.END_OBJECT);
            }
            if (state == AFTER_VALUE) {
                if (c != ',') {
                    throw Odd.INSTANCE;
                }
                pos++;
                ws();
                c = peek();
            }
            if (c != '"') {
                throw Odd.INSTANCE;
            }
            mark();
            text = string();
            state = AFTER_NAME;
            current = JsonToken.FIELD_NAME;
            return current;
        }
        if (c == ']') {
            mark();
            pos++;
            return close(JsonToken.END_ARRAY);
        }
        if (state == AFTER_VALUE) {
            if (c != ',') {
                throw Odd.INSTANCE;
            }
            pos++;
            ws();
            if (peek() == ']') {
                throw Odd.INSTANCE;
            }
        }
        return value();
    }

    private JsonToken close(JsonToken t) {
        depth--;
        afterValue();
        text = null;
        current = t;
        return t;
    }

    private void afterValue() {
        if (depth == 0) {
            rootDone = true;
        }
        state = AFTER_VALUE;
    }

    private JsonToken value() throws Odd {
        char c = peek();
        mark();
        JsonToken t;
        switch (c) {
            case '{', '[' -> {
                if (depth == MAX_DEPTH) {
                    throw Odd.INSTANCE;
                }
                if (depth == objects.length) {
                    boolean[] more = new boolean[depth * 2];
                    System.arraycopy(objects, 0, more, 0, depth);
                    objects = more;
                }
                objects[depth++] = c == '{';
                pos++;
                state = START;
                text = null;
                current = c == '{' ? JsonToken.START_OBJECT : JsonToken.START_ARRAY;
                return current;
            }
            case '"' -> {
                text = string();
                t = JsonToken.VALUE_STRING;
            }
            case 't' -> t = literal("true", JsonToken.VALUE_TRUE);
            case 'f' -> t = literal("false", JsonToken.VALUE_FALSE);
            case 'n' -> t = literal("null", JsonToken.VALUE_NULL);
            default -> t = number();
        }
        afterValue();
        current = t;
        return t;
    }

    private JsonToken literal(String word, JsonToken t) throws Odd {
        if (!s.startsWith(word, pos)) {
            throw Odd.INSTANCE;
        }
        pos += word.length();
        separatorFollows();
        text = word;
        return t;
    }

    /** -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, its text as written. */
    private JsonToken number() throws Odd {
        int start = pos;
        boolean integer = true;
        if (pos < n && s.charAt(pos) == '-') {
            pos++;
        }
        char c = peek();
        if (c == '0') {
            pos++;
        } else if (c >= '1' && c <= '9') {
            digits();
        } else {
            throw Odd.INSTANCE;
        }
        if (pos < n && s.charAt(pos) == '.') {
            pos++;
            integer = false;
            digits();
        }
        if (pos < n && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
            pos++;
            integer = false;
            if (pos < n && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                pos++;
            }
            digits();
        }
        if (pos - start > MAX_NUMBER) {
            throw Odd.INSTANCE;
        }
        separatorFollows();
        text = s.substring(start, pos);
        return integer ? JsonToken.VALUE_NUMBER_INT : JsonToken.VALUE_NUMBER_FLOAT;
    }

    /** One or more digits. */
    private void digits() throws Odd {
        int start = pos;
        while (pos < n && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        if (pos == start) {
            throw Odd.INSTANCE;
        }
    }

    /** A scalar must be followed by whitespace, a comma, a closing bracket or the end ("12ab", "truex" are odd). */
    private void separatorFollows() throws Odd {
        if (pos < n) {
            char c = s.charAt(pos);
            if (c != ',' && c != '}' && c != ']' && c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                throw Odd.INSTANCE;
            }
        }
    }

    /** The string at {@code pos} (its opening quote), decoded. */
    private String string() throws Odd {
        int start = ++pos;
        int i = start;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '"') {
                if (i - start > MAX_STRING) {
                    throw Odd.INSTANCE;
                }
                pos = i + 1;
                return s.substring(start, i);
            }
            if (c == '\\') {
                return escaped(start);
            }
            if (c < 0x20) {
                throw Odd.INSTANCE;
            }
            i++;
        }
        throw Odd.INSTANCE;
    }

    private String escaped(int start) throws Odd {
        StringBuilder b = new StringBuilder();
        int i = start;
        while (i < n) {
            char c = s.charAt(i++);
            if (c == '"') {
                if (b.length() > MAX_STRING) {
                    throw Odd.INSTANCE;
                }
                pos = i;
                return b.toString();
            }
            if (c < 0x20) {
                throw Odd.INSTANCE;
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (i >= n) {
                throw Odd.INSTANCE;
            }
            char e = s.charAt(i++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (i + 4 > n) {
                        throw Odd.INSTANCE;
                    }
                    int v = 0;
                    for (int k = 0; k < 4; k++) {
                        char h = s.charAt(i++);
                        int d = h <= 'f' ? Character.digit(h, 16) : -1;
                        if (d < 0) {
                            throw Odd.INSTANCE;
                        }
                        v = v * 16 + d;
                    }
                    b.append((char) v);
                }
                default -> throw Odd.INSTANCE;
            }
        }
        throw Odd.INSTANCE;
    }

    private void mark() {
        tokenLine = line;
        tokenColumn = pos - lineStart + 1;
    }

    private void ws() {
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t') {
                pos++;
            } else if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (c == '\r') {
                pos++;
                if (pos < n && s.charAt(pos) == '\n') {
                    pos++;
                }
                line++;
                lineStart = pos;
            } else {
                return;
            }
        }
    }

    private char peek() throws Odd {
        if (pos >= n) {
            throw Odd.INSTANCE;
        }
        return s.charAt(pos);
    }
}
