package org.iamdojo.scenario.practice;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.Map;
import org.iamdojo.scenario.ScenarioProblem;
import org.iamdojo.scenario.YamlLocations;
import org.iamdojo.scenario.Text;
import org.jspecify.annotations.Nullable;

/**
 * Reads a YAML file into a record strictly (unknown fields, wrong types and duplicate keys fail) and remembers the
 * line of every field path, so later checks can report file, line and field like the scenario parser does.
 */
final class StrictYaml {
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final ObjectMapper MAPPER = mapper();

    private StrictYaml() {
    }

    private static ObjectMapper mapper() {
        JsonMapper m = JsonMapper.builder(YAML)
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

    /** Reads {@code text} strictly into {@code type}. */
    static <T> YamlLocations.Read<T> read(String file, String text, Class<T> type) {
        return YamlLocations.read(file, text, MAPPER, type);
    }

    /** Collects located problems for one file: a path without a line of its own takes its parent's line. */
    static final class Problems {
        private final String file;
        private final Map<String, Integer> lines;
        private final List<ScenarioProblem> out;

        Problems(String file, Map<String, Integer> lines, List<ScenarioProblem> out) {
            this.file = file;
            this.lines = lines;
            this.out = out;
        }

        void add(String path, String message) {
            out.add(new ScenarioProblem(file, YamlLocations.lineAt(lines, path), path, message));
        }

        void text(@Nullable Text t, String path) {
            if (t == null) {
                add(path, "text in English (en) and Korean (ko) is required");
                return;
            }
            bilingual(t.en(), t.ko(), path);
        }

        void bilingual(@Nullable String en, @Nullable String ko, String path) {
            if (en == null || en.isBlank()) {
                add(path + ".en", "English text (en) is missing");
            }
            if (ko == null || ko.isBlank()) {
                add(path + ".ko", "Korean text (ko) is missing");
            }
        }

        int count() {
            return out.size();
        }
    }

}
