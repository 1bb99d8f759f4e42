package org.iamdojo.scenario.practice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.iamdojo.scenario.ScenarioCatalog;
import org.iamdojo.scenario.ScenarioProblem;

/**
 * The exam guide outlines ({@code scenarios/guides/*.yaml}), questions ({@code scenarios/questions/*.yaml}) and
 * practice paths ({@code scenarios/paths/*.yaml}), read in that order because each links to the one before. Like the
 * scenario catalog, a broken file is listed as unavailable with its problems (named {@code guides/<file>},
 * {@code questions/<file>} or {@code paths/<file>}) and never hides the others. {@link #reload()} rereads the three
 * folders; it also runs after every {@link ScenarioCatalog#reload()}, whose ids the files link to. Thread-safe.
 */
public final class PracticeCatalog {
    private final Path guidesFolder;
    private final Path questionsFolder;
    private final Path pathsFolder;
    private final ScenarioCatalog scenarios;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), Map.of(), List.of());

    private record Snapshot(Map<String, ExamGuide> guides, Map<String, Question> questions,
                            Map<String, PracticePath> paths, List<ScenarioCatalog.Unavailable> unavailable) {
    }

    /** A catalog over the three folders, loaded at once; links are checked against {@code scenarios}. */
    public PracticeCatalog(Path guidesFolder, Path questionsFolder, Path pathsFolder, ScenarioCatalog scenarios) {
        this.guidesFolder = guidesFolder;
        this.questionsFolder = questionsFolder;
        this.pathsFolder = pathsFolder;
        this.scenarios = scenarios;
        reload();
        scenarios.afterReload(this::reload);
    }

    /** A catalog whose guides are in the folder {@code guides} beside {@code questionsFolder}. */
    public PracticeCatalog(Path questionsFolder, Path pathsFolder, ScenarioCatalog scenarios) {
        this(questionsFolder.toAbsolutePath().resolveSibling("guides"), questionsFolder, pathsFolder, scenarios);
    }

    /** Rereads every guide, question and path file (one reload at a time). */
    public synchronized void reload() {
        List<ScenarioCatalog.Unavailable> broken = new ArrayList<>();
        Map<String, ExamGuide> guides = new TreeMap<>();
        for (Path file : yamlFiles(guidesFolder, broken)) {
            String name = shown(file);
            String text = read(file, broken);
            if (text == null) {
                continue;
            }
            try {
                PracticeParser.Guide result = PracticeParser.guide(name, text);
                if (result.ok()) {
                    guides.put(result.guide().certification(), result.guide());
                } else {
                    broken.add(new ScenarioCatalog.Unavailable(name, result.problems()));
                }
            } catch (RuntimeException e) {
                broken.add(failed(name, e));
            }
        }
        Map<String, Question> questions = new LinkedHashMap<>();
        Map<String, String> fileOf = new TreeMap<>();
        for (Path file : yamlFiles(questionsFolder, broken)) {
            String name = shown(file);
            String text = read(file, broken);
            if (text == null) {
                continue;
            }
            PracticeParser.Questions result;
            try {
                result = PracticeParser.questions(name, text, id -> scenarios.scenario(id).isPresent(), guides);
            } catch (RuntimeException e) {
                broken.add(failed(name, e));
                continue;
            }
            List<ScenarioProblem> duplicates = new ArrayList<>();
            for (Question q : result.questions()) {
                if (questions.containsKey(q.id())) {
                    duplicates.add(new ScenarioProblem(name, 0, "id", "question id " + q.id() + " is already used by "
                            + fileOf.get(q.id())));
                }
            }
            if (!result.ok() || !duplicates.isEmpty()) {
                broken.add(new ScenarioCatalog.Unavailable(name, result.ok() ? duplicates : result.problems()));
                continue;
            }
            result.questions().forEach(q -> {
                questions.put(q.id(), q);
                fileOf.put(q.id(), name);
            });
        }
        Map<String, PracticePath> paths = new TreeMap<>();
        for (Path file : yamlFiles(pathsFolder, broken)) {
            String name = shown(file);
            String text = read(file, broken);
            if (text == null) {
                continue;
            }
            PracticeParser.Path result;
            try {
                result = PracticeParser.path(name, text, id -> scenarios.scenario(id).isPresent(), questions::get,
                        guides::containsKey);
            } catch (RuntimeException e) {
                broken.add(failed(name, e));
                continue;
            }
            if (result.ok()) {
                paths.put(result.path().certification(), result.path());
            } else {
                broken.add(new ScenarioCatalog.Unavailable(name, result.problems()));
            }
        }
        snapshot = new Snapshot(Map.copyOf(guides), Map.copyOf(questions), Map.copyOf(paths), List.copyOf(broken));
    }

    private static List<Path> yamlFiles(Path folder, List<ScenarioCatalog.Unavailable> broken) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            broken.add(new ScenarioCatalog.Unavailable(folder.toString(), List.of(new ScenarioProblem(folder.toString(),
                    0, "", "cannot list the folder: " + e.getMessage()))));
            return List.of();
        }
    }

    // A parser bug met by one odd file must not take the other files (or a reload) down with it.
    private static ScenarioCatalog.Unavailable failed(String name, RuntimeException e) {
        return new ScenarioCatalog.Unavailable(name, List.of(new ScenarioProblem(name, 0, "", "cannot parse: " + e)));
    }

    // Question and path files may share a name, so the folder is part of what an admin sees.
    private static String shown(Path file) {
        Path folder = file.getParent() == null ? null : file.getParent().getFileName();
        return (folder == null ? "" : folder + "/") + file.getFileName();
    }

    private static String read(Path file, List<ScenarioCatalog.Unavailable> broken) {
        String name = shown(file);
        try {
            ScenarioProblem tooLarge = ScenarioCatalog.sizeProblem(file, name);
            if (tooLarge != null) {
                broken.add(new ScenarioCatalog.Unavailable(name, List.of(tooLarge)));
                return null;
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            broken.add(new ScenarioCatalog.Unavailable(name, List.of(new ScenarioProblem(name, 0, "", "cannot read: "
                    + e.getMessage()))));
            return null;
        }
    }

    /** The exam guide outlines that loaded, by certification code. */
    public List<ExamGuide> guides() {
        return new TreeMap<>(snapshot.guides()).values().stream().toList();
    }

    /** The exam guide outline of a certification, when it loaded. */
    public Optional<ExamGuide> guide(String certification) {
        return Optional.ofNullable(snapshot.guides().get(certification));
    }

    /** Every question that loaded, sorted by id. */
    public List<Question> questions() {
        return snapshot.questions().values().stream().sorted(Comparator.comparing(Question::id)).toList();
    }

    /** The question with that id, when it loaded. */
    public Optional<Question> question(String id) {
        return Optional.ofNullable(snapshot.questions().get(id));
    }

    /** The practice paths that loaded, by certification code. */
    public List<PracticePath> paths() {
        return new TreeMap<>(snapshot.paths()).values().stream().toList();
    }

    /** The practice path of a certification (e.g. SAA-C03), when it loaded. */
    public Optional<PracticePath> path(String certification) {
        return Optional.ofNullable(snapshot.paths().get(certification));
    }

    /** The files that did not load, with their problems (for admins and tests). */
    public List<ScenarioCatalog.Unavailable> unavailable() {
        return snapshot.unavailable();
    }
}
