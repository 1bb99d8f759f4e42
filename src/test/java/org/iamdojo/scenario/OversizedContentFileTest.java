package org.iamdojo.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.scenario.practice.PracticeCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19, item 4: a huge scenario or question file is refused by name and size, and the others still load. */
class OversizedContentFileTest {

    @Test
    void oversizedFilesAreListedWithTheirSizeAndTheRestLoads(@TempDir Path dir) throws IOException {
        Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
        Files.copy(Path.of("scenarios", "keys-vs-console.yaml"), scenarios.resolve("keys-vs-console.yaml"));
        Path huge = scenarios.resolve("huge.yaml");
        Files.writeString(huge, "id: huge\n# " + "x".repeat((int) ScenarioCatalog.MAX_FILE_BYTES) + "\n");
        Path questions = Files.createDirectories(dir.resolve("questions"));
        Files.writeString(questions.resolve("huge.yaml"), "# " + "y".repeat((int) ScenarioCatalog.MAX_FILE_BYTES));
        Path paths = Files.createDirectories(dir.resolve("paths"));

        ScenarioCatalog catalog = new ScenarioCatalog(scenarios, PolicyValidator.standard());
        assertThat(catalog.scenarios()).extracting(Scenario::id).containsExactly("keys-vs-console");
        assertThat(catalog.unavailable()).singleElement().satisfies(u -> {
            assertThat(u.file()).isEqualTo("huge.yaml");
            assertThat(u.problems().get(0).message()).contains(Files.size(huge) + " bytes").contains("1 MiB");
        });

        PracticeCatalog practice = new PracticeCatalog(questions, paths, catalog);
        assertThat(practice.unavailable()).anySatisfy(u -> {
            assertThat(u.file()).isEqualTo("questions/huge.yaml");
            assertThat(u.problems().get(0).message()).contains("1 MiB");
        });
    }
}
