package org.iamdojo.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.HashMap;
import java.io.IOException;
import java.util.Map;

/** Where things are in a YAML file: the line of every field path, and the path and line of a mapping error. */
public final class YamlLocations {
    /** The one strict reader of scenario and practice files (Jackson mappers are thread-safe once configured). */
    private static final ObjectMapper STRICT = strictMapper();

    private YamlLocations() {
    }

    /** Unknown fields, wrong types, duplicate keys and trailing content all fail, so every mistake is reported. */
    private static ObjectMapper strictMapper() {
        JsonMapper m = JsonMapper.builder(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                // A key written twice anywhere (scenario field or policy element) is an error at its line, never
                // last-wins: IAM refuses duplicate keys in policies (troubleshoot_policies.html#policy-duplicate-key).
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        // A number where text is expected is an author's mistake, not a value to stringify.
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return m;
    }

    /** Reads a scenario or practice file strictly into {@code type}, locating any error by file, line and path. */
    public static <T> Read<T> readStrict(String file, String text, Class<T> type) {
        return read(file, text, STRICT, type);
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

    /** A file read strictly: the value, or the one problem that stopped reading; {@code lines} maps field paths to lines. */
    public record Read<T>(T value, ScenarioProblem problem, Map<String, Integer> lines) {
    }

    /** Reads a YAML file into {@code type} with {@code mapper}, locating any error by file, line and field path. */
    public static <T> Read<T> read(String file, String text, ObjectMapper mapper, Class<T> type) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = mapper.getFactory().createParser(text)) {
            try {
                if (p.nextToken() != null) {
                    walk(p, "", lines);
                }
            } catch (IOException e) {
                // A limit error (e.g. nesting too deep) carries no location: the parser's position is the place.
                int line = lineOf(e) > 0 ? lineOf(e) : p.currentLocation().getLineNr();
                return new Read<>(null, new ScenarioProblem(file, Math.max(line, 0), "", firstLine(e.getMessage())),
                        lines);
            }
        } catch (IOException e) {
            return new Read<>(null, new ScenarioProblem(file, lineOf(e), "", firstLine(e.getMessage())), lines);
        }
        try {
            T value = mapper.readValue(text, type);
            if (value == null) {
                return new Read<>(null, new ScenarioProblem(file, 1, "", "the file is empty"), lines);
            }
            return new Read<>(value, null, lines);
        } catch (JsonMappingException e) {
            // Records are built after all their fields are read, so Jackson's location can be past the field.
            String path = path(e);
            Integer line = lines.get(path);
            return new Read<>(null, new ScenarioProblem(file, line == null ? lineOf(e) : line, path,
                    firstLine(e.getOriginalMessage())), lines);
        } catch (JsonProcessingException e) {
            return new Read<>(null, new ScenarioProblem(file, lineOf(e), "", firstLine(e.getOriginalMessage())), lines);
        }
    }

    /** The line of a field path; a path without a line of its own takes its nearest parent's (0 if none). */
    public static int lineAt(Map<String, Integer> lines, String path) {
        String p = path;
        Integer line = lines.get(p);
        while (line == null && !p.isEmpty()) {
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
            line = lines.get(p);
        }
        return line == null ? 0 : line;
    }
}
