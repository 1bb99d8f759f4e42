package org.iamdojo.iam.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON helpers of the sandbox: one shared, thread-safe mapper. */
public final class Json {
    /** The shared mapper. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** Parses JSON that the sandbox stored itself (already validated); wraps errors as ValidationError. */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw AwsException.validation("Invalid JSON: " + e.getOriginalMessage());
        }
    }
}
