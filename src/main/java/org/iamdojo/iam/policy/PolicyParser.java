package org.iamdojo.iam.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iamdojo.iam.policy.LocatedJson.Arr;
import org.iamdojo.iam.policy.LocatedJson.Field;
import org.iamdojo.iam.policy.LocatedJson.Node;
import org.iamdojo.iam.policy.LocatedJson.Obj;
import org.iamdojo.iam.policy.LocatedJson.Scalar;

/**
 * Parses AWS policy JSON into a {@link PolicyDocument}, reading it with {@link LocatedJson} as the validator does.
 * It rejects what AWS could never accept as a policy (bad JSON, a key repeated in one object, wrong JSON types
 * for known elements) with a located {@link PolicyParseException}, and keeps lint-level problems (unknown
 * elements, missing Effect, both Action and NotAction...) for the validator.
 */
public final class PolicyParser {

    private PolicyParser() {
    }

    /**
     * Parses one policy document. A clean document (the usual case) is read in one streaming pass; anything the
     * pass does not accept (bad JSON, a repeated key anywhere, a wrong type) is read again through the located tree,
     * which gives the error exactly as before, so the two paths cannot disagree on what is refused or how.
     */
    public static PolicyDocument parse(String json) throws PolicyParseException {
        if (json == null || json.isBlank()) {
            throw new PolicyParseException("The policy document is empty", 1, 1);
        }
        PolicyDocument fast = StreamingPolicyReader.read(json);
        return fast != null ? fast : parseViaTree(json);
    }

    /** The located-tree reading: slower, and the one that words and places every refusal. */
    static PolicyDocument parseViaTree(String json) throws PolicyParseException {
        Node root;
        try {
            root = LocatedJson.parse(json);
        } catch (LocatedJson.SyntaxError e) {
            String reason = e.kind() == LocatedJson.SyntaxError.Kind.CONTENT_AFTER_DOCUMENT
                    ? "Unexpected content after the policy document" : "Malformed JSON: " + e.getMessage();
            throw new PolicyParseException(reason, e.line(), e.column());
        }
        List<LocatedJson.RepeatedKey> repeated = LocatedJson.repeatedKeys(root);
        if (!repeated.isEmpty()) {
            Field f = repeated.get(0).field();
            throw new PolicyParseException("Malformed JSON: the key " + f.name()
                    + " appears more than once in the same object; IAM does not accept duplicate keys", f.line(), f.column());
        }
        if (!(root instanceof Obj doc)) {
            throw error(root, "A policy document must be a JSON object");
        }
        return readDocument(doc);
    }

    private static PolicyDocument readDocument(Obj doc) throws PolicyParseException {
        String version = null;
        String id = null;
        List<Statement> statements = new ArrayList<>();
        boolean isArray = false;
        Map<String, SourceLocation> locations = new LinkedHashMap<>();
        for (Field f : doc.fields()) {
            locations.put(f.name(), at(f));
            Node value = f.value();
            switch (f.name()) {
                case "Version" -> version = string(value, "Version");
                case "Id" -> id = string(value, "Id");
                case "Statement" -> {
                    if (value instanceof Obj single) {
                        statements.add(readStatement(single));
                    } else if (value instanceof Arr list) {
                        isArray = true;
                        for (Node item : list.items()) {
                            if (!(item instanceof Obj st)) {
                                throw error(item, "Each entry of Statement must be a JSON object");
                            }
                            statements.add(readStatement(st));
                        }
                    } else {
                        throw error(value, "Statement must be an object or an array of objects");
                    }
                }
                default -> {
                    // Unknown elements are the validator's to report.
                }
            }
        }
        return new PolicyDocument(version, id, statements, isArray, locations);
    }

    private static Statement readStatement(Obj st) throws PolicyParseException {
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
        for (Field f : st.fields()) {
            locations.put(f.name(), at(f));
            Node value = f.value();
            switch (f.name()) {
                case "Sid" -> sid = string(value, "Sid");
                case "Effect" -> effectText = string(value, "Effect");
                case "Principal" -> principal = readPrincipal(value, "Principal");
                case "NotPrincipal" -> notPrincipal = readPrincipal(value, "NotPrincipal");
                case "Action" -> action = stringList(value, "Action");
                case "NotAction" -> notAction = stringList(value, "NotAction");
                case "Resource" -> resource = stringList(value, "Resource");
                case "NotResource" -> notResource = stringList(value, "NotResource");
                case "Condition" -> conditions = readConditions(value);
                default -> {
                    // Unknown elements are the validator's to report.
                }
            }
        }
        return new Statement(sid, Effect.fromAws(effectText), effectText, principal, notPrincipal, action, notAction,
                resource, notResource, conditions, new SourceLocation(st.line(), st.column()), locations);
    }

    private static PrincipalBlock readPrincipal(Node value, String element) throws PolicyParseException {
        if (value instanceof Scalar s && s.isString()) {
            if (!"*".equals(s.text())) {
                throw error(value, element + " must be \"*\" or an object such as {\"AWS\": \"...\"}");
            }
            return PrincipalBlock.any();
        }
        if (!(value instanceof Obj obj)) {
            throw error(value, element + " must be \"*\" or an object such as {\"AWS\": \"...\"}");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Field f : obj.fields()) {
            values.put(f.name(), stringList(f.value(), element + "." + f.name()));
        }
        return new PrincipalBlock(false, values);
    }

    private static List<Condition> readConditions(Node value) throws PolicyParseException {
        if (!(value instanceof Obj block)) {
            throw error(value, "Condition must be an object of operators");
        }
        List<Condition> out = new ArrayList<>();
        for (Field operator : block.fields()) {
            if (!(operator.value() instanceof Obj keys)) {
                throw error(operator.value(), "Condition operator " + operator.name()
                        + " must map to an object of condition keys");
            }
            for (Field key : keys.fields()) {
                out.add(new Condition(operator.name(), key.name(),
                        conditionValues(key.value(), operator.name() + "." + key.name()), at(key)));
            }
        }
        return out;
    }

    private static List<String> conditionValues(Node value, String where) throws PolicyParseException {
        if (value instanceof Arr arr) {
            List<String> out = new ArrayList<>();
            for (Node item : arr.items()) {
                out.add(conditionScalar(item, where));
            }
            return out;
        }
        return List.of(conditionScalar(value, where));
    }

    private static String conditionScalar(Node value, String where) throws PolicyParseException {
        if (value instanceof Scalar s) {
            switch (s.token()) {
                case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> {
                    return s.text();
                }
                default -> {
                    // null falls through to the error
                }
            }
        }
        throw error(value, "Condition value of " + where + " must be a string, number or boolean");
    }

    private static List<String> stringList(Node value, String element) throws PolicyParseException {
        if (value instanceof Scalar s && s.isString()) {
            return List.of(s.text());
        }
        if (!(value instanceof Arr arr)) {
            throw error(value, element + " must be a string or an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (Node item : arr.items()) {
            if (!(item instanceof Scalar s && s.isString())) {
                throw error(item, element + " must be a string or an array of strings");
            }
            out.add(s.text());
        }
        return out;
    }

    private static String string(Node value, String element) throws PolicyParseException {
        if (!(value instanceof Scalar s && s.isString())) {
            throw error(value, element + " must be a string");
        }
        return s.text();
    }

    private static SourceLocation at(Field f) {
        return new SourceLocation(f.line(), f.column());
    }

    private static PolicyParseException error(Node at, String message) {
        return new PolicyParseException(message, at.line(), at.column());
    }
}
