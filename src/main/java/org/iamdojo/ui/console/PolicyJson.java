package org.iamdojo.ui.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import org.iamdojo.iam.policy.LocatedJson;

/**
 * Policy JSON text helpers for the console: AWS-console style pretty printing and parsing. A text with a key
 * repeated in one object is not a policy (the engine's one rule, {@link LocatedJson#repeatedKeys}), so it is
 * never reformatted: rewriting it would silently keep only the last value.
 */
final class PolicyJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private PolicyJson() {
    }

    /** The parsed document, or null when the text is not JSON or repeats a key in one object. */
    static JsonNode parse(String text) {
        try {
            if (text == null || text.isBlank() || !LocatedJson.repeatedKeys(LocatedJson.parse(text)).isEmpty()) {
                return null;
            }
            return MAPPER.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }

    /** The text pretty-printed with two-space indents (AWS console style); unchanged when not JSON. */
    static String pretty(String text) {
        JsonNode node = parse(text);
        return node == null ? text : pretty(node);
    }

    /** A node pretty-printed with two-space indents and one array element per line. */
    static String pretty(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, 0, out);
        return out.toString();
    }

    private static void write(JsonNode node, int depth, StringBuilder out) {
        String pad = "  ".repeat(depth + 1);
        String end = "  ".repeat(depth);
        if (node.isObject() && node.size() > 0) {
            out.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.append(pad).append(MAPPER.valueToTree(e.getKey()).toString()).append(": ");
                write(e.getValue(), depth + 1, out);
                out.append(it.hasNext() ? ",\n" : "\n");
            }
            out.append(end).append('}');
        } else if (node.isArray() && node.size() > 0) {
            out.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                out.append(pad);
                write(node.get(i), depth + 1, out);
                out.append(i + 1 < node.size() ? ",\n" : "\n");
            }
            out.append(end).append(']');
        } else {
            out.append(node.toString());
        }
    }
}
