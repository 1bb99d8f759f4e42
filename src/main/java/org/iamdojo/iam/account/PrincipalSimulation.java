package org.iamdojo.iam.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iamdojo.iam.eval.AuthorizationRequest;
import org.iamdojo.iam.eval.Authorizer;
import org.iamdojo.iam.eval.CompiledPolicy;
import org.iamdojo.iam.eval.Decision;
import org.iamdojo.iam.eval.EvaluationResults;
import org.iamdojo.iam.eval.RequestContext;

/**
 * SimulatePrincipalPolicy: evaluates actions × resources for a user, group or role of a sandbox account with
 * the policies attached to it, in the request and response shapes of
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html
 */
public final class PrincipalSimulation {
    private PrincipalSimulation() {
    }

    /**
     * One evaluated action × resource: the engine request the simulation authorized and its decision, in the
     * order of the response's EvaluationResults.
     */
    public record Evaluation(String action, String resource, AuthorizationRequest request, Decision decision) {
    }

    /** The evaluations behind a SimulatePrincipalPolicy response (a call's {@link CallResult#detail()}). */
    public record Evaluations(List<Evaluation> list) implements CallDetail {
        public Evaluations {
            list = List.copyOf(list);
        }
    }

    /** Registers SimulatePrincipalPolicy (needs iam:SimulatePrincipalPolicy on the source principal). */
    public static void register(Sandbox sb, EngineAccessEvaluator evaluator) {
        sb.register(Operation.readWithDetail("iam", "SimulatePrincipalPolicy",
                (c, p) -> IamAccess.onPolicySource(c, p, "iam:SimulatePrincipalPolicy"),
                (c, p) -> {
                    List<Evaluation> evaluations = new ArrayList<>();
                    ObjectNode response = simulate(c.sandbox(), c.account(), p.json(), evaluator, evaluations);
                    return new Operation.Outcome(response, new Evaluations(evaluations));
                }));
    }

    /** Runs a simulation request (AWS field names) against an account of the sandbox. */
    public static ObjectNode simulate(Sandbox sandbox, SandboxAccount account, JsonNode request,
                                      EngineAccessEvaluator evaluator) {
        return simulate(sandbox, account, request, evaluator, new ArrayList<>());
    }

