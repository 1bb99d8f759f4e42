package org.iamdojo.iam.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.iamdojo.iam.cli.AuthorizeCommand;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of the data-driven authorize corpus (src/test/resources/iam/authorize-cases/*.json)
 * through {@link AuthorizeCommand#handle(String)} and compares the decision with the one the cited
 * AWS documentation page implies.
 */
class AuthorizeCorpusTest {

    private static final String FOLDER = "iam/authorize-cases";
    private static final Set<String> CASE_FIELDS = Set.of("title", "doc", "request", "expected");
    private static final Set<String> DECISIONS = Set.of("Allow", "ExplicitDeny", "ImplicitDeny");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One corpus case as read from a file. */
    record CorpusCase(String file, String title, String doc, JsonNode request, String expected) {}

    /** One dynamic container per corpus file, one dynamic test per case; a malformed file fails as a whole. */
    @TestFactory
    Stream<DynamicNode> corpus() throws IOException, URISyntaxException {
        URL folder = getClass().getClassLoader().getResource(FOLDER);
        assertNotNull(folder, "corpus folder " + FOLDER + " is not on the test classpath");
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of(folder.toURI()))) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no corpus files in " + FOLDER);
        return files.stream().map(AuthorizeCorpusTest::fileNode);
    }

    private static DynamicNode fileNode(Path path) {
        String file = path.getFileName().toString();
        List<CorpusCase> cases;
        try {
            cases = read(file, JSON.readTree(path.toFile()));
        } catch (IOException | IllegalArgumentException e) {
            // Strict reading: one bad case makes the whole file fail, so typos cannot silently skip cases.
            return DynamicTest.dynamicTest(file + " is a valid corpus file", () -> fail(file + ": " + e.getMessage(), e));
        }
        return DynamicContainer.dynamicContainer(file,
                cases.stream().map(c -> DynamicTest.dynamicTest(file + ": " + c.title(), () -> run(c))));
    }

    private static List<CorpusCase> read(String file, JsonNode root) {
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new IllegalArgumentException("must be a non-empty JSON array of cases");
        }
        List<CorpusCase> cases = new ArrayList<>();
        Set<String> titles = new HashSet<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode node = root.get(i);
            String where = "case " + i;
            if (!node.isObject()) {
                throw new IllegalArgumentException(where + " is not an object");
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!CASE_FIELDS.contains(name)) {
                    throw new IllegalArgumentException(where + " has unknown field '" + name + "'");
                }
            }
            String title = text(node, "title", where);
            String doc = text(node, "doc", where);
            String expected = text(node, "expected", where);
            JsonNode request = node.get("request");
            if (request == null || !request.isObject()) {
                throw new IllegalArgumentException(where + " (" + title + ") needs a request object");
            }
            if (!doc.startsWith("https://docs.aws.amazon.com/")) {
                throw new IllegalArgumentException(where + " (" + title + ") doc is not an AWS documentation URL");
            }
            if (!DECISIONS.contains(expected)) {
                throw new IllegalArgumentException(where + " (" + title + ") expected must be one of " + DECISIONS);
            }
            if (!titles.add(title)) {
                throw new IllegalArgumentException(where + " repeats the title '" + title + "'");
            }
            cases.add(new CorpusCase(file, title, doc, request, expected));
        }
        return cases;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + " needs a non-empty string '" + field + "'");
        }
        return value.asText();
    }

    private static void run(CorpusCase c) throws IOException {
        String line = JSON.writeValueAsString(c.request());
        String output = new AuthorizeCommand().handle(line);
        JsonNode result = JSON.readTree(output);
        if (result.has("error")) {
            fail(c.file() + ": " + c.title() + "\n  engine error: " + result.get("error").asText() + "\n  request: " + line);
        }
        JsonNode decision = result.get("decision");
        assertEquals(c.expected(), decision == null ? null : decision.asText(),
                () -> c.file() + ": " + c.title() + "\n  per " + c.doc() + "\n  request: " + line + "\n  output: " + output);
    }
}
