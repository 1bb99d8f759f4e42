package org.iamdojo.ui.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Indented JSON for the console's detail panels (CloudTrail records, responses, policies). */
final class PrettyJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PrettyJson() {
    }

    /** The node as indented JSON. */
    static String of(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    /** The text re-indented when it is JSON, else unchanged (a policy as the learner typed it). */
    static String reindent(String text) {
        try {
            return of(MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    /** Parses JSON text; null on a syntax error. */
    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
