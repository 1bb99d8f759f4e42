package org.iamdojo.iam.policy.validation;

import org.iamdojo.iam.policy.catalog.ActionCatalog;
import org.iamdojo.iam.policy.catalog.ActionInfo;
import org.iamdojo.iam.policy.catalog.ResourceTypeInfo;
import org.iamdojo.iam.policy.catalog.ServiceInfo;
import org.iamdojo.iam.policy.validation.LocatedJson.Arr;
import org.iamdojo.iam.policy.validation.LocatedJson.Field;
import org.iamdojo.iam.policy.validation.LocatedJson.Node;
import org.iamdojo.iam.policy.validation.LocatedJson.Obj;
import org.iamdojo.iam.policy.validation.LocatedJson.Scalar;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a policy document the way IAM Access Analyzer's ValidatePolicy does: grammar errors, security
 * warnings, warnings and suggestions, each at the line and column of the offending element. Issue codes
 * and wording follow https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
 * where AWS has a check; the few checks AWS lacks have codes of our own (ALLOW_WITH_NOT_ACTION,
 * ALLOW_WITH_NOT_RESOURCE, ALLOW_ALL_ACTIONS_ON_ALL_RESOURCES, INVALID_CONDITION_OPERATOR).
 * Thread-safe: holds only the immutable catalog.
 */