    private static ObjectNode simulate(Sandbox sandbox, SandboxAccount account, JsonNode request,
                                       EngineAccessEvaluator evaluator, List<Evaluation> evaluations) {
        String source = Json.text(request, "PolicySourceArn");
        if (source == null) {
            throw AwsException.validation("PolicySourceArn is required");
        }
        List<String> actions = Json.strings(request.get("ActionNames"));
        if (actions.isEmpty()) {
            throw AwsException.validation("ActionNames is required");
        }
        List<String> resources = Json.strings(request.get("ResourceArns"));
        if (resources.isEmpty()) {
            resources = List.of("*");
        }
        Map<String, List<String>> context = new LinkedHashMap<>();
        for (JsonNode e : request.path("ContextEntries")) {
            context.put(e.path("ContextKeyName").asText(), Json.strings(e.get("ContextKeyValues")));
        }
        IamGroup group = source.contains(":group/") ? account.group(source.substring(source.lastIndexOf('/') + 1)) : null;
        if (source.contains(":group/") && group == null) {
            throw AwsException.noSuchEntity("The group with name " + source.substring(source.lastIndexOf('/') + 1)
                    + " cannot be found.");
        }
        Caller caller = group == null ? callerFor(sandbox, account, source) : null;
        String resourcePolicy = Json.text(request, "ResourcePolicy");
        String owner = Json.text(request, "ResourceOwner");
        String ownerAccount = owner == null ? null : owner.replaceAll("^arn:aws:iam::(\\d{12}):root$", "$1");
        List<CompiledPolicy> extra = new ArrayList<>();
        JsonNode inputs = request.get("PolicyInputList");
        if (inputs != null) {
            for (int i = 0; i < inputs.size(); i++) {
                extra.add(parse(inputs.get(i), "PolicyInputList." + (i + 1)));
            }
        }
        Authorizer authorizer = new Authorizer();
        ObjectNode out = Sandbox.json().objectNode();
        ArrayNode results = out.putArray("EvaluationResults");
        for (String action : actions) {
            for (String resource : resources) {
                AccessRequest need = new AccessRequest(action, "*".equals(resource) ? null : resource,
                        ownerAccount, resourcePolicy, context);
                // A group is simulated as a member with no policies but the group's.
                AuthorizationRequest base = group != null
                        ? AuthorizationRequest.builder(account.iamArn("user", "/", "SimulatedGroupMember"), action)
                                .resource(need.resourceArn()).resourceAccount(ownerAccount)
                                .context(RequestContext.of(context)).identity(evaluator.policiesOf(sandbox, account, group))
                                .resourcePolicy(resourcePolicy == null ? null
                                        : parse(request.get("ResourcePolicy"), "ResourcePolicy"))
                                .build()
                        : evaluator.request(sandbox, caller, need);
                List<CompiledPolicy> identity = new ArrayList<>(base.identityPolicies());
                identity.addAll(extra);
                // The simulator evaluates the principal's policies only: no SCPs unless AWS Organizations is
                // simulated, as the IAM policy simulator does for a single account.
                AuthorizationRequest req = AuthorizationRequest.builder(base.principal(), action)
                        .resource(base.resource()).resourceAccount(base.resourceAccount())
                        .context(RequestContext.of(context)).identity(identity).boundary(base.permissionsBoundary())
                        .resourcePolicy(base.resourcePolicy()).scps(base.scps()).sessionIssuer(base.sessionIssuer())
                        .build();
                Decision d = authorizer.authorize(req);
                List<CompiledPolicy> all = new ArrayList<>(identity);
                if (base.permissionsBoundary() != null) {
                    all.add(base.permissionsBoundary());
                }
                if (base.resourcePolicy() != null) {
                    all.add(base.resourcePolicy());
                }
                results.add(EvaluationResults.result(action, resource, d, all, resourcePolicy != null));
                evaluations.add(new Evaluation(action, resource, req, d));
            }
        }
        out.put("IsTruncated", false);
        return out;
    }

    /** The caller a simulation runs as: the user, or a session of the role. */
    static Caller callerFor(Sandbox sandbox, SandboxAccount account, String sourceArn) {
        String resource = sourceArn.substring(sourceArn.indexOf(':', sourceArn.indexOf("::") + 2) + 1);
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        if (resource.startsWith("user/")) {
            IamUser u = account.user(name);
            if (u == null) {
                throw AwsException.noSuchEntity("The user with name " + name + " cannot be found.");
            }
            return new Caller(CallerType.IAM_USER, account.accountId(), u.arn(), u.id(), u.name(), "AKIASIMULATOR", false, null, null);
        }
        if (resource.startsWith("role/")) {
            IamRole r = account.role(name);
            if (r == null) {
                throw AwsException.noSuchEntity("The role with name " + name + " cannot be found.");
            }
            TemporarySession s = new TemporarySession("ASIASIMULATOR", null, null, sandbox.now().plusSeconds(3600),
                    SessionKind.ASSUMED_ROLE, account.accountId(), r.name(), r.arn(), "SimulatedSession", null, Map.of(),
                    false, false, null);
            return new Caller(CallerType.ASSUMED_ROLE, account.accountId(), s.principalArn(), r.id() + ":SimulatedSession",
                    null, "ASIASIMULATOR", false, r.arn(), s);
        }
        throw AwsException.validation("PolicySourceArn must be a user, group or role ARN: " + sourceArn);
    }

    private static CompiledPolicy parse(JsonNode doc, String id) {
        try {
            return CompiledPolicy.parse(doc.isTextual() ? doc.asText() : doc.toString(), id);
        } catch (Exception e) {
            throw new AwsException("MalformedPolicyDocument", 400, id + ": " + e.getMessage());
        }
    }


}
