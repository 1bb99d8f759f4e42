package org.iamdojo.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iamdojo.iam.SandboxFactory;
import org.iamdojo.iam.account.AuthorizationDetails;
import org.iamdojo.iam.account.AwsException;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.EngineAccessEvaluator;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.account.SandboxAccount;
import org.iamdojo.iam.account.Totp;
import org.iamdojo.iam.cloud.Ec2Operations;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.iam.time.SandboxClock;

/**
 * One learner's run of a scenario: the sandbox set up as the scenario says, the credentials the learner acts
 * with, the steps begun (their CloudTrail positions), the hints opened, and the calls made. The grader reads
 * the sandbox state from here; the UI calls {@link #call} for every learner action.
 */
public final class Attempt {
    /** The source IP of learner calls (documentation range, RFC 5737). */
    public static final String LEARNER_IP = Sandbox.DEFAULT_SOURCE_IP;
    /** The source IP of calls the setup makes before the learner arrives (documentation range, RFC 5737). */
    static final String SETUP_IP = "198.51.100.77";
    private static final Pattern VAR = Pattern.compile("\\$\\{(totp:|totp-previous:)?([A-Za-z0-9_-]+)((?:\\.[A-Za-z0-9_]+)*)}");

    private final Scenario scenario;
    private final Sandbox sandbox;
    private final EngineAccessEvaluator evaluator;
    private final Credentials learner;
    private final Map<String, JsonNode> variables = new LinkedHashMap<>();
    private final Map<String, String> instanceIds = new LinkedHashMap<>();
    private final Map<Integer, Integer> stepStarts = new LinkedHashMap<>();
    private final Set<HintUse> hintsUsed = new LinkedHashSet<>();
    private final List<CallRecord> calls = new ArrayList<>();

    /** A call the learner made and how it ended (errorCode null = success). */
    public record CallRecord(String service, String operation, String errorCode) {
    }

    private Attempt(Scenario scenario, Sandbox sandbox, EngineAccessEvaluator evaluator) {
        this.scenario = scenario;
        this.sandbox = sandbox;
        this.evaluator = evaluator;
        String home = scenario.homeAccountId();
        Scenario.Learner l = scenario.learner();
        this.learner = l.isRoot() ? Credentials.ConsoleSession.root(home, Boolean.TRUE.equals(l.mfa()))
                : new Credentials.ConsoleSession(home, l.user(), Boolean.TRUE.equals(l.mfa()));
    }

    /** Sets up a fresh sandbox for the scenario and returns the attempt at step 1. */
    public static Attempt start(Scenario scenario, SandboxClock clock, long seed, PolicyValidator validator) {
        EngineAccessEvaluator evaluator = new EngineAccessEvaluator();
        Sandbox sandbox = SandboxFactory.create(clock, seed, evaluator, SandboxFactory.validatorChecker(validator));
        Attempt attempt = new Attempt(scenario, sandbox, evaluator);
        attempt.setUp();
        attempt.beginStep(1);
        return attempt;
    }

    private void setUp() {
        for (Scenario.AccountSetup a : scenario.accounts()) {
            SandboxAccount account = sandbox.createAccount(a.id(),
                    a.rootEmail() == null ? "root+" + a.id() + "@example.com" : a.rootEmail(), "Root-" + a.id() + "-pw!");
            if (a.authorizationDetails() != null) {
                AuthorizationDetails.importInto(sandbox, account, a.authorizationDetails());
            }
            if (a.alias() != null) {
                sandbox.setup(a.id(), "iam", "CreateAccountAlias", Params.of("AccountAlias", a.alias()));
            }
            for (Scenario.Bucket b : a.buckets()) {
                sandbox.setup(a.id(), "s3", "CreateBucket", Params.of("Bucket", b.name()));
                if (b.policy() != null) {
                    sandbox.setup(a.id(), "s3", "PutBucketPolicy", Params.of("Bucket", b.name(), "Policy",
                            b.policy().isTextual() ? b.policy().asText() : b.policy().toString()));
                }
                b.objects().forEach((key, body) ->
                        sandbox.setup(a.id(), "s3", "PutObject", Params.of("Bucket", b.name(), "Key", key, "Body", body)));
            }
            for (ScenarioOperation op : a.operations()) {
                if ("dojo".equals(op.service()) && "AdvanceClock".equals(op.operation())) {
                    // Time passes before the learner arrives: keys age, sessions run out.
                    advanceClock(Duration.ofSeconds(new Params(resolve(op.params())).integer("Seconds")));
                    continue;
                }
                if (op.as() != null) {
                    // Someone used the account before the learner arrived (an app, an attacker): a real, authorized
                    // call that CloudTrail and the keys' last-used dates remember, but not one of the learner's calls.
                    CallResult r = sandbox.call(credentials(op.as().trim().split("\\s+"), a.id()), op.service(),
                            op.operation(), new Params(resolve(op.params())), SETUP_IP);
                    if (!r.succeeded()) {
                        throw new IllegalStateException("Setup call " + op.service() + ":" + op.operation() + " as "
                                + op.as() + " failed: " + r.error().code() + " " + r.error().getMessage());
                    }
                    save(op, r.response());
                    continue;
                }
                ObjectNode response = sandbox.setup(op.account() == null ? a.id() : op.account(), op.service(),
                        op.operation(), new Params(resolve(op.params())));
                save(op, response);
            }
            for (Scenario.Instance i : a.instances()) {
                ObjectNode params = JsonNodeFactory.instance.objectNode();
                params.put("ImageId", i.imageId());
                params.put("InstanceType", i.instanceType() == null ? "t3.micro" : i.instanceType());
                if (i.userData() != null) {
                    params.put("UserData", resolveText(i.userData()));
                }
                if (i.instanceProfile() != null) {
                    params.putObject("IamInstanceProfile").put("Name", i.instanceProfile());
                }
                if (!i.tags().isEmpty()) {
                    ObjectNode spec = params.putArray("TagSpecifications").addObject().put("ResourceType", "instance");
                    ArrayNode tags = spec.putArray("Tags");
                    i.tags().forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
                }
                ObjectNode out = sandbox.setup(a.id(), "ec2", "RunInstances", new Params(params));
                String id = out.path("Instances").path(0).path("InstanceId").asText();
                instanceIds.put(i.name(), id);
                variables.put("instance_" + i.name(), TextNode.valueOf(id));
            }
        }
    }

