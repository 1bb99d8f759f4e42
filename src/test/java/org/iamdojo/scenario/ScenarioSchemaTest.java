package org.iamdojo.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON Schema for editors stays in step with the check kinds the parser knows. */
class ScenarioSchemaTest {

    @Test
    void schemaListsEveryCheckKind() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(Path.of("scenarios/scenario.schema.json").toFile());
        List<String> inSchema = new ArrayList<>();
        schema.at("/$defs/check/properties/kind/enum").forEach(n -> inSchema.add(n.asText()));
        List<String> inCode = Arrays.stream(Check.class.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::name).toList();
        assertThat(inSchema).containsExactlyInAnyOrderElementsOf(inCode);
    }
}
