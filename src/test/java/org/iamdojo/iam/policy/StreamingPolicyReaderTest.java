package org.iamdojo.iam.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.iamdojo.bench.AuthorizeCorpusGenerator;
import org.junit.jupiter.api.Test;

/**
 * The streaming reading must build exactly the document the located tree builds, and give up on everything the
 * tree refuses (so the tree words the error). Checked on every policy of the authorize corpus (pretty-printed, so
 * lines and columns matter), on generated realistic policies, and on texts made to be refused.
 */
class StreamingPolicyReaderTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void sameDocumentAsTheTreeForEveryCorpusPolicy() throws Exception {
        List<String> policies = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/iam/authorize-cases"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".json")).toList()) {
                collectPolicies(MAPPER.readTree(f.toFile()), policies);
            }
        }
        String corpus = new String(AuthorizeCorpusGenerator.lines(40, true, 7L), StandardCharsets.UTF_8);
        for (String line : corpus.split("\n")) {
            collectPolicies(MAPPER.readTree(line), policies);
        }
        assertTrue(policies.size() > 500, "policies found: " + policies.size());
        for (String text : policies) {
            PolicyDocument tree = PolicyParser.parseViaTree(text);
            assertEquals(tree, StreamingPolicyReader.read(text), text);
        }
    }

    @Test
    void sameDocumentForUnknownElementsOtherTypesAndOldVersions() throws Exception {
        for (String text : List.of(
                "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}",
                "{\"Version\":\"2008-10-17\",\"Extra\":{\"a\":[1,{\"b\":null}],\"c\":true},\"Statement\":[]}",
                "{\"Statement\":[{\"Effect\":\"Permit\",\"Foo\":[[]],\"Principal\":{\"AWS\":[\"1\",\"2\"],\"Odd\":\"x\"},"
                        + "\"Condition\":{\"NumericLessThan\":{\"k\":[1,2.5,true]}}}]}",
                "{\"Statement\":[{\"NotPrincipal\":\"*\",\"NotAction\":[],\"NotResource\":\"a\"}]}",
                "  {\n\t\"Statement\" : [ {\n \"Sid\": \"\\u00e9x\" } ]\n}\n  ")) {
            assertEquals(PolicyParser.parseViaTree(text), StreamingPolicyReader.read(text), text);
        }
    }

    @Test
    void givesUpOnEverythingTheTreeRefuses() {
        for (String text : List.of(
                "{\"Statement\":[],\"Statement\":[]}",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Effect\":\"Deny\"}]}",
                "{\"Extra\":{\"a\":1,\"a\":2},\"Statement\":[]}",
                "{\"Extra\":[{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9,\"a\":0}]}",
                "{\"Statement\":[{\"Condition\":{\"Bool\":{\"k\":\"1\",\"k\":\"2\"}}}]}",
                "{\"Statement\":[{\"Condition\":{\"Bool\":{},\"Bool\":{}}}]}",
                "{\"Statement\":[{\"Principal\":{\"AWS\":\"a\",\"AWS\":\"b\"}}]}",
                "{\"Statement\":[{\"Principal\":\"arn:aws:iam::1:root\"}]}",
                "{\"Statement\":[{\"Action\":[\"a\",1]}]}",
                "{\"Statement\":[{\"Sid\":5}]}",
                "{\"Statement\":[{\"Condition\":{\"Null\":{\"k\":null}}}]}",
                "{\"Statement\":[{\"Condition\":{\"Null\":\"k\"}}]}",
                "{\"Statement\":[{\"Condition\":[]}]}",
                "{\"Statement\":\"x\"}",
                "{\"Statement\":[1]}",
                "[]",
                "{\"Statement\":[]} {}",
                "{\"Statement\":[]",
                "{\"Statement\":[]}}")) {
            assertNull(StreamingPolicyReader.read(text), text);
            assertThrows(PolicyParseException.class, () -> PolicyParser.parse(text), text);
        }
    }

    private static void collectPolicies(JsonNode node, List<String> out) throws IOException {
        if (node.isObject() && node.has("Statement")) {
            out.add(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
            out.add(MAPPER.writeValueAsString(node));
            return;
        }
        if (node.isTextual() && node.asText().contains("\"Statement\"")) {
            out.add(node.asText());
            return;
        }
        for (JsonNode child : node) {
            collectPolicies(child, out);
        }
    }
}