    /** The scenario being attempted. */
    public Scenario scenario() {
        return scenario;
    }

    /** The sandbox of the attempt. */
    public Sandbox sandbox() {
        return sandbox;
    }

    /** The engine evaluator behind the sandbox (the grader builds its requests with it). */
    public EngineAccessEvaluator evaluator() {
        return evaluator;
    }

    /** The credentials the learner starts with: a console session of root or of the scenario's IAM user. */
    public Credentials learnerCredentials() {
        return learner;
    }

    /** The i-… id of an instance the scenario names, or null. */
    public String instanceId(String name) {
        return instanceIds.get(name);
    }

    /**
     * The access keys the story hands to the learner (scenario {@code learner.profiles}): terminal profile name →
     * the key the setup created, in the scenario's order.
     */
    public Map<String, Credentials.AccessKeyPair> handedProfiles() {
        Map<String, Credentials.AccessKeyPair> out = new LinkedHashMap<>();
        scenario.learner().profiles().forEach((name, variable) -> {
            JsonNode k = variables.get(variable);
            if (k == null || !k.hasNonNull("AccessKeyId") || !k.hasNonNull("SecretAccessKey")) {
                throw new IllegalStateException("Profile " + name + ": variable " + variable + " holds no access key");
            }
            out.put(name, new Credentials.AccessKeyPair(k.get("AccessKeyId").asText(), k.get("SecretAccessKey").asText(),
                    k.hasNonNull("SessionToken") ? k.get("SessionToken").asText() : null));
        });
        return out;
    }

    /** Values kept from setup and solution responses (e.g. created access keys), by variable name. */
    public Map<String, JsonNode> variables() {
        return Collections.unmodifiableMap(variables);
    }

    /** Marks that the learner began a step (1-based): CloudTrail checks count events from here. */
    public void beginStep(int step) {
        stepStarts.putIfAbsent(step, (int) sandbox.trail().total());
    }

    /** The CloudTrail position where the learner began a step, or null when not reached yet. */
    public Integer stepStart(int step) {
        return stepStarts.get(step);
    }

    /** Records that the learner opened a hint (step and hint 1-based); its cost is deducted once. */
    public void useHint(int step, int hint) {
        if (step < 1 || step > scenario.steps().size() || hint < 1 || hint > scenario.steps().get(step - 1).hints().size()) {
            throw new IllegalArgumentException("No hint " + hint + " in step " + step);
        }
        hintsUsed.add(new HintUse(step, hint));
    }

    /** The hints opened, in the order they were opened. */
    public Set<HintUse> hintsUsed() {
        return Collections.unmodifiableSet(hintsUsed);
    }

    /** The calls made through the attempt, in order. */
    public List<CallRecord> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Makes a sandbox call for the learner and remembers how it ended. */
    public CallResult call(Credentials credentials, String service, String operation, Params params) {
        CallResult result = sandbox.call(credentials, service, operation, params, LEARNER_IP);
        log(service, operation, result);
        return result;
    }

    /**
     * Makes a call the learner sent from their own tools (the AWS CLI or an SDK through the AWS endpoint), from that
     * address with that User-Agent, and remembers how it ended.
     */
    public CallResult call(Credentials credentials, String service, String operation, Params params, String sourceIp,
                           String userAgent) {
        CallResult result = sandbox.call(credentials, service, operation, params, sourceIp, userAgent);
        log(service, operation, result);
        return result;
    }

