package org.iamdojo.iam.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iamdojo.iam.eval.CompiledPolicy;

/**
 * The fast path of {@link AuthorizeCommand}: reads a request line straight from its characters, without Jackson's
 * tokenizer. A policy object is not tokenized at all: one scan finds its closing brace (skipping strings) and hashes
 * it, so a policy text met before costs that scan, one table lookup and one character compare.
 *
 * <p>It accepts only a strict subset of what the Jackson path accepts, with the same meaning: anything unusual
 * (a syntax error, an unknown field, a value of the wrong type, a policy that does not parse, deep nesting, an
 * escape it does not know) makes {@link #read} return {@code null}, and the caller decides the line on the Jackson
 * path, which gives today's answer and today's located error. So results cannot differ; only speed does.
 */
final class RequestLineScanner {
    /** Deeper than this inside a policy, the line goes to the Jackson path (whose limit is far above). */
    private static final int MAX_DEPTH = 64;
    /** Longer numbers go to the Jackson path (it has a number-length limit of its own). */
    private static final int MAX_NUMBER = 100;

    /** Turns a policy text into its compiled form; {@code null} when it does not parse. */
    interface Policies {
        /**
         * A policy met before whose text starts at {@code line[start]} (its exact text is there, so the JSON object
         * there is that text: an object ends where its braces balance), or {@code null}; on a hit, {@link #knownEnd}
         * is where its text ends.
         */
        CompiledPolicy known(String line, int start, String id);

        /** The end (exclusive) of the text the last {@link #known} hit matched. */
        int knownEnd();

        /** The policy whose text is {@code line[start, end)}, or null if it does not parse. */
        CompiledPolicy object(String line, int start, int end, String id);

        /** The policy given as a JSON string (already decoded), or null if it does not parse. */
        CompiledPolicy text(String text, String id);
    }

    /** What a request line says, before the checks that are common to both paths. */
    static final class Fields {
        String principal;
        String action;
        String resource;
        String resourceAccount;
        String sessionIssuer;
        Map<String, List<String>> context = Map.of();
        List<CompiledPolicy> identity = List.of();
        CompiledPolicy boundary;
        CompiledPolicy session;
        CompiledPolicy resourcePolicy;
        List<List<CompiledPolicy>> scps = List.of();
        List<List<CompiledPolicy>> rcps = List.of();
        boolean awsManaged;
    }

    /** Signals "leave this line to the Jackson path"; no stack trace, it is control flow. */
    private static final class Unusual extends Exception {
        private static final Unusual INSTANCE = new Unusual();

        private Unusual() {
            super(null, null, false, false);
        }
    }

    private final Policies policies;
    private String s;
    private int pos;
    private int len;

    RequestLineScanner(Policies policies) {
        this.policies = policies;
    }

    /** The request's fields, or {@code null} when the line must be read by the Jackson path. */
    Fields read(String line) {
        s = line;
        pos = 0;
        len = line.length();
        try {
            return request();
        } catch (Unusual e) {
            return null;
        } finally {
            s = null;
        }
    }

