package org.iamdojo.iam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.iamdojo.iam.account.Json;
import org.iamdojo.iam.eval.AuthorizationRequest;
import org.iamdojo.iam.eval.Authorizer;
import org.iamdojo.iam.eval.CompiledPolicy;
import org.iamdojo.iam.eval.Decision;
import org.iamdojo.iam.eval.EvaluationResults;
import org.iamdojo.iam.eval.RequestContext;
import org.iamdojo.iam.policy.PolicyParseException;

/**
 * {@code simulate-custom-policy --cli-input-json file://request.json}: the request and response shapes of
 * {@code aws iam simulate-custom-policy}, so existing request files work.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html
 */
public final class SimulateCustomPolicyCommand {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> FIELDS = Set.of("PolicyInputList", "PermissionsBoundaryPolicyInputList",
            "ActionNames", "ResourceArns", "ResourcePolicy", "ResourceOwner", "CallerArn", "ContextEntries",
            "ResourceHandlingOption", "MaxItems", "Marker");
    private static final String DEFAULT_ACCOUNT = "123456789012";
    /** The usage text. */
    public static final String USAGE = "usage: simulate-custom-policy --cli-input-json file://request.json|-|JSON\n"
            + "  the request and response of aws iam simulate-custom-policy (fields: " + "PolicyInputList, "
            + "PermissionsBoundaryPolicyInputList, ActionNames, ResourceArns, ResourcePolicy, ResourceOwner, CallerArn, "
            + "ContextEntries)";

    private SimulateCustomPolicyCommand() {
    }

    /** Runs the command; exit code 0 on success, 2 on a bad request (message on err) or a request for usage. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        String input = null;
        for (int i = 0; i < args.length; i++) {
            if (IamCli.isHelp(args[i])) {
                out.println(USAGE);
                return ExitCode.BAD_INPUT;
            }
            if ("--cli-input-json".equals(args[i]) && i + 1 < args.length && input == null) {
                input = args[++i];
            } else {
                err.println("simulate-custom-policy: unexpected argument '" + args[i] + "'");
                err.println(USAGE);
                return ExitCode.BAD_INPUT;
            }
        }
        if (input == null) {
            err.println(USAGE);
            return ExitCode.BAD_INPUT;
        }
        try {
            String text = input.equals("-") ? new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    : input.startsWith("file://") ? Files.readString(Path.of(input.substring("file://".length())))
                    : input;
            out.println(JSON.writeValueAsString(simulate(JSON.readTree(text))));
            return ExitCode.OK;
        } catch (IllegalArgumentException e) {
            err.println("simulate-custom-policy: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        } catch (IOException e) {
            err.println("simulate-custom-policy: cannot read request: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
    }

    /** Evaluates every action × resource of a request in the SimulateCustomPolicy shape. */
    public static ObjectNode simulate(JsonNode request) {
        request.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException("Unknown parameter in input: \"" + f + "\", must be one of: "
                        + String.join(", ", new TreeSet<>(FIELDS)));
            }
        });
        List<CompiledPolicy> identity = policies(request.get("PolicyInputList"), "PolicyInputList");
        if (identity.isEmpty()) {
            throw new IllegalArgumentException("PolicyInputList is required");
        }
        List<CompiledPolicy> boundaries = policies(request.get("PermissionsBoundaryPolicyInputList"),
                "PermissionsBoundaryPolicyInputList");
        CompiledPolicy resourcePolicy = request.hasNonNull("ResourcePolicy")
                ? compile(request.get("ResourcePolicy").asText(), "ResourcePolicy") : null;
        String owner = Json.text(request, "ResourceOwner");
        String ownerAccount = owner == null ? null : accountOf(owner);
        String caller = Json.text(request, "CallerArn");
        if (caller == null) {
            caller = "arn:aws:iam::" + (ownerAccount == null ? DEFAULT_ACCOUNT : ownerAccount) + ":user/SimulatedCaller";
        }
        List<String> actions = Json.strings(request.get("ActionNames"));
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("ActionNames is required");
        }
        List<String> resources = Json.strings(request.get("ResourceArns"));
        if (resources.isEmpty()) {
            resources = List.of("*");
        }
        RequestContext context = RequestContext.of(contextEntries(request.get("ContextEntries")));
        Authorizer authorizer = new Authorizer();
        ObjectNode response = JSON.createObjectNode();
        ArrayNode results = response.putArray("EvaluationResults");
        for (String action : actions) {
            for (String resource : resources) {
                Decision combined = null;
                // Several boundary policies: each must allow (AWS evaluates them as separate boundaries).
                List<CompiledPolicy> boundaryList = boundaries.isEmpty() ? Collections.singletonList(null) : boundaries;
                for (CompiledPolicy boundary : boundaryList) {
                    Decision d = authorizer.authorize(AuthorizationRequest.builder(caller, action)
                            .resource("*".equals(resource) ? null : resource).resourceAccount(ownerAccount)
                            .context(context).identity(identity).boundary(boundary).resourcePolicy(resourcePolicy)
                            .build());
                    if (combined == null || EvaluationResults.rank(d) < EvaluationResults.rank(combined)) {
                        combined = d;
                    }
                }
                List<CompiledPolicy> all = new ArrayList<>(identity);
                all.addAll(boundaries);
                if (resourcePolicy != null) {
                    all.add(resourcePolicy);
                }
                results.add(EvaluationResults.result(action, resource, combined, all, resourcePolicy != null));
            }
        }
        response.put("IsTruncated", false);
        return response;
    }

    private static List<CompiledPolicy> policies(JsonNode list, String field) {
        List<CompiledPolicy> out = new ArrayList<>();
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException(field + " must be a list of policy documents (strings)");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            out.add(compile(p.isTextual() ? p.asText() : p.toString(), field + "." + (i + 1)));
        }
        return out;
    }

    private static CompiledPolicy compile(String json, String id) {
        try {
            return CompiledPolicy.parse(json, id);
        } catch (PolicyParseException e) {
            throw new IllegalArgumentException("MalformedPolicyDocument in " + id + ": " + e.getMessage());
        }
    }

    private static Map<String, List<String>> contextEntries(JsonNode entries) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (entries == null || entries.isNull()) {
            return out;
        }
        for (JsonNode e : entries) {
            String key = Json.text(e, "ContextKeyName");
            if (key == null) {
                throw new IllegalArgumentException("ContextEntries: ContextKeyName is required");
            }
            out.put(key, Json.strings(e.get("ContextKeyValues")));
        }
        return out;
    }



    private static String accountOf(String owner) {
        if (owner.matches("\\d{12}")) {
            return owner;
        }
        String[] parts = owner.split(":", 6);
        if (parts.length == 6 && parts[4].matches("\\d{12}")) {
            return parts[4];
        }
        throw new IllegalArgumentException("ResourceOwner must be an account ARN such as arn:aws:iam::123456789012:root");
    }
}
