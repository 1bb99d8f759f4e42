package org.iamdojo.iam.cli;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iamdojo.iam.account.AuthorizationDetails;
import org.iamdojo.iam.account.AwsException;
import org.iamdojo.iam.account.EngineAccessEvaluator;
import org.iamdojo.iam.account.PrincipalSimulation;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.account.SandboxAccount;
import org.iamdojo.iam.policy.catalog.AwsManagedPolicyCatalog;
import org.iamdojo.iam.time.SandboxClock;

/**
 * {@code simulate-principal-policy --account-authorization-details FILE --policy-source-arn ARN
 * --action-names A [A…] [--resource-arns R…] [--context-entries JSON] [--cli-input-json file://…]}: the AWS CLI
 * command run against an account exported with {@code aws iam get-account-authorization-details}.
 */
public final class SimulatePrincipalPolicyCommand {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Reads input strictly: a key written twice is an error at its line and column, never last-wins. */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Pattern ACCOUNT = Pattern.compile("arn:aws:iam::(\\d{12}):");
    private static final Map<String, String> OPTIONS = Map.of(
            "--policy-source-arn", "PolicySourceArn", "--action-names", "ActionNames",
            "--resource-arns", "ResourceArns", "--context-entries", "ContextEntries",
            "--policy-input-list", "PolicyInputList", "--resource-policy", "ResourcePolicy",
            "--resource-owner", "ResourceOwner", "--caller-arn", "CallerArn");

    /** The usage text. */
    public static final String USAGE = "usage: simulate-principal-policy --account-authorization-details FILE "
            + "--policy-source-arn ARN --action-names ACTION... [--resource-arns ARN...] [--context-entries JSON] "
            + "[--cli-input-json file://request.json]";

    private SimulatePrincipalPolicyCommand() {
    }

    /** Runs the command; 0 on success, 2 on a usage or input error. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        try {
            String detailsFile = null;
            ObjectNode request = JSON.createObjectNode();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (IamCli.isHelp(arg)) {
                    out.println(USAGE);
                    return ExitCode.BAD_INPUT;
                }
                if ("--account-authorization-details".equals(arg) && i + 1 < args.length) {
                    detailsFile = args[++i];
                } else if ("--cli-input-json".equals(arg) && i + 1 < args.length) {
                    JsonNode input = STRICT.readTree(read(args[++i], in));
                    input.fields().forEachRemaining(e -> request.set(e.getKey(), e.getValue()));
                } else if (OPTIONS.containsKey(arg)) {
                    String field = OPTIONS.get(arg);
                    ArrayNode values = JSON.createArrayNode();
                    while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        String v = args[++i];
                        if (field.equals("ContextEntries") || v.startsWith("file://")) {
                            JsonNode parsed = STRICT.readTree(read(v, in));
                            if (parsed.isArray()) {
                                values.addAll((ArrayNode) parsed);
                            } else {
                                values.add(parsed);
                            }
                        } else {
                            values.add(v);
                        }
                    }
                    boolean single = field.equals("PolicySourceArn") || field.equals("ResourcePolicy")
                            || field.equals("ResourceOwner") || field.equals("CallerArn");
                    request.set(field, single && values.size() == 1 ? values.get(0) : values);
                } else {
                    err.println("simulate-principal-policy: unexpected argument '" + arg + "'");
                    err.println(USAGE);
                    return ExitCode.BAD_INPUT;
                }
            }
            if (detailsFile == null) {
                err.println(USAGE);
                return ExitCode.BAD_INPUT;
            }
            JsonNode details = STRICT.readTree(read(detailsFile, in));
            out.println(JSON.writeValueAsString(simulate(details, request)));
            return ExitCode.OK;
        } catch (AwsException e) {
            err.println("An error occurred (" + e.code() + ") when calling the SimulatePrincipalPolicy operation: "
                    + e.getMessage());
            return ExitCode.BAD_INPUT;
        } catch (IOException e) {
            err.println("simulate-principal-policy: cannot read input: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
    }

    /** Loads the exported account into a fresh sandbox and simulates the request against it. */
    public static ObjectNode simulate(JsonNode details, JsonNode request) {
        String accountId = accountOf(details, request);
        EngineAccessEvaluator evaluator = new EngineAccessEvaluator();
        Sandbox sandbox = new Sandbox(SandboxClock.system(), 1L, evaluator);
        AwsManagedPolicyCatalog.load().all().forEach(p -> sandbox.addAwsManagedPolicy(p.policyName(), p.path(),
                p.arn(), p.defaultVersionId(), p.document()));
        SandboxAccount account = sandbox.createAccount(accountId, "root@example.com", "not-used-" + accountId);
        AuthorizationDetails.importInto(sandbox, account, details);
        return PrincipalSimulation.simulate(sandbox, account, request, evaluator);
    }

    private static String accountOf(JsonNode details, JsonNode request) {
        String source = request.path("PolicySourceArn").asText("");
        Matcher m = ACCOUNT.matcher(source);
        if (m.find()) {
            return m.group(1);
        }
        m = ACCOUNT.matcher(details.toString());
        if (m.find()) {
            return m.group(1);
        }
        throw AwsException.validation("PolicySourceArn is required and must be an IAM ARN");
    }

    private static String read(String source, InputStream in) throws IOException {
        if ("-".equals(source)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (source.startsWith("file://")) {
            return Files.readString(Path.of(source.substring("file://".length())));
        }
        if (source.startsWith("[") || source.startsWith("{")) {
            return source;
        }
        return Files.readString(Path.of(source));
    }
}
