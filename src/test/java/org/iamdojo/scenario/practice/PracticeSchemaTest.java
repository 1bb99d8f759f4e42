package org.iamdojo.scenario.practice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.lang.reflect.RecordComponent;
import org.junit.jupiter.api.Test;

/** The JSON Schemas for editors list exactly the fields the parser reads. */
class PracticeSchemaTest {

    static List<String> fields(JsonNode properties) {
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    @Test
    void schemasMatchTheRecords() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode question = json.readTree(Path.of("scenarios/questions/question.schema.json").toFile());
        assertThat(fields(question.at("/$defs/question/properties"))).containsExactlyInAnyOrderElementsOf(components(Question.class));
        assertThat(fields(question.at("/$defs/option/properties"))).containsExactlyInAnyOrderElementsOf(components(Question.Option.class));
        JsonNode path = json.readTree(Path.of("scenarios/questions/path.schema.json").toFile());
        assertThat(fields(path.at("/properties"))).containsExactlyInAnyOrderElementsOf(components(PracticePath.class));
        assertThat(fields(path.at("/properties/items/items/properties"))).containsExactlyInAnyOrderElementsOf(components(PracticePath.Item.class));
        assertThat(fields(path.at("/properties/exam/properties"))).containsExactlyInAnyOrderElementsOf(components(PracticePath.Exam.class));
        JsonNode guide = json.readTree(Path.of("scenarios/questions/guide.schema.json").toFile());
        assertThat(fields(guide.at("/properties"))).containsExactlyInAnyOrderElementsOf(components(ExamGuide.class));
        assertThat(fields(guide.at("/properties/domains/items/properties"))).containsExactlyInAnyOrderElementsOf(components(ExamGuide.Domain.class));
        assertThat(fields(guide.at("/properties/domains/items/properties/tasks/items/properties")))
                .containsExactlyInAnyOrderElementsOf(components(ExamGuide.Task.class));
    }
}
