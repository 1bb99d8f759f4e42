package org.iamdojo.iam.account;

import static org.iamdojo.iam.account.IamEntities.holder;
import static org.iamdojo.iam.account.IamInput.POLICY_NAME;
import static org.iamdojo.iam.account.IamInput.decode;
import static org.iamdojo.iam.account.IamInput.name;
import static org.iamdojo.iam.account.IamInput.nonWhitespace;
import static org.iamdojo.iam.account.IamJson.unpaged;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** Inline policies of users, groups and roles: Put/Get/Delete{User,Group,Role}Policy, List{User,Group,Role}Policies. */
final class InlinePolicyOperations {
    private InlinePolicyOperations() {
    }

    /** Put{User,Group,Role}Policy, within the quota on the total size of the entity's inline policies. */
    static Operation.Action put(PolicyHolderKind kind) {
        return (c, p) -> {
            PolicyHolder h = holder(c, kind, p);
            String name = name(p, "PolicyName", POLICY_NAME);
            String doc = decode(p.required("PolicyDocument"));
            int size = h.inlinePolicies.entrySet().stream().filter(e -> !e.getKey().equals(name))
                    .mapToInt(e -> nonWhitespace(e.getValue())).sum() + nonWhitespace(doc);
            if (size > kind.inlineTotal()) {
                throw AwsException.limitExceeded("Maximum policy size of " + kind.inlineTotal() + " bytes exceeded for "
                        + kind.arnType() + " " + h.name());
            }
            c.sandbox().checkPolicy(doc, kind.inlineUse());
            h.inlinePolicies.put(name, doc);
            return c.object();
        };
    }

    /** Get{User,Group,Role}Policy. */
    static Operation.Action get(PolicyHolderKind kind) {
        return (c, p) -> {
            PolicyHolder h = holder(c, kind, p);
            String name = p.required("PolicyName");
            String doc = h.inlinePolicies.get(name);
            if (doc == null) {
                throw AwsException.noSuchEntity("The " + kind.arnType() + " policy with name " + name
                        + " cannot be found.");
            }
            ObjectNode out = c.object();
            out.put(kind.nameParameter(), h.name());
            out.put("PolicyName", name);
            out.set("PolicyDocument", Json.parse(doc));
            return out;
        };
    }

    /** Delete{User,Group,Role}Policy. */
    static Operation.Action delete(PolicyHolderKind kind) {
        return (c, p) -> {
            PolicyHolder h = holder(c, kind, p);
            String name = p.required("PolicyName");
            if (h.inlinePolicies.remove(name) == null) {
                throw AwsException.noSuchEntity("The " + kind.arnType() + " policy with name " + name
                        + " cannot be found.");
            }
            return c.object();
        };
    }

    /** List{User,Group,Role}Policies. */
    static Operation.Action list(PolicyHolderKind kind) {
        return (c, p) -> {
            PolicyHolder h = holder(c, kind, p);
            return unpaged(c, "PolicyNames", h.inlinePolicies.keySet().stream().map(TextNode::valueOf));
        };
    }
}
