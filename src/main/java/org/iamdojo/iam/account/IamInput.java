package org.iamdojo.iam.account;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/** IAM's rules for request values: names, paths, policy documents and tags, with AWS's validation messages. */
final class IamInput {
    static final Pattern USER_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    static final Pattern GROUP_NAME = Pattern.compile("[\\w+=,.@-]{1,128}");
    static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    static final Pattern POLICY_NAME = Pattern.compile("[\\w+=,.@-]{1,128}");
    static final Pattern PATH = Pattern.compile("/|/[\\x21-\\x7E]{0,510}/");

    private IamInput() {
    }

    /** The required name parameter {@code param}, checked against {@code rule}. */
    static String name(Params p, String param, Pattern rule) {
        return checkName(p.required(param), Character.toLowerCase(param.charAt(0)) + param.substring(1), rule);
    }

    static String checkName(String value, String field, Pattern rule) {
        int max = rule == USER_NAME || rule == ROLE_NAME ? 64 : 128;
        InputLimits.length(field, value, max);
        if (!rule.matcher(value).matches()) {
            throw AwsException.validation("1 validation error detected: Value '" + value + "' at '" + field
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+");
        }
        return value;
    }

    /** The Path parameter, "/" when absent. */
    static String path(Params p) {
        String path = p.optional("Path");
        return path == null ? "/" : checkPath(path);
    }

    static String checkPath(String path) {
        InputLimits.length("path", path, 512);
        if (!PATH.matcher(path).matches()) {
            throw AwsException.validation("The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.");
        }
        return path;
    }

    /** Policy documents may arrive URL-encoded (as the IAM API returns them) or as plain JSON. */
    static String decode(String document) {
        String trimmed = document.trim();
        if (trimmed.startsWith("%7B") || trimmed.startsWith("%7b")) {
            return URLDecoder.decode(trimmed, StandardCharsets.UTF_8);
        }
        return document;
    }

    /** The size IAM counts against the inline policy quotas: characters other than whitespace. */
    static int nonWhitespace(String s) {
        return InputLimits.nonWhitespace(s);
    }

    /** Adds tags to an entity's, within the quota of tags per entity. */
    static void tag(Map<String, String> tags, Map<String, String> add) {
        if (tags.size() + add.keySet().stream().filter(k -> !tags.containsKey(k)).count() > IamQuotas.TAGS_PER_ENTITY) {
            throw AwsException.limitExceeded("The number of tags has reached the maximum limit of 50.");
        }
        tags.putAll(add);
    }
}
