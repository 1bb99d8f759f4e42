package org.iamdojo.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.iamdojo.iam.SandboxFactory;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.cli.AuthorizeCommand;
import org.iamdojo.iam.cli.AwsCommandLine;
import org.iamdojo.iam.cli.IamCli;
import org.iamdojo.iam.policy.validation.Finding;
import org.iamdojo.iam.policy.validation.PolicyType;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.scenario.ScenarioParser;
import org.iamdojo.scenario.ScenarioProblem;
import org.iamdojo.iam.time.SandboxClock;

/**
 * Fuzzes the inputs a person or a client can type: policy documents (validator and sandbox), authorize request
 * lines, terminal command lines and scenario files, each from valid seeds mutated by {@link Mutator} or random
 * noise. A fixed number of tries per property bounds the run. Properties: nothing throws (only the documented
 * error results), every error is located, and a refused call changes nothing in the sandbox.
 */
class InputFuzzTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ACCOUNT = "111122223333";
    private static final Credentials ROOT = Credentials.ConsoleSession.root(ACCOUNT, false);
    private static final PolicyValidator VALIDATOR = PolicyValidator.standard();
    /** Requests of src/test/resources/iam/authorize-cases, one compact JSON line each. */
    private static final List<String> REQUESTS = new ArrayList<>();
    /** Every policy document of those requests, pretty-printed (so line and column differ) and compact. */
    private static final List<String> POLICIES = new ArrayList<>();
    private static final List<Path> SCENARIOS;

    static {
        try (Stream<Path> cases = Files.list(Path.of("src/test/resources/iam/authorize-cases"));
             Stream<Path> scenarios = Files.list(Path.of("scenarios"))) {
            for (Path p : cases.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode c : MAPPER.readTree(p.toFile())) {
                    REQUESTS.add(MAPPER.writeValueAsString(c.get("request")));
                    collectPolicies(c.get("request"));
                }
            }
            SCENARIOS = scenarios.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collectPolicies(JsonNode node) throws IOException {
        if (node.isObject() && node.has("Statement")) {
            POLICIES.add(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
            POLICIES.add(MAPPER.writeValueAsString(node));
        } else if (node.isContainerNode()) {
            for (JsonNode child : node) {
                collectPolicies(child);
            }
        }
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    @Property(tries = 300)
    void theValidatorLocatesEveryFindingAndNeverThrows(@ForAll long seed) {
        Random random = new Random(seed);
        Mutator mutator = new Mutator(random);
        String policy = random.nextInt(10) == 0 ? mutator.noise(200) : mutator.mutate(pick(random, POLICIES));
        PolicyType type = pick(random, List.of(PolicyType.values()));
        List<Finding> findings = VALIDATOR.validate(policy, type);
        int lines = policy.split("\r\n|\r|\n", -1).length;
        for (Finding f : findings) {
            assertThat(f.line()).as("line of %s", f.format()).isBetween(1, lines + 1);
            assertThat(f.column()).as("column of %s", f.format()).isPositive();
            assertThat(f.message()).isNotBlank();
        }
        if (!isJson(policy)) {
            assertThat(PolicyValidator.hasErrors(findings)).as("a document that is not JSON is an error: %s",
                    findings).isTrue();
        }
    }

    private static boolean isJson(String text) {
        try {
            return MAPPER.readTree(text) != null && !text.isBlank();
        } catch (IOException e) {
            return false;
        }
    }

    @Property(tries = 150)
    void authorizeAnswersEveryLineWithADecisionOrALocatedError(@ForAll long seed) {
        Random random = new Random(seed);
        Mutator mutator = new Mutator(random);
        StringBuilder input = new StringBuilder();
        int n = 1 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            String request = pick(random, REQUESTS);
            String line = switch (random.nextInt(5)) {
                case 0 -> request;
                case 1 -> mutator.noise(80);
                case 2 -> "";
                default -> mutator.mutate(request);
            };
            input.append(line).append('\n');
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = IamCli.run(new String[] {"authorize"},
                new ByteArrayInputStream(input.toString().getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        // The lines as the command reads them: UTF-8 (a lone surrogate becomes '?'), split at \n, \r and \r\n.
        List<String> inputLines = new BufferedReader(new StringReader(
                new String(input.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))).lines().toList();
        String[] answers = out.toString(StandardCharsets.UTF_8).split("\n", -1);
        assertThat(answers).hasSize(inputLines.size() + 1);
        assertThat(answers[answers.length - 1]).isEmpty();
        for (int i = 0; i < inputLines.size(); i++) {
            JsonNode answer;
            try {
                answer = MAPPER.readTree(answers[i]);
            } catch (IOException e) {
                throw new AssertionError("answer " + (i + 1) + " is not JSON: " + answers[i], e);
            }
            if (answer.has("error")) {
                assertThat(answer.get("line").asInt()).as("line of %s", answer).isEqualTo(i + 1);
                assertThat(answer.get("error").asText()).isNotBlank()
                        // the command's last line of defence: an exception the request handling let escape
                        .doesNotStartWith("cannot decide this request");
            } else {
                assertThat(answer.get("decision").asText()).as("input %s", inputLines.get(i))
                        .isIn("Allow", "ExplicitDeny", "ImplicitDeny");
            }
        }
    }

    /** A sandbox with a user, a bucket and an object, to change by fuzzed calls. */
    private static Sandbox sandbox() {
        Sandbox s = SandboxFactory.create(SandboxClock.fixed(Instant.parse("2026-03-02T09:00:00Z")), 7);
        s.createAccount(ACCOUNT, "root@example.com", "RootPassw0rd!");
        s.setup(ACCOUNT, "iam", "CreateUser", Params.of("UserName", "alice"));
        s.setup(ACCOUNT, "s3", "CreateBucket", Params.of("Bucket", "dojo-reports"));
        s.setup(ACCOUNT, "s3", "PutObject", Params.of("Bucket", "dojo-reports", "Key", "a.txt", "Body", "hello"));
        return s;
    }

    private static final Sandbox SANDBOX = sandbox();

    /** What the account holds: its IAM entities and policies, its buckets and their objects. */
    private static String state(Sandbox s) {
        ObjectNode all = MAPPER.createObjectNode();
        all.set("iam", s.setup(ACCOUNT, "iam", "GetAccountAuthorizationDetails", Params.of()));
        ObjectNode buckets = s.setup(ACCOUNT, "s3", "ListBuckets", Params.of());
        all.set("buckets", buckets);
        for (JsonNode b : buckets.path("Buckets")) {
            String name = b.get("Name").asText();
            all.set("objects:" + name, s.setup(ACCOUNT, "s3", "ListObjectsV2", Params.of("Bucket", name)));
            CallResult policy = s.call(ROOT, "s3", "GetBucketPolicy", Params.of("Bucket", name), null);
            all.put("policy:" + name, policy.succeeded() ? policy.response().toString() : policy.error().code());
        }
        return all.toString();
    }

    private static final String BUCKET_POLICY = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\n"
            + "    \"Sid\": \"ReadOnly\",\n    \"Effect\": \"Allow\",\n"
            + "    \"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:user/alice\"},\n"
            + "    \"Action\": [\"s3:GetObject\", \"s3:ListBucket\"],\n"
            + "    \"Resource\": [\"arn:aws:s3:::dojo-reports\", \"arn:aws:s3:::dojo-reports/*\"],\n"
            + "    \"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"true\"}}\n  }]\n}";

    private static String name(Random random, Mutator mutator) {
        return switch (random.nextInt(5)) {
            case 0 -> "user-" + random.nextInt(1000);
            case 1 -> mutator.noise(40);
            case 2 -> "u".repeat(random.nextInt(200));
            case 3 -> "😀한é" + random.nextInt(100);
            default -> mutator.mutate("build+deploy=ops,bot@example.com.x_y-z");
        };
    }

    private static String path(Random random, Mutator mutator) {
        return switch (random.nextInt(4)) {
            case 0 -> "/";
            case 1 -> "/" + "a/".repeat(random.nextInt(300));
            case 2 -> mutator.noise(30);
            default -> mutator.mutate("/division_abc/subdivision_xyz/");
        };
    }

    private static String key(Random random, Mutator mutator) {
        return switch (random.nextInt(5)) {
            case 0 -> "k".repeat(1000 + random.nextInt(50));
            case 1 -> "한".repeat(330 + random.nextInt(20));
            case 2 -> mutator.noise(60);
            case 3 -> "😀".repeat(random.nextInt(300));
            default -> mutator.mutate("reports/2026/march/summary.csv");
        };
    }

    @Property(tries = 250)
    void aRefusedSandboxCallChangesNothing(@ForAll long seed) {
        Random random = new Random(seed);
        Mutator mutator = new Mutator(random);
        String identity = random.nextInt(10) == 0 ? mutator.noise(100) : mutator.mutate(pick(random, POLICIES));
        String operation;
        Params params;
        switch (random.nextInt(5)) {
            case 0 -> {
                operation = "PutUserPolicy";
                params = Params.of("UserName", random.nextBoolean() ? "alice" : name(random, mutator),
                        "PolicyName", random.nextBoolean() ? "p" : name(random, mutator), "PolicyDocument", identity);
            }
            case 1 -> {
                operation = "CreatePolicy";
                params = Params.of("PolicyName", name(random, mutator), "Path", path(random, mutator),
                        "PolicyDocument", identity);
            }
            case 2 -> {
                operation = "PutBucketPolicy";
                params = Params.of("Bucket", random.nextInt(4) == 0 ? mutator.mutate("dojo-reports") : "dojo-reports",
                        "Policy", mutator.mutate(BUCKET_POLICY));
            }
            case 3 -> {
                operation = "PutObject";
                params = Params.of("Bucket", "dojo-reports", "Key", key(random, mutator), "Body", mutator.noise(20));
            }
            default -> {
                operation = "CreateUser";
                params = Params.of("UserName", name(random, mutator), "Path", path(random, mutator));
            }
        }
        String service = operation.equals("PutBucketPolicy") || operation.equals("PutObject") ? "s3" : "iam";
        String before = state(SANDBOX);
        CallResult result = SANDBOX.call(ROOT, service, operation, params, null);
        if (!result.succeeded()) {
            assertThat(result.error().code()).isNotBlank();
            assertThat(result.error().getMessage()).isNotBlank();
            assertThat(result.error().httpStatus()).isBetween(400, 499);
            assertThat(state(SANDBOX)).as("%s %s refused with %s: %s", operation, params.json(), result.error().code(),
                    result.error().getMessage()).isEqualTo(before);
        }
    }

    private static final List<String> WORDS = List.of("aws", "iam", "s3", "s3api", "sts", "ec2", "help", "--help",
            "--user-name", "--policy-name", "--policy-document", "--bucket", "--key", "--body", "--path", "--profile",
            "--region", "--output", "--query", "--cli-input-json", "--no-cli-pager", "--max-items", "--tags",
            "Key=a,Value=b", "file://policy.json", "alice", "dojo-reports", "\"", "'", "\\", "'{\"a\":1}'", "--", "-",
            "=", "*", "|", ";", "&&", "$(id)", "`id`", "~", "..", "/");

    @Property(tries = 250)
    void theTerminalAnswersEveryLineAndAFailedCommandChangesNothing(@ForAll long seed) {
        Random random = new Random(seed);
        Mutator mutator = new Mutator(random);
        List<String> operations = SANDBOX.operationNames();
        StringBuilder line = new StringBuilder("aws");
        int n = random.nextInt(8);
        for (int i = 0; i < n; i++) {
            line.append(' ');
            switch (random.nextInt(6)) {
                case 0 -> {
                    String[] so = pick(random, operations).split(":");
                    line.append(so[0]).append(' ').append(AwsCommandLine.kebab(so[1]));
                }
                case 1 -> line.append(mutator.noise(20));
                case 2 -> line.append("'").append(mutator.mutate(pick(random, POLICIES)).replace("'", "")).append("'");
                default -> line.append(pick(random, WORDS));
            }
        }
        String text = random.nextInt(4) == 0 ? mutator.mutate(line.toString()) : line.toString();
        AwsCommandLine aws = new AwsCommandLine(SANDBOX);
        String before = state(SANDBOX);
        AwsCommandLine.Output out = aws.run(text, ROOT);
        assertThat(out).isNotNull();
        assertThat(out.text()).isNotNull();
        if (out.exitCode() != 0) {
            assertThat(out.text()).as("the message of a failed %s", text).isNotBlank();
            assertThat(state(SANDBOX)).as("after the failed %s: %s", text, out.text()).isEqualTo(before);
        }
    }

    @Property(tries = 120)
    void theScenarioParserNamesFileAndFieldOfEveryProblem(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        Mutator mutator = new Mutator(random);
        Path file = pick(random, SCENARIOS);
        String name = file.getFileName().toString();
        String original = Files.readString(file);
        String text = mutator.mutate(original);
        ScenarioParser.Result result = new ScenarioParser(VALIDATOR).parse(name, text);
        assertThat(result.ok() || !result.problems().isEmpty()).isTrue();
        int lines = text.split("\r\n|\r|\n", -1).length;
        for (ScenarioProblem p : result.problems()) {
            assertThat(p.file()).isEqualTo(name);
            assertThat(p.message()).isNotBlank();
            assertThat(p.line()).as("line of %s", p.format()).isBetween(0, lines + 1);
            assertThat(p.line() > 0 || !p.path().isEmpty()).as("located: %s", p.format()).isTrue();
        }
    }

    @Property(tries = 10)
    void theUnmutatedSeedsAreValid(@ForAll long seed) throws IOException {
        // The fuzzing starts from valid inputs: a seed that is itself broken would test nothing.
        Random random = new Random(seed);
        Path file = pick(random, SCENARIOS);
        ScenarioParser.Result result = new ScenarioParser(VALIDATOR).parse(file.getFileName().toString(),
                Files.readString(file));
        assertThat(result.problems()).isEmpty();
        String policy = pick(random, POLICIES);
        assertThat(VALIDATOR.validate(policy, PolicyType.IDENTITY_POLICY)).noneMatch(
                f -> f.issueCode().equals("JSON_SYNTAX_ERROR"));
        assertThat(new AuthorizeCommand().handle(pick(random, REQUESTS))).contains("\"decision\"");
    }
}
