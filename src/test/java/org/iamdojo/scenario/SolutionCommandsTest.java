package org.iamdojo.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.iamdojo.iam.SandboxFactory;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.cli.AwsCommandLine;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.iam.time.SandboxClock;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every reference solution line of every shipped scenario, written as the AWS CLI command the player shows, is
 * parsed by the app's terminal back to the same operation and parameters. Compared as the sandbox reads them:
 * scalars as text (the terminal passes every scalar as text, Params reads numbers from text) and JSON text as
 * the JSON it holds (a policy written as a YAML map reaches the API as a JSON string). {@code dojo} lines
 * (AdvanceClock) are no API call and are shown as a sentence instead.
 */
class SolutionCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everySolutionLineParsesBackToTheSameCall() {
        ScenarioCatalog catalog = new ScenarioCatalog(Path.of("scenarios"), PolicyValidator.standard());
        assertThat(catalog.scenarios()).isNotEmpty();
        List<String> operations = new ArrayList<>();
        List<ObjectNode> params = new ArrayList<>();
        AwsCommandLine terminal = new AwsCommandLine(SandboxFactory.create(SandboxClock.system(), 1L),
                (credentials, service, operation, p) -> {
                    operations.add(service + ":" + operation);
                    params.add(p.json());
                    return new CallResult(JSON.createObjectNode(), null, null, null);
                });
        Credentials console = Credentials.ConsoleSession.root("111122223333", false);
        return catalog.scenarios().stream().flatMap(s -> s.solution().stream()
                .filter(op -> !"dojo".equals(op.service()))
                .map(op -> DynamicTest.dynamicTest(s.id() + " " + op.operation(), () -> {
                    String line = AwsCommandLine.command(op.service(), op.operation(), op.params());
                    operations.clear();
                    params.clear();
                    AwsCommandLine.Output out = terminal.run(line, console);
                    assertThat(out.exitCode()).as(line + "\n" + out.text()).isZero();
                    assertThat(operations).as(line).containsExactly(op.service() + ":" + op.operation());
                    ObjectNode expected = op.params() == null ? JSON.createObjectNode() : op.params();
                    assertThat(normal(params.get(0))).as(line).isEqualTo(normal(expected));
                })));
    }

    /** The value as the sandbox reads it: scalars as text, JSON text as its JSON. */
    static JsonNode normal(JsonNode node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node.isObject()) {
            ObjectNode out = f.objectNode();
            node.fields().forEachRemaining(e -> out.set(e.getKey(), normal(e.getValue())));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = f.arrayNode();
            node.forEach(e -> out.add(normal(e)));
            return out;
        }
        if (node.isBoolean()) {
            return node;
        }
        String text = node.asText();
        if (text.startsWith("{") || text.startsWith("[")) {
            try {
                return normal(JSON.readTree(text));
            } catch (Exception e) {
                return f.textNode(text);
            }
        }
        return f.textNode(text);
    }
}
