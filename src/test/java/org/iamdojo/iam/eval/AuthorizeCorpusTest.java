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
 * AWS documentation page implies, and the reason with the case's: the deciding layer ({@code decidingLayer})
 * and exactly the statements that applied ({@code matchedStatements}: "policyId#index" with the 0-based
 * statement index, or "policyId#Sid"), as Cedar's corpus checks {@code reason}. A right decision for the
 * wrong reason fails. Format: src/test/resources/iam/authorize-cases/README.
 */
class AuthorizeCorpusTest {

    private static final String FOLDER = "iam/authorize-cases";
    private static final Set<String> CASE_FIELDS = Set.of("title", "doc", "request", "expected", "decidingLayer",
            "matchedStatements");
    private static final Set<String> DECISIONS = Set.of("Allow", "ExplicitDeny", "ImplicitDeny");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One corpus case as read from a file. */
    record CorpusCase(String file, String title, String doc, JsonNode request, String expected, String decidingLayer,
            List<StatementRef> matched) {}

    /** A statement named by a case: its policy id and either its 0-based index or its Sid. */
    record StatementRef(String policyId, Integer index, String sid) {
        static StatementRef parse(String text) {
            int hash = text.lastIndexOf('#');
            if (hash <= 0 || hash == text.length() - 1) {
                throw new IllegalArgumentException("matched statement '" + text + "' is not policyId#index or policyId#Sid");
            }
            String policy = text.substring(0, hash);
            String ref = text.substring(hash + 1);
            return ref.chars().allMatch(Character::isDigit) ? new StatementRef(policy, Integer.parseInt(ref), null)
                    : new StatementRef(policy, null, ref);
        }

        boolean matches(JsonNode m) {
            if (!policyId.equals(m.path("policyId").asText())) {
                return false;
            }
            return index != null ? m.path("statementIndex").asInt(-1) == index : sid.equals(m.path("sid").asText(null));
        }

        @Override
        public String toString() {
            return policyId + "#" + (index != null ? index : sid);
        }
    }

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
            // Every case states its reason: a right decision for the wrong reason must fail.
            if (!node.has("decidingLayer") || !node.has("matchedStatements")) {
                throw new IllegalArgumentException(where + " (" + title + ") needs decidingLayer and matchedStatements");
            }
            String layer = null;
            if (node.has("decidingLayer")) {
                layer = text(node, "decidingLayer", where);
                try {
                    PolicyLayer.valueOf(layer);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + " (" + title + ") decidingLayer " + layer
                            + " is not one of " + java.util.Arrays.toString(PolicyLayer.values()));
                }
            }
            List<StatementRef> matched = null;
            if (node.has("matchedStatements")) {
                JsonNode list = node.get("matchedStatements");
                if (!list.isArray()) {
                    throw new IllegalArgumentException(where + " (" + title + ") matchedStatements must be an array");
                }
                matched = new ArrayList<>();
                for (JsonNode m : list) {
                    if (!m.isTextual()) {
                        throw new IllegalArgumentException(where + " (" + title + ") matchedStatements holds strings");
                    }
                    matched.add(StatementRef.parse(m.asText()));
                }
            }
            cases.add(new CorpusCase(file, title, doc, request, expected, layer, matched));
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
        JsonNode explanation = result.path("explanation");
        if (c.decidingLayer() != null) {
            assertEquals(c.decidingLayer(), explanation.path("decidingLayer").asText(null),
                    () -> c.file() + ": " + c.title() + ": right decision, wrong deciding layer\n  per " + c.doc()
                            + "\n  output: " + output);
        }
        if (c.matched() != null) {
            List<JsonNode> actual = new ArrayList<>();
            explanation.path("matchedStatements").forEach(actual::add);
            List<String> problems = new ArrayList<>();
            List<JsonNode> left = new ArrayList<>(actual);
            for (StatementRef ref : c.matched()) {
                JsonNode hit = left.stream().filter(ref::matches).findFirst().orElse(null);
                if (hit == null) {
                    problems.add("expected " + ref + " to apply");
                } else {
                    left.remove(hit);
                }
            }
            for (JsonNode extra : left) {
                problems.add("did not expect " + extra.path("policyId").asText() + "#" + extra.path("statementIndex").asInt()
                        + (extra.has("sid") ? " (" + extra.get("sid").asText() + ")" : "") + " to apply");
            }
            if (!problems.isEmpty()) {
                fail(c.file() + ": " + c.title() + ": right decision, wrong matched statements: "
                        + String.join("; ", problems) + "\n  per " + c.doc() + "\n  output: " + output);
            }
        }
    }
}