    /** Puts back a call read from the durable log of the attempt (after a restart). */
    public void restoreCall(CallRecord record) {
        synchronized (calls) {
            calls.add(record);
        }
    }

    private void log(String service, String operation, CallResult result) {
        synchronized (calls) {
            calls.add(new CallRecord(service, operation, result.succeeded() ? null : result.error().code()));
        }
    }

    /** Moves sandbox time forward (e.g. to watch temporary credentials expire). */
    public void advanceClock(Duration by) {
        sandbox.clock().advance(by);
    }

    /**
     * Runs scenario operations in order (a reference or lazy solution), beginning their steps as it goes.
     * Throws when a call ends differently than the operation expects.
     */
    public void apply(List<ScenarioOperation> operations) {
        for (ScenarioOperation op : operations) {
            if (op.step() != null) {
                for (int s = 1; s <= op.step(); s++) {
                    beginStep(s);
                }
            }
            CallResult result = run(op);
            if (op.expectError() != null) {
                if (result.succeeded() || !op.expectError().equals(result.error().code())) {
                    throw new IllegalStateException(op.operation() + " should fail with " + op.expectError() + " but "
                            + (result.succeeded() ? "succeeded" : "failed with " + result.error().code()));
                }
            } else if (!result.succeeded()) {
                throw new IllegalStateException(op.service() + ":" + op.operation() + " as " + op.as() + " failed: "
                        + result.error().code() + " " + result.error().getMessage());
            }
        }
    }

    /** Runs one scenario operation as the identity its {@code as} names. */
    public CallResult run(ScenarioOperation op) {
        Params params = new Params(resolve(op.params()));
        if ("dojo".equals(op.service()) && "AdvanceClock".equals(op.operation())) {
            advanceClock(Duration.ofSeconds(params.integer("Seconds")));
            return new CallResult(JsonNodeFactory.instance.objectNode(), null, null, null);
        }
        String account = op.account() == null ? scenario.homeAccountId() : op.account();
        String[] w = op.as().trim().split("\\s+");
        CallResult result;
        if (w[0].equals("instance")) {
            try {
                result = Ec2Operations.runOnInstance(sandbox, instanceIds.get(w[1]), op.service(), op.operation(), params);
            } catch (AwsException e) {
                result = new CallResult(null, e, null, null);
            }
            log(op.service(), op.operation(), result);
        } else {
            result = call(credentials(w, account), op.service(), op.operation(), params);
        }
        if (result.succeeded()) {
            save(op, result.response());
        }
        return result;
    }

    private Credentials credentials(String[] w, String account) {
        boolean mfa = w[w.length - 1].equals("mfa");
        return switch (w[0]) {
            case "root" -> Credentials.ConsoleSession.root(account, mfa);
            case "user" -> new Credentials.ConsoleSession(account, w[1], mfa);
            case "keys" -> {
                JsonNode k = variables.get(w[1]);
                if (k == null) {
                    throw new IllegalStateException("No saved credentials " + w[1]);
                }
                yield new Credentials.AccessKeyPair(k.path("AccessKeyId").asText(), k.path("SecretAccessKey").asText(),
                        k.hasNonNull("SessionToken") ? k.get("SessionToken").asText() : null);
            }
            default -> throw new IllegalArgumentException("Unknown caller " + String.join(" ", w));
        };
    }

    private void save(ScenarioOperation op, JsonNode response) {
        op.save().forEach((name, path) -> {
            JsonNode n = response;
            for (String part : path.split("\\.")) {
                n = n.isArray() ? n.path(Integer.parseInt(part)) : n.path(part);
            }
            if (n.isMissingNode()) {
                throw new IllegalStateException("The response of " + op.operation() + " has no " + path);
            }
            variables.put(name, n);
        });
    }

    private ObjectNode resolve(ObjectNode params) {
        if (params == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        ObjectNode copy = params.deepCopy();
        resolveIn(copy);
        return copy;
    }

    private void resolveIn(JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode v = o.get(name);
                if (v.isTextual()) {
                    o.put(name, resolveText(v.asText()));
                } else {
                    resolveIn(v);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isTextual()) {
                    a.set(i, TextNode.valueOf(resolveText(a.get(i).asText())));
                } else {
                    resolveIn(a.get(i));
                }
            }
        }
    }

    private String resolveText(String text) {
        Matcher m = VAR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode v = variables.get(m.group(2));
            if (v == null) {
                throw new IllegalStateException("Variable " + m.group(2) + " is not set");
            }
            for (String part : m.group(3).isEmpty() ? new String[0] : m.group(3).substring(1).split("\\.")) {
                v = v.path(part);
            }
            String value = v.asText();
            if ("totp:".equals(m.group(1))) {
                value = Totp.code(value, sandbox.now());
            } else if ("totp-previous:".equals(m.group(1))) {
                value = Totp.code(value, sandbox.now().minusSeconds(30));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
