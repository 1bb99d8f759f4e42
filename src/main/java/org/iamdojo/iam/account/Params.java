package org.iamdojo.iam.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The request parameters of an operation, by their AWS API names (UserName, PolicyArn…), with AWS's validation errors. */
public record Params(ObjectNode json) {

    /** Parameters from alternating name/value strings; handy in tests and scenario setup. */
    public static Params of(String... nameValues) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            node.put(nameValues[i], nameValues[i + 1]);
        }
        return new Params(node);
    }

    /** A required string parameter; a ValidationError in AWS's words when it is missing. */
    public String required(String name) {
        String v = optional(name);
        if (v == null || v.isEmpty()) {
            throw AwsException.validation("1 validation error detected: Value null at '" + lowerFirst(name)
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return v;
    }

    /** An optional string parameter, or null. */
    public String optional(String name) {
        JsonNode v = json.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    /** An optional string with a default. */
    public String optional(String name, String fallback) {
        String v = optional(name);
        return v == null ? fallback : v;
    }

    /** An optional integer parameter. */
    public Integer integer(String name) {
        String v = optional(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw AwsException.validation("Value '" + v + "' at '" + lowerFirst(name) + "' is not a valid integer");
        }
    }

    /** An optional boolean parameter. */
    public boolean bool(String name, boolean fallback) {
        String v = optional(name);
        return v == null ? fallback : Boolean.parseBoolean(v);
    }

    /** A list of strings given as a JSON array or a single string. */
    public List<String> list(String name) {
        JsonNode v = json.get(name);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(e -> out.add(e.asText()));
        } else {
            out.add(v.asText());
        }
        return out;
    }

    /** Tags given as [{"Key": k, "Value": v}, …]. */
    public Map<String, String> tags(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode v = json.get(name);
        if (v != null && v.isArray()) {
            for (JsonNode t : v) {
                out.put(t.path("Key").asText(), t.path("Value").asText(""));
            }
        }
        return out;
    }

    private static String lowerFirst(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
