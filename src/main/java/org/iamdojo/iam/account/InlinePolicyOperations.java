package org.iamdojo.iam.account;

import static org.iamdojo.iam.account.IamEntities.holder;
import static org.iamdojo.iam.account.IamInput.POLICY_NAME;
import static org.iamdojo.iam.account.IamInput.decode;
import static org.iamdojo.iam.account.IamInput.name;
import static org.iamdojo.iam.account.IamInput.nonWhitespace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Inline policies of users, groups and roles: Put/Get/Delete{User,Group,Role}Policy, List{User,Group,Role}Policies. */
final class InlinePolicyOperations {
    private InlinePolicyOperations() {
    }

    static ObjectNode putUserPolicy(OperationContext c, Params p) {
        return put(c, p, PolicyHolderKind.USER);
    }

    static ObjectNode putGroupPolicy(OperationContext c, Params p) {
        return put(c, p, PolicyHolderKind.GROUP);
    }

    static ObjectNode putRolePolicy(OperationContext c, Params p) {
        return put(c, p, PolicyHolderKind.ROLE);
    }

    static ObjectNode getUserPolicy(OperationContext c, Params p) {
        return get(c, p, PolicyHolderKind.USER);
    }

    static ObjectNode getGroupPolicy(OperationContext c, Params p) {
        return get(c, p, PolicyHolderKind.GROUP);
    }

    static ObjectNode getRolePolicy(OperationContext c, Params p) {
        return get(c, p, PolicyHolderKind.ROLE);
    }

    static ObjectNode deleteUserPolicy(OperationContext c, Params p) {
        return delete(c, p, PolicyHolderKind.USER);
    }

    static ObjectNode deleteGroupPolicy(OperationContext c, Params p) {
        return delete(c, p, PolicyHolderKind.GROUP);
    }

    static ObjectNode deleteRolePolicy(OperationContext c, Params p) {
        return delete(c, p, PolicyHolderKind.ROLE);
    }

    static ObjectNode listUserPolicies(OperationContext c, Params p) {
        return list(c, p, PolicyHolderKind.USER);
    }

    static ObjectNode listGroupPolicies(OperationContext c, Params p) {
        return list(c, p, PolicyHolderKind.GROUP);
    }

    static ObjectNode listRolePolicies(OperationContext c, Params p) {
        return list(c, p, PolicyHolderKind.ROLE);
    }

    private static ObjectNode put(OperationContext c, Params p, PolicyHolderKind kind) {
        PolicyHolder h = holder(c, kind, p);
        String name = name(p, "PolicyName", POLICY_NAME);
        String doc = decode(p.required("PolicyDocument"));
        int size = h.inlinePolicies.entrySet().stream().filter(e -> !e.getKey().equals(name))
                .mapToInt(e -> nonWhitespace(e.getValue())).sum() + nonWhitespace(doc);
        if (size > kind.inlineTotal()) {
            throw AwsException.limitExceeded("Maximum policy size of " + kind.inlineTotal() + " bytes exceeded for "
                    + kind.word().toLowerCase() + " " + h.name());
        }
        c.sandbox().checkPolicy(doc, kind.inlineUse());
        h.inlinePolicies.put(name, doc);
        return c.object();
    }

    private static ObjectNode get(OperationContext c, Params p, PolicyHolderKind kind) {
        PolicyHolder h = holder(c, kind, p);
        String name = p.required("PolicyName");
        String doc = h.inlinePolicies.get(name);
        if (doc == null) {
            throw AwsException.noSuchEntity("The " + kind.word().toLowerCase() + " policy with name " + name
                    + " cannot be found.");
        }
        ObjectNode out = c.object();
        out.put(kind.nameParameter(), h.name());
        out.put("PolicyName", name);
        out.set("PolicyDocument", Json.parse(doc));
        return out;
    }

    private static ObjectNode delete(OperationContext c, Params p, PolicyHolderKind kind) {
        PolicyHolder h = holder(c, kind, p);
        String name = p.required("PolicyName");
        if (h.inlinePolicies.remove(name) == null) {
            throw AwsException.noSuchEntity("The " + kind.word().toLowerCase() + " policy with name " + name
                    + " cannot be found.");
        }
        return c.object();
    }

    private static ObjectNode list(OperationContext c, Params p, PolicyHolderKind kind) {
        PolicyHolder h = holder(c, kind, p);
        ObjectNode out = c.object();
        ArrayNode names = out.putArray("PolicyNames");
        h.inlinePolicies.keySet().forEach(names::add);
        out.put("IsTruncated", false);
        return out;
    }
}
