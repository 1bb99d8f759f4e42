package org.iamdojo.scenario;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The problems found in one strictly read file (a scenario, a question file, an exam guide, a path), each with the
 * file, the line of its field path and the path; a path without a line of its own takes its parent's line.
 */
public final class LocatedProblems {
    private final String file;
    private final Map<String, Integer> lines;
    private final List<ScenarioProblem> out;

    /** Adds to {@code out} the problems of {@code file}, whose field paths are at {@code lines}. */
    public LocatedProblems(String file, Map<String, Integer> lines, List<ScenarioProblem> out) {
        this.file = file;
        this.lines = lines;
        this.out = out;
    }

    /** The file's name without its folder and .yaml/.yml: what a scenario id or a certification must equal. */
    public String fileStem() {
        return file.replaceAll(".*[/\\\\]", "").replaceAll("\\.ya?ml$", "");
    }

    /** A problem at a field path. */
    public void add(String path, String message) {
        out.add(new ScenarioProblem(file, YamlLocations.lineAt(lines, path), path, message));
    }

    /** Text that people read must be there in English and Korean. */
    public void text(@Nullable Text t, String path) {
        if (t == null) {
            add(path, "text in English (en) and Korean (ko) is required");
            return;
        }
        bilingual(t.en(), t.ko(), path);
    }

    /** The English and Korean halves of a text at {@code path}, each required and not blank. */
    public void bilingual(@Nullable String en, @Nullable String ko, String path) {
        if (en == null || en.isBlank()) {
            add(path + ".en", "English text (en) is missing");
        }
        if (ko == null || ko.isBlank()) {
            add(path + ".ko", "Korean text (ko) is missing");
        }
    }

    /** How many problems there are so far. */
    public int count() {
        return out.size();
    }

    /** Whether a problem was already reported at exactly {@code path}. */
    public boolean hasAt(String path) {
        return out.stream().anyMatch(p -> p.path().equals(path));
    }
}
