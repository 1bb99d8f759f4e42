package org.iamdojo.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.iamdojo.iam.policy.validation.PolicyValidator;

/**
 * The scenarios of a folder ({@code scenarios/*.yaml}). A broken file never stops the others: it is listed as
 * unavailable with its problems. {@link #reload()} rereads the folder without a restart, then runs the
 * {@linkplain #afterReload(Runnable) catalogs that link to scenario ids}. Thread-safe: readers see one consistent
 * snapshot.
 */
public final class ScenarioCatalog {
    private final Path folder;
    private final ScenarioParser parser;
    private final List<Runnable> afterReload = new CopyOnWriteArrayList<>();
    private volatile Snapshot snapshot = new Snapshot(Map.of(), List.of());

    /** A file that could not be used, with everything wrong in it. */
    public record Unavailable(String file, List<ScenarioProblem> problems) {
    }

    private record Snapshot(Map<String, Scenario> scenarios, List<Unavailable> unavailable) {
    }

    /** A catalog over {@code folder}, loaded at once. */
    public ScenarioCatalog(Path folder, PolicyValidator validator) {
        this.folder = folder;
        this.parser = new ScenarioParser(validator);
        reload();
    }

    /**
     * Runs {@code reloadLinked} after every {@link #reload()}, once the new scenarios are visible: catalogs whose
     * files link to scenario ids recheck those links against the scenarios as they are now.
     */
    public void afterReload(Runnable reloadLinked) {
        afterReload.add(reloadLinked);
    }

    /** Rereads every scenario file of the folder, then reloads what links to it (one reload at a time). */
    public synchronized void reload() {
        snapshot = load();
        afterReload.forEach(Runnable::run);
    }

    /** Largest scenario, question or path file read (1 MiB): the biggest shipped one is about 10 KB. */
    public static final long MAX_FILE_BYTES = 1 << 20;

    /**
     * The problem of a content file larger than {@link #MAX_FILE_BYTES} (checked before reading, so a huge file
     * neither blocks start-up nor fills memory), or null when its size is fine.
     */
    public static ScenarioProblem sizeProblem(Path file, String shownName) throws IOException {
        long size = Files.size(file);
        return size <= MAX_FILE_BYTES ? null : new ScenarioProblem(shownName, 0, "", "the file has " + size
                + " bytes; files over " + MAX_FILE_BYTES + " bytes (1 MiB) are not read");
    }

    private Snapshot load() {
        Map<String, Scenario> ok = new TreeMap<>();
        Map<String, String> fileOf = new TreeMap<>();
        List<Unavailable> broken = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            broken.add(new Unavailable(folder.toString(), List.of(new ScenarioProblem(folder.toString(), 0, "",
                    "cannot list the folder: " + e.getMessage()))));
            return new Snapshot(Map.of(), List.copyOf(broken));
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            ScenarioParser.Result result;
            try {
                ScenarioProblem tooLarge = sizeProblem(file, name);
                if (tooLarge != null) {
                    broken.add(new Unavailable(name, List.of(tooLarge)));
                    continue;
                }
                result = parser.parse(name, Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                broken.add(new Unavailable(name, List.of(new ScenarioProblem(name, 0, "", "cannot read: " + e.getMessage()))));
                continue;
            }
            if (!result.ok()) {
                broken.add(new Unavailable(name, result.problems()));
            } else if (ok.containsKey(result.scenario().id())) {
                broken.add(new Unavailable(name, List.of(new ScenarioProblem(name, 1, "id", "id "
                        + result.scenario().id() + " is already used by " + fileOf.get(result.scenario().id())))));
            } else {
                ok.put(result.scenario().id(), result.scenario());
                fileOf.put(result.scenario().id(), name);
            }
        }
        return new Snapshot(Map.copyOf(ok), List.copyOf(broken));
    }

    /** The scenarios that loaded, by id. */
    public List<Scenario> scenarios() {
        return new TreeMap<>(snapshot.scenarios()).values().stream().toList();
    }

    /** The scenario with that id, when it loaded. */
    public Optional<Scenario> scenario(String id) {
        return Optional.ofNullable(snapshot.scenarios().get(id));
    }

    /** The files that did not load, with their problems (for admins). */
    public List<Unavailable> unavailable() {
        return snapshot.unavailable();
    }
}