public final class PolicyValidator {
    private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");
    private static final List<String> STATEMENT_ELEMENTS = List.of("Sid", "Effect", "Principal", "NotPrincipal",
            "Action", "NotAction", "Resource", "NotResource", "Condition");
    private static final Set<String> PRINCIPAL_KEYS = Set.of("AWS", "Service", "Federated", "CanonicalUser");
    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
    private static final Set<String> PARTITIONS = Set.of("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b",
            "aws-iso-e", "aws-iso-f", "aws-eusc");
    /** The condition operators of https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html */
    private static final Set<String> OPERATORS = lower(Set.of("StringEquals", "StringNotEquals",
            "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
            "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan",
            "NumericGreaterThanEquals", "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals",
            "DateGreaterThan", "DateGreaterThanEquals", "Bool", "BinaryEquals", "IpAddress", "NotIpAddress",
            "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null"));
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]*");

    private final ActionCatalog catalog;
    /** The ARN shapes of each catalogued service's own resource types, by service segment. */
    private final Map<String, List<ArnShape>> arnShapes;

    /** A resource type's ARN: a pattern for its resource part and whether Region and account are filled. */
    private record ArnShape(Pattern resource, boolean hasRegion, boolean hasAccount) {
    }

    /** A validator that checks actions, services and condition keys against {@code catalog}. */
    public PolicyValidator(ActionCatalog catalog) {
        this.catalog = catalog;
        Map<String, List<ArnShape>> shapes = new HashMap<>();
        for (ServiceInfo service : catalog.services()) {
            for (ResourceTypeInfo rt : service.resourceTypes()) {
                String[] parts = rt.arnFormat().split(":", 6);
                // Resource types of other services listed under this one (e.g. acm under ec2) are left out.
                if (parts.length == 6 && parts[2].equals(service.prefix())) {
                    shapes.computeIfAbsent(parts[2], s -> new ArrayList<>()).add(new ArnShape(
                            placeholderPattern(parts[5]), !parts[3].isEmpty(), !parts[4].isEmpty()));
                }
            }
        }
        shapes.replaceAll((service, list) -> List.copyOf(list));
        this.arnShapes = Map.copyOf(shapes);
    }

    /** A validator over the standard action catalog. */
    public static PolicyValidator standard() {
        return new PolicyValidator(ActionCatalog.standard());
    }

    /** Validates {@code policyJson} as a policy of {@code type}, without a size check; findings by position. */
    public List<Finding> validate(String policyJson, PolicyType type) {
        return validate(policyJson, type, null);
    }

    /** Validates {@code policyJson} as a policy of {@code type}, and its size against {@code quota} if given. */
    public List<Finding> validate(String policyJson, PolicyType type, @Nullable PolicyQuota quota) {
        Run run = new Run(type);
        if (quota != null) {
            run.checkSize(policyJson, quota);
        }
        try {
            run.document(LocatedJson.parse(policyJson));
        } catch (LocatedJson.SyntaxError e) {
            run.add(Severity.ERROR, "JSON_SYNTAX_ERROR", "Fix the JSON syntax error at line " + e.line
                    + ", column " + e.column + ": " + e.getMessage(), e.line, e.column);
        }
        run.findings.sort(Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column)
                .thenComparing(Finding::severity));
        return List.copyOf(run.findings);
    }

    /** Whether any finding is an ERROR, i.e. AWS would refuse the policy or part of it cannot work. */
    public static boolean hasErrors(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    /** The state of one validation. */
    private final class Run {
        final PolicyType type;
        final List<Finding> findings = new ArrayList<>();
        final Map<String, Boolean> sids = new HashMap<>();
        /** Policy variables work only in 2012-10-17 documents; a document without Version is 2008-10-17. */
        boolean variablesSupported;

        Run(PolicyType type) {
            this.type = type;
        }

        void add(Severity severity, String code, String message, int line, int column) {
            findings.add(new Finding(severity, code, message, line, column));
        }

        void add(Severity severity, String code, String message, Node at) {
            add(severity, code, message, at.line(), at.column());
        }

        void add(Severity severity, String code, String message, Field at) {
            add(severity, code, message, at.line(), at.column());
        }

        void checkSize(String text, PolicyQuota quota) {
            int size = 0;
            for (int i = 0; i < text.length(); i++) {
                if (!Character.isWhitespace(text.charAt(i))) {
                    size++;
                }
            }
            if (size > quota.maxCharacters()) {
                String code = quota == PolicyQuota.ROLE_TRUST_POLICY
                        ? "POLICY_SIZE_EXCEEDS_TRUST_POLICY_QUOTA" : "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA";
                add(Severity.ERROR, code, "The " + size + " characters in the policy, excluding whitespace, exceed the "
                        + quota.maxCharacters() + " character maximum for " + quotaName(quota)
                        + ". Reduce the size of the policy or split it.", 1, 1);
            }
        }

        void document(Node root) {
            if (!(root instanceof Obj doc)) {
                add(Severity.ERROR, "DATA_TYPE_MISMATCH",
                        "The policy document must be a JSON object, not a " + root.typeName() + ".", root);
                return;
            }
            elements(doc, TOP_LEVEL, "policy");
            Field version = doc.field("Version");
            if (version == null) {
                add(Severity.WARNING, "MISSING_VERSION", "We recommend that you specify the Version element "
                        + "to help you with debugging permission issues. Add \"Version\": \"2012-10-17\".", doc);
            } else if (!(version.value() instanceof Scalar v) || !v.isString()) {
                add(Severity.ERROR, "DATA_TYPE_MISMATCH", "The Version element must be a string.", version.value());
            } else if (!VERSIONS.contains(v.text())) {
                add(Severity.ERROR, "INVALID_VERSION", "The version " + v.text()
                        + " is not valid. Use one of the following versions: 2012-10-17, 2008-10-17.", v);
            } else {
                variablesSupported = v.text().equals("2012-10-17");
            }
            Field id = doc.field("Id");
            if (id != null && !(id.value() instanceof Scalar idValue && idValue.isString())) {
                add(Severity.ERROR, "DATA_TYPE_MISMATCH", "The Id element must be a string.", id.value());
            }
            Field statement = doc.field("Statement");
            if (statement == null) {
                add(Severity.ERROR, "MISSING_STATEMENT", "Add a Statement element to the policy.", doc);
                return;
            }
            if (statement.value() instanceof Obj single) {
                statement(single);
            } else if (statement.value() instanceof Arr list) {
                if (list.items().isEmpty()) {
                    add(Severity.ERROR, "MISSING_STATEMENT", "Add at least one statement to the Statement array.", list);
                }
                for (Node item : list.items()) {
                    if (item instanceof Obj st) {
                        statement(st);
                    } else {
                        add(Severity.ERROR, "DATA_TYPE_MISMATCH",
                                "A statement must be a JSON object, not a " + item.typeName() + ".", item);
                    }
                }
            } else {
                add(Severity.ERROR, "DATA_TYPE_MISMATCH",
                        "The Statement element must be an object or an array of objects.", statement.value());
            }
        }

        /** Reports unknown and repeated element names of a policy or statement object. */
        void elements(Obj obj, Set<String> allowed, String where) {
            Set<String> seen = new HashSet<>();
            for (Field f : obj.fields()) {
                if (!seen.add(f.name())) {
                    add(Severity.ERROR, "JSON_SYNTAX_ERROR", "The element " + f.name() + " appears more than once in the "
                            + where + "; IAM does not accept duplicate keys.", f);
                } else if (!allowed.contains(f.name())) {
                    String proper = allowed.stream().filter(a -> a.equalsIgnoreCase(f.name())).findFirst().orElse(null);
                    add(Severity.ERROR, "INVALID_POLICY_ELEMENT", "The policy element " + f.name()
                            + " is not supported in a " + where
                            + (proper == null ? "." : "; element names are case-sensitive: use " + proper + "."), f);
                }
            }
        }

        void statement(Obj st) {
            elements(st, Set.copyOf(STATEMENT_ELEMENTS), "statement");
            sid(st.field("Sid"));
            String effect = effect(st);
            principal(st, effect);

            Field action = st.field("Action");
            Field notAction = st.field("NotAction");
            if (action != null && notAction != null) {
                combination("Action", "NotAction", notAction);
            } else if (action == null && notAction == null) {
                add(Severity.ERROR, "MISSING_ACTION", "Add an Action or NotAction element to the policy statement.", st);
            }
            List<Scalar> actions = strings(action != null ? action : notAction, "EMPTY_ARRAY_ACTION");
            actions.forEach(this::actionValue);

            Field resource = st.field("Resource");
            Field notResource = st.field("NotResource");
            List<Scalar> resources = List.of();
            if (type == PolicyType.TRUST_POLICY) {
                for (Field f : new Field[] {resource, notResource}) {
                    if (f != null) {
                        add(Severity.ERROR, "INVALID_POLICY_ELEMENT", "Has prohibited field " + f.name()
                                + ": a role trust policy names no resource; the role itself is the resource.", f);
                    }
                }
            } else {
                if (resource != null && notResource != null) {
                    combination("Resource", "NotResource", notResource);
                } else if (resource == null && notResource == null && type != PolicyType.SERVICE_CONTROL_POLICY) {
                    add(Severity.ERROR, "MISSING_RESOURCE",
                            "Add a Resource or NotResource element to the policy statement.", st);
                }
                resources = strings(resource != null ? resource : notResource, "EMPTY_ARRAY_RESOURCE");
                resources.forEach(this::resourceValue);
            }

            Field condition = st.field("Condition");
            boolean passedToService = condition != null && condition(condition);

            if ("Allow".equals(effect)) {
                securityWarnings(action, notAction, resource, notResource, actions, resources, passedToService);
            }
        }

        void sid(@Nullable Field sid) {
            if (sid == null) {
                return;
            }
            if (!(sid.value() instanceof Scalar v) || !v.isString()) {
                add(Severity.ERROR, "DATA_TYPE_MISMATCH", "The Sid element must be a string.", sid.value());
                return;
            }
            if (type == PolicyType.IDENTITY_POLICY && !SID.matcher(v.text()).matches()) {
                add(Severity.ERROR, "UNSUPPORTED_SID", "Update the characters in the Sid element to use one of the "
                        + "following character types: [a-z, A-Z, 0-9].", v);
            }
            if (sids.put(v.text(), Boolean.TRUE) != null) {
                add(Severity.ERROR, "UNIQUE_SIDS_REQUIRED", "Duplicate statement IDs are not supported for this "
                        + "policy type. Update the Sid value \"" + v.text() + "\".", v);
            }
        }

        @Nullable
        String effect(Obj st) {
            Field effect = st.field("Effect");
            if (effect == null) {
                add(Severity.ERROR, "MISSING_EFFECT", "Add an Effect element to the policy statement with a value "
                        + "of Allow or Deny.", st);
                return null;
            }
            if (!(effect.value() instanceof Scalar v) || !v.isString()) {
                add(Severity.ERROR, "DATA_TYPE_MISMATCH", "The Effect element must be the string Allow or Deny.",
                        effect.value());
                return null;
            }
            if (v.text().equals("Allow") || v.text().equals("Deny")) {
                return v.text();
            }
            add(Severity.ERROR, "INVALID_EFFECT", "The effect " + v.text() + " is not valid. Use Allow or Deny"
                    + (v.text().equalsIgnoreCase("allow") || v.text().equalsIgnoreCase("deny")
                    ? " (the value is case-sensitive)." : "."), v);
            return null;
        }

        void principal(Obj st, @Nullable String effect) {
            Field principal = st.field("Principal");
            Field notPrincipal = st.field("NotPrincipal");
            if (principal != null && notPrincipal != null) {
                combination("Principal", "NotPrincipal", notPrincipal);
            }
            Field given = principal != null ? principal : notPrincipal;
            switch (type) {
                case IDENTITY_POLICY:
                    if (given != null) {
                        add(Severity.ERROR, "UNSUPPORTED_PRINCIPAL", "Policies attached to IAM identities do not "
                                + "support the " + given.name() + " element: the principal is the identity the "
                                + "policy is attached to. Remove " + given.name() + ".", given);
                    }
                    return;
                case SERVICE_CONTROL_POLICY:
                    if (given != null) {
                        add(Severity.ERROR, "SCP_SYNTAX_ERROR_PRINCIPAL", "SCPs do not support specifying principals. "
                                + "Remove the " + given.name() + " element.", given);
                    }
                    return;
                default:
                    if (given == null) {
                        add(Severity.ERROR, "MISSING_PRINCIPAL", "Add a Principal element to the policy statement: "
                                + "a " + typeName() + " must say whom it applies to.", st);
                        return;
                    }
                    principalValue(given.value());
                    if (notPrincipal != null && "Allow".equals(effect)) {
                        add(Severity.SECURITY_WARNING, "ALLOW_WITH_NOT_PRINCIPAL", "Using Allow with NotPrincipal "
                                + "can be overly permissive: it allows every principal except those listed. We "
                                + "recommend that you use Principal instead.", notPrincipal);
                    }
            }
        }

        void principalValue(Node value) {
            if (value instanceof Scalar s && s.isString()) {
                if (!s.text().equals("*")) {
                    add(Severity.ERROR, "INVALID_PRINCIPAL_FORMAT", "The Principal element value " + s.text()
                            + " is not valid. Use \"*\" or an object with an AWS, Service, Federated or CanonicalUser key.", s);
                }
                return;
            }
            if (!(value instanceof Obj obj)) {
                add(Severity.ERROR, "DATA_TYPE_MISMATCH", "The Principal element must be \"*\" or an object.", value);
                return;
            }
            elementsOf(obj, "Principal");
            for (Field f : obj.fields()) {
                if (!PRINCIPAL_KEYS.contains(f.name())) {
                    add(Severity.ERROR, "INVALID_PRINCIPAL_KEY", "The principal key " + f.name()
                            + " is not valid. Use AWS, Service, Federated or CanonicalUser.", f);
                    continue;
                }
                for (Scalar s : strings(f, null)) {
                    String v = s.text();
                    if (f.name().equals("AWS") && !(v.equals("*") || ACCOUNT.matcher(v).matches() || v.startsWith("arn:"))) {
                        add(Severity.ERROR, "INVALID_PRINCIPAL_FORMAT", "The AWS principal " + v + " is not valid: use "
                                + "an account ID, an IAM ARN (e.g. arn:aws:iam::111122223333:role/Name) or \"*\".", s);
                    } else if (f.name().equals("Service") && !v.equals("*") && (v.indexOf('.') < 0 || v.contains(":"))) {
                        add(Severity.ERROR, "INVALID_SERVICE_PRINCIPAL_FORMAT", "The service principal " + v
                                + " is not valid: use a service name such as ec2.amazonaws.com.", s);
                    }
                }
            }
        }

        /** Reports duplicate keys inside Principal or a condition block. */
        void elementsOf(Obj obj, String where) {
            Set<String> seen = new HashSet<>();
            for (Field f : obj.fields()) {
                if (!seen.add(f.name())) {
                    add(Severity.ERROR, "JSON_SYNTAX_ERROR", "The key " + f.name() + " appears more than once in "
                            + where + "; IAM does not accept duplicate keys.", f);
                }
            }
        }

        void actionValue(Scalar s) {
            String v = s.text();
            if (v.equals("*")) {
                return;
            }
            int colon = v.indexOf(':');
            if (colon <= 0 || colon == v.length() - 1 || v.indexOf(':', colon + 1) >= 0) {
                add(Severity.ERROR, "INVALID_ACTION", "The action " + v + " is not valid: write actions as "
                        + "service:ActionName, for example s3:GetObject.", s);
                return;
            }
            String service = v.substring(0, colon);
            String name = v.substring(colon + 1);
            if (hasWildcard(service)) {
                return;
            }
            if (!catalog.knowsServicePrefix(service)) {
                add(Severity.ERROR, "INVALID_SERVICE_IN_ACTION", "The service " + service
                        + " specified in the action does not exist.", s);
                return;
            }
            if (!catalog.isCatalogued(service)) {
                return;
            }
            if (hasWildcard(name)) {
                if (catalog.matching(v).isEmpty()) {
                    add(Severity.ERROR, "INVALID_ACTION", "The action " + v + " matches no action of the service "
                            + service + ".", s);
                }
            } else if (catalog.action(service, name).isEmpty()) {
                add(Severity.ERROR, "INVALID_ACTION", "The action " + v + " does not exist.", s);
            }
        }

        void resourceValue(Scalar s) {
            String v = s.text();
            variables(s);
            if (v.equals("*")) {
                return;
            }
            if (!v.startsWith("arn:")) {
                add(Severity.ERROR, "INVALID_ARN_PREFIX", "The resource " + v + " is not \"*\" or an ARN. Add the "
                        + "required prefix (arn) to the resource ARN: arn:partition:service:region:account:resource.", s);
                return;
            }
            String[] parts = v.split(":", 6);
            if (parts.length < 6) {
                // A trailing wildcard may stand for the missing segments ("arn:aws:s3:::*" style shortcuts).
                if (!v.endsWith("*")) {
                    add(Severity.ERROR, "MISSING_ARN_FIELD", "The resource ARN " + v + " is missing fields: ARNs have "
                            + "the form arn:partition:service:region:account:resource.", s);
                }
                return;
            }
            String partition = parts[1];
            String service = parts[2];
            String region = parts[3];
            String account = parts[4];
            if (isLiteral(partition) && !PARTITIONS.contains(partition)) {
                add(Severity.ERROR, "INVALID_PARTITION", "The resource ARN for the service " + service + " does not "
                        + "have a valid partition. Use a partition such as aws, aws-cn or aws-us-gov.", s);
            }
            if (service.isEmpty()) {
                add(Severity.ERROR, "MISSING_ARN_FIELD", "The resource ARN " + v + " has no service.", s);
                return;
            }
            if (isLiteral(service)) {
                if (!service.equals(service.toLowerCase(Locale.ROOT))) {
                    add(Severity.ERROR, "INVALID_ARN_SERVICE_CASE", "Update the service name " + service
                            + " in the resource ARN to use all lowercase letters.", s);
                } else if (!catalog.knowsArnService(service)) {
                    add(Severity.ERROR, "INVALID_SERVICE", "The service " + service + " in the resource ARN does not exist.", s);
                }
            }
            List<ArnShape> shapes = candidateShapes(service, parts[5]);
            if (!region.isEmpty() && isLiteral(region)) {
                if (!REGION.matcher(region).matches()) {
                    add(Severity.ERROR, "INVALID_ARN_REGION", "The Region " + region + " in the resource ARN is not "
                            + "valid. Use a Region code such as us-east-1.", s);
                } else if (!shapes.isEmpty() && shapes.stream().noneMatch(ArnShape::hasRegion)) {
                    add(Severity.ERROR, "ARN_REGION_NOT_ALLOWED", "The service " + service
                            + " does not support specifying a Region in the resource ARN.", s);
                }
            }
            if (!account.isEmpty() && isLiteral(account)) {
                if (!ACCOUNT.matcher(account).matches() && !account.equals("aws")) {
                    add(Severity.ERROR, "INVALID_ARN_ACCOUNT", "The account ID " + account + " in the resource ARN "
                            + "is not valid. Use a 12-digit account ID.", s);
                } else if (!shapes.isEmpty() && shapes.stream().noneMatch(ArnShape::hasAccount)) {
                    add(Severity.ERROR, "ARN_ACCOUNT_NOT_ALLOWED", "The service " + service
                            + " does not support specifying an account ID in the resource ARN.", s);
                }
            }
            if (parts[5].isEmpty()) {
                add(Severity.ERROR, "MISSING_ARN_FIELD", "The resource ARN " + v + " has no resource part.", s);
            }
        }

        /** Checks a Condition element; returns whether it constrains iam:PassedToService. */
        boolean condition(Field condition) {
            if (!(condition.value() instanceof Obj block)) {
                add(Severity.ERROR, "DATA_TYPE_MISMATCH", "The Condition element must be an object of condition "
                        + "operators.", condition.value());
                return false;
            }
            elementsOf(block, "Condition");
            boolean passedToService = false;
            for (Field op : block.fields()) {
                operator(op);
                if (!(op.value() instanceof Obj keys)) {
                    add(Severity.ERROR, "DATA_TYPE_MISMATCH", "The condition operator " + op.name()
                            + " must have an object of condition keys and values.", op.value());
                    continue;
                }
                Map<String, String> seen = new HashMap<>();
                for (Field key : keys.fields()) {
                    String previous = seen.put(key.name().toLowerCase(Locale.ROOT), key.name());
                    if (previous != null) {
                        if (previous.equals(key.name())) {
                            add(Severity.ERROR, "JSON_SYNTAX_ERROR", "The condition key " + key.name()
                                    + " appears more than once in " + op.name() + "; IAM does not accept duplicate keys.", key);
                        } else {
                            add(Severity.ERROR, "DUPLICATE_KEYS_WITH_DIFFERENT_CASE", "The condition key " + key.name()
                                    + " is used more than once in the same condition block with different case ("
                                    + previous + "). Condition keys are case-insensitive: use one.", key);
                        }
                    }
                    conditionKey(key);
                    passedToService |= key.name().equalsIgnoreCase("iam:PassedToService");
                    conditionValues(key);
                }
            }
            return passedToService;
        }

        void operator(Field op) {
            String name = op.name();
            String base = name;
            String lowerName = name.toLowerCase(Locale.ROOT);
            if (lowerName.startsWith("forallvalues:") || lowerName.startsWith("foranyvalue:")) {
                base = base.substring(base.indexOf(':') + 1);
            }
            boolean ifExists = base.toLowerCase(Locale.ROOT).endsWith("ifexists");
            if (ifExists) {
                base = base.substring(0, base.length() - "IfExists".length());
            }
            String lowerBase = base.toLowerCase(Locale.ROOT);
            if (!OPERATORS.contains(lowerBase)) {
                add(Severity.ERROR, "INVALID_CONDITION_OPERATOR", "The condition operator " + name + " is not valid. "
                        + "Use an operator such as StringEquals, ArnLike, Bool, NumericLessThan, DateGreaterThan, "
                        + "IpAddress or Null, optionally with ...IfExists or ForAllValues:/ForAnyValue:.", op);
            } else if (ifExists && lowerBase.equals("null")) {
                add(Severity.ERROR, "NULL_WITH_IF_EXISTS", "The Null condition operator cannot be used with the "
                        + "IfExists suffix. Update the operator.", op);
            }
        }

        void conditionKey(Field key) {
            String k = key.name();
            int colon = k.indexOf(':');
            if (colon <= 0 || colon == k.length() - 1) {
                add(Severity.ERROR, "INVALID_CONDITION_KEY_FORMAT", "The condition key " + k + " is not valid. "
                        + "Condition keys have the form prefix:name, for example aws:SourceIp.", key);
                return;
            }
            String prefix = k.substring(0, colon);
            if (catalog.isCatalogued(prefix) && catalog.conditionKey(k).isEmpty()) {
                add(Severity.ERROR, "INVALID_SERVICE_CONDITION_KEY", "The condition key " + k
                        + " does not exist in the service " + prefix + ".", key);
            }
        }

        void conditionValues(Field key) {
            Node value = key.value();
            List<Node> values = value instanceof Arr arr ? arr.items() : List.of(value);
            for (Node v : values) {
                if (v instanceof Scalar s && s.token() != com.fasterxml.jackson.core.JsonToken.VALUE_NULL) {
                    if (s.isString()) {
                        variables(s);
                    }
                } else {
                    add(Severity.ERROR, "DATA_TYPE_MISMATCH", "The value of condition key " + key.name()
                            + " must be a string, number or boolean, or an array of them.", v);
                }
            }
        }

        /** Policy variables are literal text in 2008-10-17 documents, which is rarely what the author meant. */
        void variables(Scalar s) {
            String v = s.text();
            int start = v.indexOf("${");
            if (start < 0) {
                return;
            }
            if (!variablesSupported) {
                add(Severity.WARNING, "VARIABLE_UNSUPPORTED_IN_VERSION", "Policy variables are supported only with "
                        + "Version 2012-10-17; here " + v + " is matched literally. Set \"Version\": \"2012-10-17\".", s);
            } else if (v.indexOf('}', start) < 0) {
                add(Severity.ERROR, "MISSING_BRACE_IN_VARIABLE", "The policy variable in " + v
                        + " is missing its closing brace }.", s);
            }
        }

        void securityWarnings(@Nullable Field action, @Nullable Field notAction, @Nullable Field resource,
                              @Nullable Field notResource, List<Scalar> actions, List<Scalar> resources,
                              boolean passedToService) {
            if (notAction != null) {
                add(Severity.SECURITY_WARNING, "ALLOW_WITH_NOT_ACTION", "Using Allow with NotAction allows every "
                        + "action not listed, including actions of services added later. We recommend that you list "
                        + "the actions you allow with Action instead.", notAction);
            }
            if (notResource != null) {
                add(Severity.SECURITY_WARNING, "ALLOW_WITH_NOT_RESOURCE", "Using Allow with NotResource allows the "
                        + "actions on every resource not listed, including resources created later. We recommend that "
                        + "you list the resources you allow with Resource instead.", notResource);
            }
            if (action == null || resource == null) {
                return;
            }
            boolean allResources = resources.stream().anyMatch(r -> r.text().equals("*"));
            boolean starResource = resources.stream().anyMatch(r -> isStarRoleResource(r.text()));
            for (Scalar a : actions) {
                String v = a.text();
                boolean allActions = v.equals("*") || v.equals("*:*");
                if (allActions && allResources) {
                    add(Severity.SECURITY_WARNING, "ALLOW_ALL_ACTIONS_ON_ALL_RESOURCES", "This statement allows all "
                            + "actions on all resources (full administrator access). Grant only the permissions "
                            + "required to perform a task.", a);
                    continue;
                }
                if (allActions || !starResource || passedToService) {
                    continue;
                }
                if (v.equalsIgnoreCase("iam:PassRole")) {
                    add(Severity.SECURITY_WARNING, "PASS_ROLE_WITH_STAR_IN_RESOURCE", "Using the iam:PassRole action "
                            + "with wildcards (*) in the resource can be overly permissive because it allows "
                            + "iam:PassRole permissions on multiple resources. We recommend that you specify resource "
                            + "ARNs or add the iam:PassedToService condition key to your statement.", a);
                } else if (hasWildcard(v) && passesRole(v)) {
                    add(Severity.SECURITY_WARNING, "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE", "Using wildcards (*) "
                            + "in the action and the resource can be overly permissive because it allows "
                            + "iam:PassRole permissions on all resources. We recommend that you specify resource ARNs "
                            + "or add the iam:PassedToService condition key to your statement.", a);
                }
            }
        }

        boolean passesRole(String actionPattern) {
            for (ActionInfo info : catalog.matching(actionPattern)) {
                if (info.fullName().equalsIgnoreCase("iam:PassRole")) {
                    return true;
                }
            }
            return false;
        }

        void combination(String first, String second, Field at) {
            add(Severity.ERROR, "UNSUPPORTED_ELEMENT_COMBINATION", "The policy elements " + first + " and " + second
                    + " can not be used in the same statement. Remove one of them.", at);
        }

        /** The string values of an element that takes a string or an array of strings; reports other shapes. */
        List<Scalar> strings(@Nullable Field field, @Nullable String emptyCode) {
            if (field == null) {
                return List.of();
            }
            Node value = field.value();
            if (value instanceof Scalar s && s.isString()) {
                return List.of(s);
            }
            if (value instanceof Arr arr) {
                if (arr.items().isEmpty() && emptyCode != null) {
                    add(Severity.SUGGESTION, emptyCode, "The " + field.name() + " element is an empty array, which "
                            + "matches nothing. Remove the statement or add values.", arr);
                }
                List<Scalar> out = new ArrayList<>();
                for (Node item : arr.items()) {
                    if (item instanceof Scalar s && s.isString()) {
                        out.add(s);
                    } else {
                        add(Severity.ERROR, "DATA_TYPE_MISMATCH", "The values of " + field.name()
                                + " must be strings, not a " + item.typeName() + ".", item);
                    }
                }
                return out;
            }
            add(Severity.ERROR, "DATA_TYPE_MISMATCH", "The " + field.name()
                    + " element must be a string or an array of strings, not a " + value.typeName() + ".", value);
            return List.of();
        }

        String typeName() {
            switch (type) {
                case TRUST_POLICY:
                    return "role trust policy";
                case RESOURCE_CONTROL_POLICY:
                    return "resource control policy";
                default:
                    return "resource-based policy";
            }
        }
    }

    /**
     * The resource types of {@code service} whose resource part fits {@code resourcePart}; all of them when the
     * part has wildcards or variables (we do not intersect patterns), none for services not catalogued.
     */
    private List<ArnShape> candidateShapes(String service, String resourcePart) {
        List<ArnShape> shapes = arnShapes.getOrDefault(service, List.of());
        if (!isLiteral(resourcePart)) {
            return shapes;
        }
        return shapes.stream().filter(shape -> shape.resource().matcher(resourcePart).matches()).toList();
    }

    /** ${Placeholder} in a reference ARN format stands for any non-empty text. */
    private static Pattern placeholderPattern(String format) {
        StringBuilder regex = new StringBuilder();
        int last = 0;
        int open;
        while ((open = format.indexOf("${", last)) >= 0) {
            int close = format.indexOf('}', open);
            if (close < 0) {
                break;
            }
            regex.append(Pattern.quote(format.substring(last, open))).append(".+");
            last = close + 1;
        }
        regex.append(Pattern.quote(format.substring(last)));
        return Pattern.compile(regex.toString());
    }

    private static boolean isStarRoleResource(String resource) {
        return resource.equals("*") || resource.endsWith(":*") || resource.endsWith(":role/*");
    }

    private static String quotaName(PolicyQuota quota) {
        switch (quota) {
            case USER_INLINE:
                return "the inline policies of a user";
            case GROUP_INLINE:
                return "the inline policies of a group";
            case ROLE_INLINE:
                return "the inline policies of a role";
            case MANAGED:
                return "a managed policy";
            default:
                return "a role trust policy";
        }
    }

    private static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
    }

    /** A segment with no wildcard and no policy variable can be checked literally. */
    private static boolean isLiteral(String segment) {
        return !hasWildcard(segment) && !segment.contains("${");
    }

    private static Set<String> lower(Set<String> names) {
        Set<String> out = new HashSet<>();
        names.forEach(n -> out.add(n.toLowerCase(Locale.ROOT)));
        return Set.copyOf(out);
    }
}
