package org.iamdojo.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.iamdojo.iam.eval.CompiledPolicy;
import org.iamdojo.iam.policy.PolicyParseException;
import org.iamdojo.iam.policy.validation.Finding;
import org.iamdojo.iam.policy.validation.PolicyType;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.iam.policy.validation.Severity;

/**
 * Reads one scenario file strictly: unknown fields, wrong types, missing English or Korean text, checks naming
 * entities the scenario never creates and policies with validation errors are all reported with file, line
 * and field path. Thread-safe.
 */
public final class ScenarioParser {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    // The same shape Attempt resolves: ${VAR}, ${VAR.Path}, ${totp:VAR.Seed}. IAM policy variables such as
    // ${aws:username} or ${aws:PrincipalTag/team} are not scenario variables and stay as written.
    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\{(?:totp:|totp-previous:)?([A-Za-z0-9_-]+)(?:\\.[A-Za-z0-9_]+)*}");
    private static final Pattern SERVICE_PRINCIPAL = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)*\\.amazonaws\\.com");
    private static final Set<String> ENTITY_KINDS = Set.of("user", "group", "role", "policy", "instanceProfile", "bucket");

    private final PolicyValidator validator;

    /** A parser that validates policies with {@code validator}. */
    public ScenarioParser(PolicyValidator validator) {
        this.validator = validator;
    }

    /** The outcome of parsing a file: the scenario when there were no problems. */
    public record Result(Scenario scenario, List<ScenarioProblem> problems) {
        /** Whether the scenario can be used. */
        public boolean ok() {
            return scenario != null && problems.isEmpty();
        }
    }

    /** Parses the text of {@code file} (its name is used in problems and must match the scenario id). */
    public Result parse(String file, String text) {
        YamlLocations.Read<Scenario> read = YamlLocations.readStrict(file, text, Scenario.class);
        if (read.problem() != null) {
            return new Result(null, List.of(read.problem()));
        }
        Scenario scenario = read.value();
        Map<String, Integer> lines = read.lines();
        List<ScenarioProblem> problems = new ArrayList<>();
        new Semantics(new LocatedProblems(file, lines, problems)).check(scenario);
        return new Result(problems.isEmpty() ? scenario : null, List.copyOf(problems));
    }

    /** The checks that need the whole scenario: texts, ids, references between parts, policies. */
    private final class Semantics {
        private final LocatedProblems problems;
        private final Map<String, Set<String>> known = new HashMap<>();
        private final Set<String> accountIds = new HashSet<>();
        private final Set<String> setupSaved = new HashSet<>();

        Semantics(LocatedProblems problems) {
            this.problems = problems;
        }

        void problem(String path, String message) {
            problems.add(path, message);
        }

        void check(Scenario s) {
            String stem = problems.fileStem();
            if (s.id() == null || !ID.matcher(s.id()).matches()) {
                problem("id", "id is required: lower-case words joined by '-'");
            } else if (!s.id().equals(stem)) {
                problem("id", "id '" + s.id() + "' must match the file name '" + stem + "'");
            }
            if (s.version() == null || s.version() < 1) {
                problem("version", "version is required and must be 1 or more");
            }
            text(s.title(), "title");
            text(s.story(), "story");
            if (s.level() == null) {
                problem("level", "level is required: beginner, intermediate or advanced");
            }
            if (s.minutes() == null || s.minutes() < 1) {
                problem("minutes", "minutes is required and must be 1 or more");
            }
            accounts(s);
            learner(s);
            if (s.steps().isEmpty()) {
                problem("steps", "at least one step is required");
            }
            for (int i = 0; i < s.steps().size(); i++) {
                Scenario.Step st = s.steps().get(i);
                text(st.title(), "steps[" + i + "].title");
                text(st.instructions(), "steps[" + i + "].instructions");
                for (int h = 0; h < st.hints().size(); h++) {
                    Scenario.Hint hint = st.hints().get(h);
                    text(hint.text(), "steps[" + i + "].hints[" + h + "].text");
                    if (hint.cost() != null && hint.cost() < 0) {
                        problem("steps[" + i + "].hints[" + h + "].cost", "cost must not be negative");
                    }
                }
            }
            if (s.solution().isEmpty()) {
                problem("solution", "a reference solution is required");
            }
            Set<String> saved = new HashSet<>();
            s.accounts().forEach(a -> a.operations().forEach(o -> saved.addAll(o.save().keySet())));
            s.accounts().forEach(a -> a.instances().forEach(i -> saved.add("instance_" + i.name())));
            profiles(s, saved);
            // A solution is played by a learner, who sees only what calls answer and the keys handed to them:
            // it may use the values its own calls saved and the learner's profiles, never the setup's hidden ones.
            Set<String> handed = s.learner() == null ? Set.of() : new HashSet<>(s.learner().profiles().values());
            operations(s.solution(), "solution", s, new HashSet<>(handed), true, saved);
            operations(s.lazySolution(), "lazySolution", s, new HashSet<>(handed), false, saved);
            if (s.checks().isEmpty()) {
                problem("checks", "at least one check is required");
            }
            for (int i = 0; i < s.checks().size(); i++) {
                check(s, s.checks().get(i), "checks[" + i + "]");
            }
        }

        void text(Text t, String path) {
            problems.text(t, path);
        }

        void accounts(Scenario s) {
            if (s.accounts().isEmpty()) {
                problem("accounts", "at least one account is required");
            }
            for (int i = 0; i < s.accounts().size(); i++) {
                Scenario.AccountSetup a = s.accounts().get(i);
                String path = "accounts[" + i + "]";
                if (a.id() == null || !ACCOUNT_ID.matcher(a.id()).matches()) {
                    problem(path + ".id", "an account id has 12 digits");
                } else if (!accountIds.add(a.id())) {
                    problem(path + ".id", "account " + a.id() + " is listed twice");
                }
                if (a.authorizationDetails() != null) {
                    authorizationDetails(a.authorizationDetails(), path + ".authorizationDetails");
                }
                for (int b = 0; b < a.buckets().size(); b++) {
                    Scenario.Bucket bucket = a.buckets().get(b);
                    if (bucket.name() == null) {
                        problem(path + ".buckets[" + b + "].name", "a bucket needs a name");
                    } else {
                        known("bucket", bucket.name());
                    }
                    if (bucket.policy() != null) {
                        policy(bucket.policy(), path + ".buckets[" + b + "].policy", PolicyType.RESOURCE_POLICY);
                    }
                }
                for (int n = 0; n < a.instances().size(); n++) {
                    Scenario.Instance inst = a.instances().get(n);
                    if (inst.name() == null || inst.imageId() == null) {
                        problem(path + ".instances[" + n + "]", "an instance needs a name and an imageId");
                    } else {
                        known("instance", inst.name());
                    }
                }
                for (int o = 0; o < a.operations().size(); o++) {
                    ScenarioOperation op = a.operations().get(o);
                    String opPath = path + ".operations[" + o + "]";
                    if (op.as() != null) {
                        // Only "keys VAR": a call someone made with keys an earlier setup call saved.
                        String[] w = op.as().trim().split("\\s+");
                        if (w.length != 2 || !w[0].equals("keys") || !setupSaved.contains(w[1])) {
                            problem(opPath + ".as", "setup operations run as the account owner; 'as' may only be"
                                    + " 'keys VAR' with keys an earlier setup call saved");
                        }
                    }
                    if (op.expectError() != null) {
                        problem(opPath + ".expectError", "setup operations must succeed");
                    }
                    operationShape(op, opPath);
                    setupSaved.addAll(op.save().keySet());
                }
            }
        }

        void authorizationDetails(JsonNode d, String path) {
            names(d, "UserDetailList", "UserName", "user");
            names(d, "GroupDetailList", "GroupName", "group");
            names(d, "RoleDetailList", "RoleName", "role");
            names(d, "Policies", "PolicyName", "policy");
            inline(d, "UserDetailList", "UserPolicyList", path);
            inline(d, "GroupDetailList", "GroupPolicyList", path);
            inline(d, "RoleDetailList", "RolePolicyList", path);
            JsonNode roles = d.path("RoleDetailList");
            for (int i = 0; i < roles.size(); i++) {
                JsonNode trust = roles.get(i).get("AssumeRolePolicyDocument");
                if (trust != null) {
                    policy(trust, path + ".RoleDetailList[" + i + "].AssumeRolePolicyDocument", PolicyType.TRUST_POLICY);
                }
                JsonNode profiles = roles.get(i).path("InstanceProfileList");
                profiles.forEach(p -> known("instanceProfile", p.path("InstanceProfileName").asText()));
            }
            JsonNode policies = d.path("Policies");
            for (int i = 0; i < policies.size(); i++) {
                JsonNode versions = policies.get(i).path("PolicyVersionList");
                for (int v = 0; v < versions.size(); v++) {
                    JsonNode doc = versions.get(v).get("Document");
                    if (doc != null) {
                        policy(doc, path + ".Policies[" + i + "].PolicyVersionList[" + v + "].Document",
                                PolicyType.IDENTITY_POLICY);
                    }
                }
            }
        }

        void names(JsonNode d, String list, String field, String kind) {
            d.path(list).forEach(e -> known(kind, e.path(field).asText()));
        }

        void inline(JsonNode d, String list, String policies, String path) {
            JsonNode entities = d.path(list);
            for (int i = 0; i < entities.size(); i++) {
                JsonNode ps = entities.get(i).path(policies);
                for (int j = 0; j < ps.size(); j++) {
                    JsonNode doc = ps.get(j).get("PolicyDocument");
                    if (doc != null) {
                        policy(doc, path + "." + list + "[" + i + "]." + policies + "[" + j + "].PolicyDocument",
                                PolicyType.IDENTITY_POLICY);
                    }
                }
            }
        }

        void known(String kind, String name) {
            known.computeIfAbsent(kind, k -> new HashSet<>()).add(name.toLowerCase());
        }

        boolean isKnown(String kind, String name) {
            return known.getOrDefault(kind, Set.of()).contains(name.toLowerCase());
        }

        void operationShape(ScenarioOperation op, String path) {
            if (op.service() == null || op.operation() == null) {
                problem(path, "an operation needs a service and an operation name");
                return;
            }
            if (op.account() != null && !accountIds.contains(op.account())) {
                problem(path + ".account", "account " + op.account() + " is not one of the scenario's accounts");
            }
            JsonNode params = op.params();
            if (params == null) {
                return;
            }
            String paramsPath = path + ".params";
            entityParam(params, "UserName", "user", op);
            entityParam(params, "GroupName", "group", op);
            entityParam(params, "RoleName", "role", op);
            entityParam(params, "PolicyName", "policy", op);
            entityParam(params, "InstanceProfileName", "instanceProfile", op);
            if ("CreateBucket".equals(op.operation()) && params.hasNonNull("Bucket")) {
                known("bucket", params.get("Bucket").asText());
            }
            for (String field : List.of("PolicyDocument", "AssumeRolePolicyDocument", "Policy", "Content")) {
                JsonNode doc = params.get(field);
                PolicyType type = policyType(op, field, params);
                if (type != null && doc != null && !doc.isNull() && !VARIABLE.matcher(doc.toString()).find()) {
                    policy(doc, paramsPath + "." + field, type);
                }
            }
        }

        /** What kind of policy a document parameter holds, or null when the field is no policy there. */
        PolicyType policyType(ScenarioOperation op, String field, JsonNode params) {
            return switch (field) {
                case "AssumeRolePolicyDocument" -> PolicyType.TRUST_POLICY;
                case "PolicyDocument" -> "UpdateAssumeRolePolicy".equals(op.operation()) ? PolicyType.TRUST_POLICY
                        : PolicyType.IDENTITY_POLICY;
                // Bucket and key policies are resource-based; STS's Policy is a session policy (identity-like).
                case "Policy" -> "s3".equals(op.service()) || "kms".equals(op.service()) ? PolicyType.RESOURCE_POLICY
                        : PolicyType.IDENTITY_POLICY;
                // Organizations policies: CreatePolicy names its Type; UpdatePolicy's type is the stored policy's.
                case "Content" -> !"organizations".equals(op.service()) ? null
                        : "RESOURCE_CONTROL_POLICY".equals(params.path("Type").asText()) ? PolicyType.RESOURCE_CONTROL_POLICY
                        : "SERVICE_CONTROL_POLICY".equals(params.path("Type").asText()) ? PolicyType.SERVICE_CONTROL_POLICY
                        : null;
                default -> null;
            };
        }

        void entityParam(JsonNode params, String field, String kind, ScenarioOperation op) {
            // Only Create* operations bring an entity into being; the rest refer to one.
            if (params.hasNonNull(field) && op.operation().startsWith("Create")
                    && op.operation().substring(6).toLowerCase().startsWith(kind.toLowerCase())) {
                known(kind, params.get(field).asText());
            }
        }

        void profiles(Scenario s, Set<String> setupSaved) {
            if (s.learner() == null) {
                return;
            }
            for (int i = 0; i < s.learner().rootOf().size(); i++) {
                String a = s.learner().rootOf().get(i);
                if (a == null || a.equals(s.homeAccountId()) || s.accounts().stream().noneMatch(x -> a.equals(x.id()))) {
                    problem("learner.rootOf[" + i + "]", "'" + a + "' is not another account of this scenario");
                }
            }
            s.learner().profiles().forEach((name, variable) -> {
                if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
                    problem("learner.profiles", "profile name '" + name + "' must be letters, digits, '.', '_' or '-'");
                } else if (variable == null || !setupSaved.contains(variable)) {
                    problem("learner.profiles." + name, "variable " + variable
                            + " is not saved by the setup (save the AccessKey of a CreateAccessKey there)");
                }
            });
        }

        void operations(List<ScenarioOperation> ops, String path, Scenario s, Set<String> saved, boolean steps,
                        Set<String> hidden) {
            for (int i = 0; i < ops.size(); i++) {
                ScenarioOperation op = ops.get(i);
                String opPath = path + "[" + i + "]";
                operationShape(op, opPath);
                if (steps && op.step() != null && (op.step() < 1 || op.step() > s.steps().size())) {
                    problem(opPath + ".step", "step " + op.step() + " is not one of the " + s.steps().size() + " steps");
                }
                if (op.params() != null) {
                    var m = VARIABLE.matcher(op.params().toString());
                    while (m.find()) {
                        if (!saved.contains(m.group(1))) {
                            problem(opPath + ".params", hidden.contains(m.group(1)) ? hiddenVariable(m.group(1))
                                    : "variable " + m.group(1) + " is used before an operation saves it");
                        }
                    }
                }
                as(op.as(), opPath + ".as", saved, hidden);
                if (!hidden.isEmpty() && op.account() != null && !op.account().equals(s.homeAccountId())
                        && op.as() != null && !op.as().startsWith("keys") && s.learner() != null
                        && !s.learner().rootOf().contains(op.account())) {
                    problem(opPath + ".account", "the learner cannot act in account " + op.account()
                            + ": list it in learner.rootOf when the story gives them its root user");
                }
                saved.addAll(op.save().keySet());
            }
        }

        static String hiddenVariable(String name) {
            return "variable " + name + " is saved only by the setup, which the learner never sees: save it from a"
                    + " call of the solution (e.g. a List… call) or hand the key to the learner in learner.profiles";
        }

        void as(String as, String path, Set<String> saved, Set<String> hidden) {
            if (as == null) {
                problem(path, "who calls is required: root, user NAME, keys VAR or instance NAME");
                return;
            }
            String[] w = as.trim().split("\\s+");
            boolean ok = switch (w[0]) {
                case "root" -> w.length == 1 || (w.length == 2 && w[1].equals("mfa"));
                case "user" -> (w.length == 2 || (w.length == 3 && w[2].equals("mfa"))) && entity(path, "user", w[1]);
                case "keys" -> w.length == 2 && (saved.contains(w[1]) || fail(path, hidden.contains(w[1])
                        ? hiddenVariable(w[1]) : "variable " + w[1] + " is not saved before"));
                case "instance" -> w.length == 2 && entity(path, "instance", w[1]);
                default -> false;
            };
            if (!ok && !problems.hasAt(path)) {
                problem(path, "'" + as + "' is not one of: root, root mfa, user NAME, user NAME mfa, keys VAR, instance NAME");
            }
        }

        boolean fail(String path, String message) {
            problem(path, message);
            return true;
        }

        boolean entity(String path, String kind, String name) {
            if (!isKnown(kind, name)) {
                problem(path, "the scenario never creates " + kind + " '" + name
                        + "' (neither in the setup nor in the reference solution)");
            }
            return true;
        }

        void learner(Scenario s) {
            Scenario.Learner l = s.learner();
            if (l == null) {
                problem("learner", "learner is required: root: true, or user: NAME");
                return;
            }
            if (l.isRoot() == (l.user() != null)) {
                problem("learner", "the learner is either root (root: true) or one IAM user (user: NAME)");
            }
        }

        void principal(String principal, String path) {
            principal(principal, path, false);
        }

        /** Access checks also probe an unauthenticated caller and AWS service principals. */
        void principal(String principal, String path, boolean access) {
            if (principal == null) {
                problem(path, "a principal is required: root, user NAME or role NAME");
                return;
            }
            String[] w = principal.trim().split("\\s+");
            if (w.length == 1 && w[0].equals("root")) {
                return;
            }
            if (access && w.length == 1 && w[0].equals("anonymous")) {
                return;
            }
            if (access && w.length == 2 && w[0].equals("service")) {
                if (!SERVICE_PRINCIPAL.matcher(w[1]).matches()) {
                    problem(path, "'" + w[1] + "' is not a service principal such as cloudtrail.amazonaws.com");
                }
                return;
            }
            if (w.length == 2 && (w[0].equals("user") || w[0].equals("role"))) {
                entity(path, w[0], w[1]);
                return;
            }
            problem(path, "'" + principal + "' is not root, user NAME or role NAME"
                    + (access ? ", anonymous or service NAME" : ""));
        }

        void check(Scenario s, Check c, String path) {
            text(c.title(), path + ".title");
            if (c.failure() != null) {
                text(c.failure(), path + ".failure");
            }
            if (c.points() < 1) {
                problem(path + ".points", "points must be 1 or more");
            }
            if (c instanceof Check.Allowed a) {
                access(a.principal(), a.action(), a.resource(), path);
            } else if (c instanceof Check.Denied d) {
                access(d.principal(), d.action(), d.resource(), path);
            } else if (c instanceof Check.PermissionsWithin w) {
                principal(w.principal(), path + ".principal");
                if (w.reference() == null || !w.reference().isObject()) {
                    problem(path + ".reference", "give the reference policy document the principal must stay within");
                } else {
                    try {
                        CompiledPolicy.parse(w.reference().toString(), "reference policy");
                    } catch (PolicyParseException e) {
                        problem(path + ".reference", "not a valid policy document: " + e.reason());
                    }
                }
            } else if (c instanceof Check.NoPublicAccess n) {
                if ((n.bucket() == null) == (n.role() == null)) {
                    problem(path, "give either bucket (a bucket policy) or role (a trust policy), not both");
                } else if (n.bucket() != null) {
                    entity(path + ".bucket", "bucket", n.bucket());
                } else {
                    entity(path + ".role", "role", n.role());
                }
            } else if (c instanceof Check.Entity e) {
                if (e.entity() == null || !ENTITY_KINDS.contains(e.entity())) {
                    problem(path + ".entity", "entity must be one of " + ENTITY_KINDS);
                } else if (e.name() == null) {
                    problem(path + ".name", "name is required");
                } else {
                    entity(path + ".name", e.entity(), e.name());
                }
            } else if (c instanceof Check.Membership m) {
                if (m.user() == null || m.group() == null) {
                    problem(path, "user and group are required");
                } else {
                    entity(path + ".user", "user", m.user());
                    entity(path + ".group", "group", m.group());
                }
            } else if (c instanceof Check.NoUserPolicies n) {
                if (n.users() != null) {
                    for (int i = 0; i < n.users().size(); i++) {
                        entity(path + ".users[" + i + "]", "user", n.users().get(i));
                    }
                }
            } else if (c instanceof Check.UserCredentials u) {
                if (u.user() == null) {
                    problem(path + ".user", "user is required");
                } else {
                    entity(path + ".user", "user", u.user());
                }
            } else if (c instanceof Check.RoleTrust r) {
                if (r.role() == null) {
                    problem(path + ".role", "role is required");
                } else {
                    entity(path + ".role", "role", r.role());
                }
                if (r.principals() == null || r.principals().isEmpty()) {
                    problem(path + ".principals", "list the principals that may assume the role");
                }
            } else if (c instanceof Check.InstanceRole r) {
                if (r.instance() != null) {
                    entity(path + ".instance", "instance", r.instance());
                }
            } else if (c instanceof Check.NoKeysInUserData n) {
                if (n.instance() != null) {
                    entity(path + ".instance", "instance", n.instance());
                }
            } else if (c instanceof Check.Trail t) {
                if (t.fromStep() != null && (t.fromStep() < 1 || t.fromStep() > s.steps().size())) {
                    problem(path + ".fromStep", "fromStep " + t.fromStep() + " is not one of the steps");
                }
            } else if (c instanceof Check.CallFailed f) {
                if (f.errorCode() == null) {
                    problem(path + ".errorCode", "errorCode is required");
                }
            } else if (c instanceof Check.MaxSessionDuration m) {
                if (m.role() == null) {
                    problem(path + ".role", "role is required");
                } else {
                    entity(path + ".role", "role", m.role());
                }
                if (m.atLeast() == null && m.atMost() == null) {
                    problem(path, "give atLeast and/or atMost (seconds, 3600 to 43200)");
                }
                for (Integer v : Arrays.asList(m.atLeast(), m.atMost())) {
                    if (v != null && (v < 3600 || v > 43200)) {
                        problem(path, "a maximum session duration is 3600 to 43200 seconds, not " + v);
                    }
                }
            } else if (c instanceof Check.PasswordPolicy pp) {
                if (pp.minimumPasswordLength() == null && pp.requireSymbols() == null && pp.requireNumbers() == null
                        && pp.requireUppercaseCharacters() == null && pp.requireLowercaseCharacters() == null
                        && pp.maxPasswordAge() == null && pp.passwordReusePrevention() == null) {
                    problem(path, "give at least one password policy setting to check");
                }
            }
        }

        void access(String principal, String action, String resource, String path) {
            principal(principal, path + ".principal", true);
            if (action == null || !action.contains(":")) {
                problem(path + ".action", "action is required, e.g. s3:GetObject");
            }
        }

        void policy(JsonNode doc, String path, PolicyType type) {
            String json = doc.isTextual() ? doc.asText() : doc.toString();
            List<Finding> findings = validator.validate(json, type);
            for (Finding f : findings) {
                if (f.severity() == Severity.ERROR) {
                    problem(path, "policy is invalid: " + f.format());
                }
            }
        }
    }
}
