package org.iamdojo.scenario.practice;

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
    private StrictYaml() {
    }

    /** Reads {@code text} strictly into {@code type}. */
    static <T> YamlLocations.Read<T> read(String file, String text, Class<T> type) {
        return YamlLocations.readStrict(file, text, type);
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
