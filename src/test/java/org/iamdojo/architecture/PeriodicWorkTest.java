package org.iamdojo.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, item 5: with several nodes on one database, periodic work on shared data must run on one node at a
 * time. Today nothing periodic touches shared data: workshop windows and exam deadlines are compared with the
 * clock when read (Workshop.endedAt, PracticeService), sign-in/sign-up throttles are per node in memory, the
 * board's refresh is a one-shot per watcher (BoardFeed) and the exam countdown is a per-page UI poll. This test
 * keeps it so: a new timer in main code fails here until it takes a cluster-wide lock (e.g. ShedLock or
 * pg_try_advisory_lock) and is listed below with the reason.
 */
class PeriodicWorkTest {
    private static final Path MAIN = Path.of("src/main/java");
    static final Pattern PERIODIC = Pattern.compile(
            "@Scheduled\\b|@EnableScheduling\\b|scheduleAtFixedRate\\(|scheduleWithFixedDelay\\(|new Timer\\(|TaskScheduler\\b");

    @Test
    void nothingPeriodicRunsOnEveryNode() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (PERIODIC.matcher(lines.get(i)).find()) {
                        found.add(MAIN.relativize(file) + ":" + (i + 1) + " " + lines.get(i).trim());
                    }
                }
            }
        }
        assertThat(found).as("periodic work that would run on every node (give it a cluster-wide lock)").isEmpty();
    }

    @Test
    void theRuleSeesATimer() {
        assertThat(PERIODIC.matcher("    @Scheduled(fixedRate = 60000)").find()).isTrue();
        assertThat(PERIODIC.matcher("executor.scheduleAtFixedRate(this::purge, 1, 1, MINUTES);").find()).isTrue();
        assertThat(PERIODIC.matcher("executor.schedule(refresh, 300, MILLISECONDS);").find()).isFalse();
    }
}
