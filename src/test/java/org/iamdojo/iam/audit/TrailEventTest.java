package org.iamdojo.iam.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A CloudTrail event keeps its request parameters and response elements compactly (issue 19, item 12: the Jackson
 * trees were the largest part of a sandbox's heap) and gives them back as the record format has them. Record
 * fields: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 */
class TrailEventTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TrailEvent event(JsonNode request, JsonNode response) {
        return new TrailEvent("id1", Instant.parse("2026-01-02T03:04:05Z"), "iam.amazonaws.com", "CreateUser",
                "us-east-1", "Root", "arn:aws:iam::111122223333:root", "111122223333", "111122223333", null, null,
                false, "10.0.0.1", request, response, null, null, "111122223333", false);
    }

    @Test
    void keepsNoJacksonTreeAndGivesTheSameJsonBack() throws Exception {
        assertThat(Arrays.stream(TrailEvent.class.getDeclaredFields()).map(Field::getType))
                .noneMatch(JsonNode.class::isAssignableFrom);
        JsonNode request = JSON.readTree("{\"UserName\":\"alice\",\"Tags\":[{\"Key\":\"team\",\"Value\":\"a\"}]}");
        JsonNode response = JSON.readTree("{\"User\":{\"UserName\":\"alice\",\"Path\":\"/\"}}");
        TrailEvent e = event(request, response);
        assertThat(e.requestParameters()).isEqualTo(request);
        assertThat(e.responseElements()).isEqualTo(response);
        ObjectNode record = CloudTrail.toJson(e);
        assertThat(record.get("requestParameters")).isEqualTo(request);
        assertThat(CloudTrail.fromJson(record)).isEqualTo(e);
    }

    @Test
    void aChangeToAReturnedTreeDoesNotChangeTheEvent() throws Exception {
        TrailEvent e = event(JSON.readTree("{\"UserName\":\"alice\"}"), null);
        ((ObjectNode) e.requestParameters()).put("UserName", "mallory");
        assertThat(e.requestParameters().path("UserName").asText()).isEqualTo("alice");
        // No response (a failed call, or a lookup), and a JSON null read back from a stored record: both null.
        assertThat(e.responseElements()).isNull();
        assertThat(event(JSON.readTree("null"), JSON.nullNode()).requestParameters()).isNull();
    }
}
