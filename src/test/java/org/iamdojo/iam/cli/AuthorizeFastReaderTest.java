package org.iamdojo.iam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The raw request-line reader of {@link AuthorizeCommand} must give exactly the answers of the Jackson reader:
 * the same decision, trace and error text for every line, whether its policies are new, cached (met twice
 * before, so found by their first characters and a byte compare) or cached with a change after the hashed
 * prefix, and for broken lines of every kind (which the raw reader hands to Jackson).
 */
class AuthorizeFastReaderTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> REQUESTS = new ArrayList<>();
    private static final List<String> ODD = List.of("{", "}", "[", "]", "\"", ",", ":", "\\", " ", "\t", "null",
            "true", "1e999", "-0", "01", "\u0000", "\u0001", "\uFEFF", "é", "한", "\uD800", "\\u0041", "\\ud83d\\ude00",
            "\\x", "{}", "[]", "\"\"", "nul", "truex", "0.5", "1E+2");

    @BeforeAll
    static void readCorpus() throws IOException {
        try (Stream<Path> cases = Files.list(Path.of("src/test/resources/iam/authorize-cases"))) {
            for (Path p : cases.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode c : MAPPER.readTree(p.toFile())) {
                    REQUESTS.add(MAPPER.writeValueAsString(c.get("request")));
                }
            }
        }
        assertThat(REQUESTS).hasSizeGreaterThan(500);
    }

    @Test
    void everyCorpusLineNewAndCachedGetsTheJacksonAnswer() {
        List<String> lines = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            lines.addAll(REQUESTS);
        }
        // Pretty-printed requests: the same policies with whitespace inside (other texts, other cache entries).
        for (String r : REQUESTS) {
            lines.add(r.replace(",\"", ", \"").replace(":{", ": {"));
        }
        assertThat(assertSameAnswers(lines)).isLessThan(lines.size() / 10);
    }

    @Test
    void brokenAndAlteredLinesGetTheJacksonAnswer() {
        Random random = new Random(13);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            String r = REQUESTS.get(random.nextInt(REQUESTS.size()));
            // Often the original first, so that its policies are cached when the altered line comes.
            if (random.nextInt(3) > 0) {
                lines.add(r);
                lines.add(r);
            }
            lines.add(mutate(r, random));
        }
        assertThat(assertSameAnswers(lines)).isBetween(500, lines.size() - 2000);
    }

    /** Compares the answers line by line and returns how many were errors. */
    private static int assertSameAnswers(List<String> lines) {
        AuthorizeCommand fast = new AuthorizeCommand();
        AuthorizeCommand jackson = new AuthorizeCommand(false);
        int errors = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String expected = jackson.handle(line, i + 1);
            assertThat(fast.handle(line, i + 1)).as("line %d: %s", i + 1, line).isEqualTo(expected);
            errors += expected.startsWith("{\"error\"") ? 1 : 0;
        }
        return errors;
    }

    private static String mutate(String s, Random random) {
        int at = random.nextInt(s.length() + 1);
        String odd = ODD.get(random.nextInt(ODD.size()));
        return switch (random.nextInt(7)) {
            case 0 -> s.substring(0, Math.min(at, s.length() - 1)) + odd + s.substring(Math.min(at + 1, s.length()));
            case 1 -> s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + random.nextInt(8)));
            case 2 -> s.substring(0, at) + odd + s.substring(at);
            case 3 -> s.substring(0, at);
            // A cached policy changed after its first characters (same slot, different text).
            case 4 -> s.replaceFirst("\"Effect\":\"Allow\"", "\"Effect\":\"Deny\"");
            case 5 -> s.replaceFirst("\\]\\}", "],\"Extra\":1}");
            default -> s.replace("\"Statement\":[", "\"Statement\":[ ");
        };
    }
}
