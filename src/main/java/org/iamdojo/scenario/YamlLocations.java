package org.iamdojo.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.util.Map;

/** Where things are in a YAML file: the line of every field path, and the path and line of a mapping error. */
public final class YamlLocations {
    private YamlLocations() {
    }

    /** Records the line of every field path below the parser's current token (paths like a.b[2].c). */
    public static void walk(JsonParser p, String path, Map<String, Integer> lines) throws IOException {
        JsonToken t = p.currentToken();
        lines.putIfAbsent(path, p.currentTokenLocation().getLineNr());
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String child = path.isEmpty() ? p.currentName() : path + "." + p.currentName();
                lines.put(child, p.currentTokenLocation().getLineNr());
                p.nextToken();
                walk(p, child, lines);
            }
        } else if (t == JsonToken.START_ARRAY) {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                walk(p, path + "[" + i++ + "]", lines);
            }
        }
    }

    /** The field path of a mapping error. */
    public static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    /** The line of a read error, or 0. */
    public static int lineOf(IOException e) {
        if (e instanceof JsonProcessingException j && j.getLocation() != null) {
            return j.getLocation().getLineNr();
        }
        return 0;
    }

    /** The first line of an error message. */
    public static String firstLine(String message) {
        if (message == null) {
            return "cannot be read";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
