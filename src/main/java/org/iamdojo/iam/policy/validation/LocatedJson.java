package org.iamdojo.iam.policy.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A JSON tree whose every node and field name knows its 1-based line and column in the source text. */
final class LocatedJson {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private LocatedJson() {
    }

    /** Any JSON value with its position. */
    sealed interface Node permits Obj, Arr, Scalar {
        int line();

        int column();

        /** The JSON type name AWS uses in DATA_TYPE_MISMATCH messages. */
        String typeName();
    }

    /** An object; fields keep source order and duplicates (JSON allows them, IAM does not). */
    record Obj(List<Field> fields, int line, int column) implements Node {
        /** The first field called exactly {@code name}, or null. */
        Field field(String name) {
            for (Field f : fields) {
                if (f.name().equals(name)) {
                    return f;
                }
            }
            return null;
        }

        public String typeName() {
            return "object";
        }
    }

    /** One member of an object: the key's position and the value. */
    record Field(String name, int line, int column, Node value) {
    }

    /** An array. */
    record Arr(List<Node> items, int line, int column) implements Node {
        public String typeName() {
            return "array";
        }
    }

    /** A string, number, boolean or null; {@code text} is the literal's text. */
    record Scalar(JsonToken token, String text, int line, int column) implements Node {
        boolean isString() {
            return token == JsonToken.VALUE_STRING;
        }

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

    /** A syntax error at a position. */
    static final class SyntaxError extends Exception {
        final int line;
        final int column;

        SyntaxError(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    /** Parses exactly one JSON value (trailing content is an error). */
    static Node parse(String text) throws SyntaxError {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new SyntaxError("The policy document is empty.", 1, 1);
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
                throw new SyntaxError("Unexpected content after the end of the policy document.",
                        Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
            }
            return root;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 1 : Math.max(1, at.getLineNr());
            int column = at == null ? 1 : Math.max(1, at.getColumnNr());
            throw new SyntaxError(e.getOriginalMessage(), line, column);
        } catch (IOException e) {
            throw new SyntaxError(String.valueOf(e.getMessage()), 1, 1);
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
