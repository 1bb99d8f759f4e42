package org.iamdojo.iam.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses AWS policy JSON into a {@link PolicyDocument}. It rejects what AWS could never accept as a policy
 * (bad JSON, wrong JSON types for known elements) with a located {@link PolicyParseException}, and keeps
 * lint-level problems (unknown elements, missing Effect, both Action and NotAction...) for the validator.
 */
public final class PolicyParser {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private PolicyParser() {
    }

    /** Parses one policy document. */
    public static PolicyDocument parse(String json) throws PolicyParseException {
        if (json == null || json.isBlank()) {
            throw new PolicyParseException("The policy document is empty", 1, 1);
        }
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw error(p, "A policy document must be a JSON object");
            }
            PolicyDocument doc = readDocument(p);
            if (p.nextToken() != null) {
                throw error(p, "Unexpected content after the policy document");
            }
            return doc;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage();
            throw new PolicyParseException("Malformed JSON: " + msg,
                    loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr());
        } catch (IOException e) {
            throw new PolicyParseException("Malformed JSON: " + e.getMessage(), 0, 0);
        }
    }

    private static PolicyDocument readDocument(JsonParser p) throws IOException, PolicyParseException {
        String version = null;
        String id = null;
        List<Statement> statements = new ArrayList<>();
        boolean isArray = false;
        Map<String, SourceLocation> locations = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            locations.put(name, here(p));
            JsonToken t = p.nextToken();
            switch (name) {
                case "Version" -> version = scalarString(p, t, "Version");
                case "Id" -> id = scalarString(p, t, "Id");
                case "Statement" -> {
                    if (t == JsonToken.START_OBJECT) {
                        statements.add(readStatement(p));
                    } else if (t == JsonToken.START_ARRAY) {
                        isArray = true;
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            if (p.currentToken() != JsonToken.START_OBJECT) {
                                throw error(p, "Each entry of Statement must be a JSON object");
                            }
                            statements.add(readStatement(p));
                        }
                    } else {
                        throw error(p, "Statement must be an object or an array of objects");
                    }
                }
                default -> p.skipChildren();
            }
        }
        return new PolicyDocument(version, id, statements, isArray, locations);
    }

    private static Statement readStatement(JsonParser p) throws IOException, PolicyParseException {
        SourceLocation start = tokenLocation(p);
        String sid = null;
        String effectText = null;
        PrincipalBlock principal = null;
        PrincipalBlock notPrincipal = null;
        List<String> action = null;
        List<String> notAction = null;
        List<String> resource = null;
        List<String> notResource = null;
        List<Condition> conditions = null;
        Map<String, SourceLocation> locations = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            locations.put(name, here(p));
            JsonToken t = p.nextToken();
            switch (name) {
                case "Sid" -> sid = scalarString(p, t, "Sid");
                case "Effect" -> effectText = scalarString(p, t, "Effect");
                case "Principal" -> principal = readPrincipal(p, t, "Principal");
                case "NotPrincipal" -> notPrincipal = readPrincipal(p, t, "NotPrincipal");
                case "Action" -> action = stringList(p, t, "Action");
                case "NotAction" -> notAction = stringList(p, t, "NotAction");
                case "Resource" -> resource = stringList(p, t, "Resource");
                case "NotResource" -> notResource = stringList(p, t, "NotResource");
                case "Condition" -> conditions = readConditions(p, t);
                default -> p.skipChildren();
            }
        }
        return new Statement(sid, Effect.fromAws(effectText), effectText, principal, notPrincipal, action, notAction,
                resource, notResource, conditions, start, locations);
    }

    private static PrincipalBlock readPrincipal(JsonParser p, JsonToken t, String element)
            throws IOException, PolicyParseException {
        if (t == JsonToken.VALUE_STRING) {
            if (!"*".equals(p.getText())) {
                throw error(p, element + " must be \"*\" or an object such as {\"AWS\": \"...\"}");
            }
            return PrincipalBlock.any();
        }
        if (t != JsonToken.START_OBJECT) {
            throw error(p, element + " must be \"*\" or an object such as {\"AWS\": \"...\"}");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String type = p.currentName();
            JsonToken v = p.nextToken();
            values.put(type, stringList(p, v, element + "." + type));
        }
        return new PrincipalBlock(false, values);
    }

    private static List<Condition> readConditions(JsonParser p, JsonToken t) throws IOException, PolicyParseException {
        if (t != JsonToken.START_OBJECT) {
            throw error(p, "Condition must be an object of operators");
        }
        List<Condition> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String operator = p.currentName();
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw error(p, "Condition operator " + operator + " must map to an object of condition keys");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                SourceLocation loc = here(p);
                JsonToken v = p.nextToken();
                out.add(new Condition(operator, key, conditionValues(p, v, operator + "." + key), loc));
            }
        }
        return out;
    }

    private static List<String> conditionValues(JsonParser p, JsonToken t, String where)
            throws IOException, PolicyParseException {
        if (t == JsonToken.START_ARRAY) {
            List<String> out = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                out.add(conditionScalar(p, p.currentToken(), where));
            }
            return out;
        }
        return List.of(conditionScalar(p, t, where));
    }

    private static String conditionScalar(JsonParser p, JsonToken t, String where)
            throws IOException, PolicyParseException {
        return switch (t) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> p.getText();
            default -> throw error(p, "Condition value of " + where + " must be a string, number or boolean");
        };
    }

    private static List<String> stringList(JsonParser p, JsonToken t, String element)
            throws IOException, PolicyParseException {
        if (t == JsonToken.VALUE_STRING) {
            return List.of(p.getText());
        }
        if (t != JsonToken.START_ARRAY) {
            throw error(p, element + " must be a string or an array of strings");
        }
        List<String> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw error(p, element + " must be a string or an array of strings");
            }
            out.add(p.getText());
        }
        return out;
    }

    private static String scalarString(JsonParser p, JsonToken t, String element)
            throws IOException, PolicyParseException {
        if (t != JsonToken.VALUE_STRING) {
            throw error(p, element + " must be a string");
        }
        return p.getText();
    }

    private static SourceLocation here(JsonParser p) {
        return tokenLocation(p);
    }

    private static SourceLocation tokenLocation(JsonParser p) {
        JsonLocation loc = p.currentTokenLocation();
        return new SourceLocation(loc.getLineNr(), loc.getColumnNr());
    }

    private static PolicyParseException error(JsonParser p, String message) {
        JsonLocation loc = p.currentTokenLocation();
        return new PolicyParseException(message, loc.getLineNr(), loc.getColumnNr());
    }
}
