package org.iamdojo.iam.access;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.iamdojo.iam.account.AccessRequest;
import org.iamdojo.iam.account.EngineAccessEvaluator;
import org.iamdojo.iam.account.Operation;
import org.iamdojo.iam.account.OperationContext;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.account.SandboxAccount;

/**
 * dojo:GetAccessMap, the sandbox's own read (not an AWS API): the {@link AccessMap} of every sandbox account the
 * caller may export with iam:GetAccountAuthorizationDetails, as a mapping tool such as PMapper reads an account
 * (https://github.com/nccgroup/PMapper); buckets only when it may s3:ListAllMyBuckets, instances only when it may
 * ec2:DescribeInstances. The response summarises; the map itself is the call's detail.
 */
public final class AccessMapOperation {
    /** The service name of the sandbox's own operations. */
    public static final String SERVICE = "dojo";
    /** The operation name. */
    public static final String NAME = "GetAccessMap";

    private AccessMapOperation() {
    }

    /** Registers dojo:GetAccessMap on a sandbox. */
    public static void register(Sandbox sandbox, EngineAccessEvaluator evaluator) {
        AccessMapper mapper = new AccessMapper(evaluator);
        sandbox.register(Operation.readWithDetail(SERVICE, NAME,
                (c, p) -> List.of(AccessRequest.of("iam:GetAccountAuthorizationDetails", null, c.accountId())),
                (c, p) -> {
                    AccessMap map = map(c, mapper);
                    return new Operation.Outcome(summary(map), map);
                }));
    }

    private static AccessMap map(OperationContext c, AccessMapper mapper) {
        Sandbox sb = c.sandbox();
        List<String> visible = new ArrayList<>();
        for (SandboxAccount a : sb.accounts()) {
            boolean own = a.accountId().equals(c.accountId());
            if (own || sb.authorize(c.caller(),
                    AccessRequest.of("iam:GetAccountAuthorizationDetails", null, a.accountId())).allowed()) {
                visible.add(a.accountId());
            }
        }
        boolean buckets = sb.authorize(c.caller(), AccessRequest.of("s3:ListAllMyBuckets", null, c.accountId())).allowed();
        boolean instances = sb.authorize(c.caller(),
                AccessRequest.of("ec2:DescribeInstances", null, c.accountId())).allowed();
        return mapper.map(sb, visible, buckets, instances);
    }

    private static ObjectNode summary(AccessMap map) {
        ObjectNode out = Sandbox.json().objectNode();
        ArrayNode accounts = out.putArray("Accounts");
        map.accounts().forEach(accounts::add);
        out.put("NodeCount", map.nodes().size());
        out.put("EdgeCount", map.edges().size());
        ArrayNode paths = out.putArray("EscalationPaths");
        for (EscalationPath p : map.paths()) {
            ObjectNode o = paths.addObject();
            o.put("Principal", p.principal());
            o.put("Technique", p.technique().name());
            o.put("Target", p.target());
            o.put("Reference", p.technique().reference());
        }
        return out;
    }
}