    private Fields request() throws Unusual {
        Fields f = new Fields();
        ws();
        expect('{');
        ws();
        if (peek() == '}') {
            pos++;
        } else {
            while (true) {
                ws();
                String field = string();
                ws();
                expect(':');
                ws();
                if (literal("null")) {
                    // As on the Jackson path: a null field is skipped whatever its name.
                } else {
                    field(f, field);
                }
                ws();
                char c = next();
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw Unusual.INSTANCE;
                }
            }
        }
        ws();
        if (pos != len) {
            throw Unusual.INSTANCE;
        }
        return f;
    }

    private void field(Fields f, String field) throws Unusual {
        switch (field) {
            case "principal" -> f.principal = stringValue();
            case "action" -> f.action = stringValue();
            case "resource" -> f.resource = stringValue();
            case "resourceAccount" -> f.resourceAccount = stringValue();
            case "sessionIssuer" -> f.sessionIssuer = stringValue();
            case "context" -> f.context = context();
            case "identityPolicies" -> f.identity = policyList(field);
            case "permissionsBoundary" -> f.boundary = policy(field);
            case "sessionPolicy" -> f.session = policy(field);
            case "resourcePolicy" -> f.resourcePolicy = policy(field);
            case "scps" -> f.scps = policyLevels(field);
            case "rcps" -> f.rcps = policyLevels(field);
            case "awsManagedResource" -> f.awsManaged = bool();
            default -> throw Unusual.INSTANCE;
        }
    }

    private String stringValue() throws Unusual {
        if (peek() != '"') {
            throw Unusual.INSTANCE;
        }
        return string();
    }

    private boolean bool() throws Unusual {
        if (literal("true")) {
            return true;
        }
        if (literal("false")) {
            return false;
        }
        throw Unusual.INSTANCE;
    }

    private Map<String, List<String>> context() throws Unusual {
        expect('{');
        Map<String, List<String>> out = new LinkedHashMap<>();
        ws();
        if (peek() == '}') {
            pos++;
            return out;
        }
        while (true) {
            ws();
            String key = string();
            ws();
            expect(':');
            ws();
            if (peek() == '[') {
                pos++;
                List<String> values = new ArrayList<>();
                ws();
                if (peek() == ']') {
                    pos++;
                } else {
                    while (true) {
                        ws();
                        values.add(scalar());
                        ws();
                        char c = next();
                        if (c == ']') {
                            break;
                        }
                        if (c != ',') {
                            throw Unusual.INSTANCE;
                        }
                    }
                }
                out.put(key, values);
            } else {
                out.put(key, List.of(scalar()));
            }
            ws();
            char c = next();
            if (c == '}') {
                return out;
            }
            if (c != ',') {
                throw Unusual.INSTANCE;
            }
        }
    }

    /** A string, number, true or false, as Jackson's {@code getText} gives it (numbers as written). */
    private String scalar() throws Unusual {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (literal("true")) {
            return "true";
        }
        if (literal("false")) {
            return "false";
        }
        return number();
    }

    /** A number in strict JSON grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
    private String number() throws Unusual {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        char c = next();
        if (c == '0') {
            // no leading zeros
        } else if (c >= '1' && c <= '9') {
            digits(false);
        } else {
            throw Unusual.INSTANCE;
        }
        if (pos < len && s.charAt(pos) == '.') {
            pos++;
            digits(true);
        }
        if (pos < len && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
            pos++;
            if (pos < len && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                pos++;
            }
            digits(true);
        }
        if (pos - start > MAX_NUMBER) {
            throw Unusual.INSTANCE;
        }
        if (pos < len) {
            // A number must end at a separator (Jackson rejects "12abc").
            char after = s.charAt(pos);
            if (after != ',' && after != ']' && after != '}' && !isWs(after)) {
                throw Unusual.INSTANCE;
            }
        }
        return s.substring(start, pos);
    }

    private void digits(boolean atLeastOne) throws Unusual {
        int start = pos;
        while (pos < len && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        if (atLeastOne && pos == start) {
            throw Unusual.INSTANCE;
        }
    }

    private List<CompiledPolicy> policyList(String field) throws Unusual {
        return array(field, this::policy);
    }

    private List<List<CompiledPolicy>> policyLevels(String field) throws Unusual {
        return array(field, this::policyList);
    }

    /** One element of a JSON array, read at the scanner's position; {@code path} is its field and index. */
    private interface Element<T> {
        T read(String path) throws Unusual;
    }

    /** A JSON array of elements read by {@code element}, each given its path {@code field[i]}. */
    private <T> List<T> array(String field, Element<T> element) throws Unusual {
        expect('[');
        List<T> out = new ArrayList<>();
        ws();
        if (peek() == ']') {
            pos++;
            return out;
        }
        while (true) {
            ws();
            out.add(element.read(field + "[" + out.size() + "]"));
            ws();
            char c = next();
            if (c == ']') {
                return out;
            }
            if (c != ',') {
                throw Unusual.INSTANCE;
            }
        }
    }

    private CompiledPolicy policy(String id) throws Unusual {
        char c = peek();
        CompiledPolicy compiled;
        if (c == '"') {
            compiled = policies.text(string(), id);
        } else if (c == '{') {
            int start = pos;
            compiled = policies.known(s, start, id);
            if (compiled != null) {
                pos = policies.knownEnd();
            } else {
                objectEnd();
                compiled = policies.object(s, start, pos, id);
            }
        } else {
            throw Unusual.INSTANCE;
        }
        if (compiled == null) {
            throw Unusual.INSTANCE;
        }
        return compiled;
    }

    /**
     * Moves past the object that starts at {@code pos}. Only brackets and strings are followed; whether the text is
     * valid JSON is decided by the policy parser (a text that does not parse sends the line to the Jackson path).
     */
    private void objectEnd() throws Unusual {
        String t = s;
        int n = len;
        int i = pos;
        int depth = 0;
        while (i < n) {
            char c = t.charAt(i++);
            if (c == '"') {
                while (true) {
                    if (i >= n) {
                        throw Unusual.INSTANCE;
                    }
                    char d = t.charAt(i++);
                    if (d == '"') {
                        break;
                    }
                    if (d == '\\') {
                        i++;
                    } else if (d < 0x20) {
                        throw Unusual.INSTANCE;
                    }
                }
            } else if (c == '{' || c == '[') {
                if (++depth > MAX_DEPTH) {
                    throw Unusual.INSTANCE;
                }
            } else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    if (c != '}') {
                        throw Unusual.INSTANCE;
                    }
                    pos = i;
                    return;
                }
            }
        }
        throw Unusual.INSTANCE;
    }

    /** A JSON string at {@code pos}, decoded; escapes other than JSON's own go to the Jackson path. */
    private String string() throws Unusual {
        expect('"');
        int start = pos;
        String t = s;
        int i = pos;
        while (i < len) {
            char c = t.charAt(i);
            if (c == '"') {
                pos = i + 1;
                return t.substring(start, i);
            }
            if (c == '\\') {
                return escapedString(start);
            }
            if (c < 0x20) {
                throw Unusual.INSTANCE;
            }
            i++;
        }
        throw Unusual.INSTANCE;
    }

    private String escapedString(int start) throws Unusual {
        StringBuilder b = new StringBuilder();
        int i = start;
        while (true) {
            if (i >= len) {
                throw Unusual.INSTANCE;
            }
            char c = s.charAt(i++);
            if (c == '"') {
                pos = i;
                return b.toString();
            }
            if (c < 0x20) {
                throw Unusual.INSTANCE;
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (i >= len) {
                throw Unusual.INSTANCE;
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
                    if (i + 4 > len) {
                        throw Unusual.INSTANCE;
                    }
                    int v = 0;
                    for (int k = 0; k < 4; k++) {
                        int d = Character.digit(s.charAt(i++), 16);
                        if (d < 0) {
                            throw Unusual.INSTANCE;
                        }
                        v = v * 16 + d;
                    }
                    b.append((char) v);
                }
                default -> throw Unusual.INSTANCE;
            }
        }
    }

    private boolean literal(String word) {
        if (s.startsWith(word, pos)) {
            int end = pos + word.length();
            // "nullx" or "true1" is not a literal; let the Jackson path report it.
            if (end == len || !Character.isLetterOrDigit(s.charAt(end))) {
                pos = end;
                return true;
            }
        }
        return false;
    }

    private void ws() {
        while (pos < len && isWs(s.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isWs(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private char peek() throws Unusual {
        if (pos >= len) {
            throw Unusual.INSTANCE;
        }
        return s.charAt(pos);
    }

    private char next() throws Unusual {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char c) throws Unusual {
        if (next() != c) {
            throw Unusual.INSTANCE;
        }
    }
}
