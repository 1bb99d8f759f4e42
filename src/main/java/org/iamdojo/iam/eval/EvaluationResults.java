package org.iamdojo.iam.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.iamdojo.iam.policy.SourceLocation;

/**
 * Renders Decisions as the EvaluationResults of IAM's SimulateCustomPolicy / SimulatePrincipalPolicy
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_EvaluationResult.html).
 */
public final class EvaluationResults {
    private EvaluationResults() {
    }

    /** Orders decisions from most to least restrictive: explicit deny, implicit deny, allow. */
    public static int rank(Decision d) {
        return switch (d.decision()) {
            case EXPLICIT_DENY -> 0;
            case IMPLICIT_DENY -> 1;
            case ALLOW -> 2;
        };
    }

    /** AWS's EvalDecision word for a decision. */
    public static String evalDecision(Decision d) {
        return switch (d.decision()) {
            case ALLOW -> "allowed";
            case EXPLICIT_DENY -> "explicitDeny";
            case IMPLICIT_DENY -> "implicitDeny";
        };
    }

    /** One EvaluationResult; {@code policies} are those evaluated, to locate matched statements in their source. */
    public static ObjectNode result(String action, String resource, Decision d, List<CompiledPolicy> policies,
                                    boolean hadResourcePolicy) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("EvalActionName", action);
        r.put("EvalResourceName", resource);
        String decision = evalDecision(d);
        r.put("EvalDecision", decision);
        ArrayNode matched = r.putArray("MatchedStatements");
        for (MatchedStatement m : d.matchedStatements()) {
            ObjectNode s = matched.addObject();
            s.put("SourcePolicyId", m.policyId());
            s.put("SourcePolicyType", switch (m.layer()) {
                case PERMISSIONS_BOUNDARY -> "PERMISSIONS_BOUNDARY_POLICY";
                case RESOURCE_POLICY -> "RESOURCE_POLICY";
                case SCP -> "SERVICE_CONTROL_POLICY";
                case RCP -> "RESOURCE_CONTROL_POLICY";
                case SESSION_POLICY -> "SESSION_POLICY";
                default -> "IAM Policy";
            });
            SourceLocation at = location(m, policies);
            s.putObject("StartPosition").put("Line", at.line()).put("Column", at.column());
            s.putObject("EndPosition").put("Line", at.line()).put("Column", at.column());
        }
        ArrayNode missing = r.putArray("MissingContextValues");
        d.missingContextKeys().forEach(missing::add);
        ObjectNode details = r.putObject("EvalDecisionDetails");
        if (hadResourcePolicy) {
            details.put("ResourcePolicy", decision);
        }
        return r;
    }

    private static SourceLocation location(MatchedStatement m, List<CompiledPolicy> policies) {
        for (CompiledPolicy p : policies) {
            if (p.id().equals(m.policyId()) && m.statementIndex() < p.document().statements().size()) {
                return p.document().statements().get(m.statementIndex()).location();
            }
        }
        return SourceLocation.UNKNOWN;
    }
}
