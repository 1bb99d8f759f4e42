package org.iamdojo.iam.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The one reader of policy JSON: a tree whose every node and field name knows its 1-based line and column in the
 * source text, read by the policy parser (authorize, the evaluator, the sandbox) and the validator alike. It
 * holds the one rule on repeated keys: JSON lets an object name a key twice (most readers keep the last), IAM
 * refuses such a policy as malformed (MalformedPolicyDocument; "More than one Statement element" and "More than
 * one effect, action, or resource element" in
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_policies.html). The tree keeps every member, so
 * {@link #repeatedKeys(Node)} can name each repeated one where it stands.
 */
public final class LocatedJson {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private LocatedJson() {
    }

    /** Any JSON value with its position. */
    public sealed interface Node permits Obj, Arr, Scalar {
        /** 1-based line of the value's first character. */
        int line();

        /** 1-based column of the value's first character. */
        int column();

        /** The JSON type name AWS uses in DATA_TYPE_MISMATCH messages: object, array, string, number, boolean, null. */
        String typeName();
    }

    /** An object; fields keep source order and repeated names (JSON allows them, IAM does not). */
    public record Obj(List<Field> fields, int line, int column) implements Node {
        /** The first field called exactly {@code name}, or null. */
        public @Nullable Field field(String name) {
            for (Field f : fields) {
                if (f.name().equals(name)) {
                    return f;
                }
            }
            return null;
        }

        /** The fields whose name an earlier field of this object already has, in source order. */
        public List<Field> repeated() {
            Set<String> seen = new HashSet<>();
            return fields.stream().filter(f -> !seen.add(f.name())).toList();
        }

        @Override
        public String typeName() {
            return "object";
        }
    }

    /** One member of an object: the key's position and the value. */
    public record Field(String name, int line, int column, Node value) {
    }

    /** An array. */
    public record Arr(List<Node> items, int line, int column) implements Node {
        @Override
        public String typeName() {
            return "array";
        }
    }

    /** A string, number, boolean or null; {@code text} is the string's value or the literal's text. */
    public record Scalar(JsonToken token, String text, int line, int column) implements Node {
        /** Whether this is a JSON string. */
        public boolean isString() {
            return token == JsonToken.VALUE_STRING;
        }

        @Override
        public String typeName() {
            switch (token) {
                case VALUE_STRING:
                    return "string";
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT:
                    return "number";
                case VALUE_TRUE:
                case VALUE_FALSE:
                    return "boolean";
                default:
                    return "null";
            }
        }
    }

    /**
     * A key that appears again in the same object, with the names of the members that lead to that object from the
     * document (array levels left out): [] for the document itself, [Statement] for a statement, [Statement,
     * Condition, StringEquals] for an operator's keys.
     */
    public record RepeatedKey(Field field, List<String> path) {
    }

    /** Every repeated key of the document, in source order. */
    public static List<RepeatedKey> repeatedKeys(Node root) {
        List<RepeatedKey> out = new ArrayList<>();
        collect(root, List.of(), out);
        out.sort(Comparator.comparingInt((RepeatedKey r) -> r.field().line())
                .thenComparingInt(r -> r.field().column()));
        return List.copyOf(out);
    }

    private static void collect(Node node, List<String> path, List<RepeatedKey> out) {
        if (node instanceof Obj obj) {
            obj.repeated().forEach(f -> out.add(new RepeatedKey(f, path)));
            for (Field f : obj.fields()) {
                List<String> inner = new ArrayList<>(path);
                inner.add(f.name());
                collect(f.value(), List.copyOf(inner), out);
            }
        } else if (node instanceof Arr arr) {
            arr.items().forEach(item -> collect(item, path, out));
        }
    }

    /** A text that is not one JSON value, with the position where reading stopped. */
    public static final class SyntaxError extends Exception {
        /** What went wrong. */
        public enum Kind {
            /** Not JSON; the message is the JSON parser's own description. */
            MALFORMED,
            /** Nothing but whitespace. */
            EMPTY,
            /** More after the one JSON value. */
            CONTENT_AFTER_DOCUMENT
        }

        private final Kind kind;
        private final int line;
        private final int column;

        SyntaxError(Kind kind, String message, int line, int column) {
            super(message);
            this.kind = kind;
            this.line = line;
            this.column = column;
        }

        /** What went wrong. */
        public Kind kind() {
            return kind;
        }

        /** 1-based line. */
        public int line() {
            return line;
        }

        /** 1-based column. */
        public int column() {
            return column;
        }
    }

    /** Parses exactly one JSON value (trailing content is an error). */
    public static Node parse(String text) throws SyntaxError {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new SyntaxError(SyntaxError.Kind.EMPTY, "The policy document is empty.", 1, 1);
            }
            Node root = read(parser);
            JsonToken trailing;
            try {
                trailing = parser.nextToken();
            } catch (IOException e) {
                trailing = JsonToken.NOT_AVAILABLE;
            }
            if (trailing != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new SyntaxError(SyntaxError.Kind.CONTENT_AFTER_DOCUMENT,
                        "Unexpected content after the end of the policy document.",
                        Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 1 : Math.max(1, at.getLineNr());
            int column = at == null ? 1 : Math.max(1, at.getColumnNr());
            throw new SyntaxError(SyntaxError.Kind.MALFORMED, e.getOriginalMessage(), line, column);
        } catch (IOException e) {
            throw new SyntaxError(SyntaxError.Kind.MALFORMED, String.valueOf(e.getMessage()), 1, 1);
        }
    }

    private static Node read(JsonParser parser) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            List<Field> fields = new ArrayList<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                JsonLocation keyAt = parser.currentTokenLocation();
                String name = parser.currentName();
                parser.nextToken();
                fields.add(new Field(name, keyAt.getLineNr(), keyAt.getColumnNr(), read(parser)));
            }
            return new Obj(List.copyOf(fields), line, column);
        }
        if (token == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(parser));
            }
            return new Arr(List.copyOf(items), line, column);
        }
        return new Scalar(token, parser.getText(), line, column);
    }
}
