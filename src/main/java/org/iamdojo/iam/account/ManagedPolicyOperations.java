package org.iamdojo.iam.account;

import static org.iamdojo.iam.account.IamEntities.attachmentCount;
import static org.iamdojo.iam.account.IamEntities.customerPolicy;
import static org.iamdojo.iam.account.IamEntities.policy;
import static org.iamdojo.iam.account.IamEntities.version;
import static org.iamdojo.iam.account.IamInput.POLICY_NAME;
import static org.iamdojo.iam.account.IamInput.decode;
import static org.iamdojo.iam.account.IamInput.name;
import static org.iamdojo.iam.account.IamInput.path;
import static org.iamdojo.iam.account.IamJson.policyJson;
import static org.iamdojo.iam.account.IamJson.versionJson;
import static org.iamdojo.iam.account.IamQuotas.VERSIONS_PER_POLICY;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Managed policies and their versions: CreatePolicy, GetPolicy, ListPolicies, DeletePolicy, CreatePolicyVersion,
 * GetPolicyVersion, ListPolicyVersions, SetDefaultPolicyVersion, DeletePolicyVersion.
 */
final class ManagedPolicyOperations {
    private ManagedPolicyOperations() {
    }

    static ObjectNode createPolicy(OperationContext c, Params p) {
        String name = name(p, "PolicyName", POLICY_NAME);
        String path = path(p);
        String doc = decode(p.required("PolicyDocument"));
        SandboxAccount a = c.account();
        String arn = a.iamArn("policy", path, name);
        if (a.customerPolicies.values().stream().anyMatch(x -> x.name().equalsIgnoreCase(name))) {
            throw AwsException.alreadyExists("A policy called " + name + " already exists. Duplicate names are not allowed.");
        }
        c.sandbox().checkPolicy(doc, PolicyUse.MANAGED);
        ManagedPolicy mp = new ManagedPolicy(name, path, c.ids().uniqueId("ANPA", 21), arn, false, c.now());
        mp.description = p.optional("Description");
        mp.versions.add(new ManagedPolicy.PolicyVersion("v1", doc, true, c.now()));
        mp.nextVersion = 2;
        a.customerPolicies.put(arn, mp);
        return c.response("Policy", policyJson(c, mp));
    }

    static ObjectNode getPolicy(OperationContext c, Params p) {
        return c.response("Policy", policyJson(c, policy(c, p.required("PolicyArn"))));
    }

    static ObjectNode listPolicies(OperationContext c, Params p) {
        String scope = p.optional("Scope", "All");
        boolean onlyAttached = p.bool("OnlyAttached", false);
        ObjectNode out = c.object();
        ArrayNode list = out.putArray("Policies");
        if (!"Local".equals(scope)) {
            c.sandbox().awsManagedPolicies().stream()
                    .filter(mp -> !onlyAttached || attachmentCount(c, mp.arn()) > 0)
                    .forEach(mp -> list.add(policyJson(c, mp)));
        }
        if (!"AWS".equals(scope)) {
            c.account().customerPolicies.values().stream()
                    .filter(mp -> !onlyAttached || attachmentCount(c, mp.arn()) > 0)
                    .forEach(mp -> list.add(policyJson(c, mp)));
        }
        out.put("IsTruncated", false);
        return out;
    }

    static ObjectNode deletePolicy(OperationContext c, Params p) {
        ManagedPolicy mp = customerPolicy(c, p.required("PolicyArn"));
        if (attachmentCount(c, mp.arn()) > 0) {
            throw AwsException.deleteConflict("Cannot delete a policy attached to entities.");
        }
        if (mp.versions.size() > 1) {
            throw AwsException.deleteConflict("This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.");
        }
        c.account().customerPolicies.remove(mp.arn());
        return c.object();
    }

    static ObjectNode createPolicyVersion(OperationContext c, Params p) {
        ManagedPolicy mp = customerPolicy(c, p.required("PolicyArn"));
        String doc = decode(p.required("PolicyDocument"));
        if (mp.versions.size() >= VERSIONS_PER_POLICY) {
            throw AwsException.limitExceeded("A managed policy can have up to " + VERSIONS_PER_POLICY
                    + " versions. Before you create a new version, you must delete an existing version.");
        }
        c.sandbox().checkPolicy(doc, PolicyUse.MANAGED);
        boolean setDefault = p.bool("SetAsDefault", false);
        if (setDefault) {
            mp.versions.replaceAll(v -> v.asDefault(false));
        }
        ManagedPolicy.PolicyVersion v = new ManagedPolicy.PolicyVersion("v" + mp.nextVersion++, doc, setDefault, c.now());
        mp.versions.add(v);
        return c.response("PolicyVersion", versionJson(v, false));
    }

    static ObjectNode getPolicyVersion(OperationContext c, Params p) {
        ManagedPolicy mp = policy(c, p.required("PolicyArn"));
        return c.response("PolicyVersion", versionJson(version(mp, p.required("VersionId")), true));
    }

    static ObjectNode listPolicyVersions(OperationContext c, Params p) {
        ManagedPolicy mp = policy(c, p.required("PolicyArn"));
        ObjectNode out = c.object();
        ArrayNode list = out.putArray("Versions");
        for (int i = mp.versions.size() - 1; i >= 0; i--) {
            list.add(versionJson(mp.versions.get(i), false));
        }
        out.put("IsTruncated", false);
        return out;
    }

    static ObjectNode setDefaultPolicyVersion(OperationContext c, Params p) {
        ManagedPolicy mp = customerPolicy(c, p.required("PolicyArn"));
        String id = version(mp, p.required("VersionId")).versionId();
        mp.versions.replaceAll(v -> v.asDefault(v.versionId().equals(id)));
        return c.object();
    }

    static ObjectNode deletePolicyVersion(OperationContext c, Params p) {
        ManagedPolicy mp = customerPolicy(c, p.required("PolicyArn"));
        ManagedPolicy.PolicyVersion v = version(mp, p.required("VersionId"));
        if (v.isDefault()) {
            throw AwsException.deleteConflict("Cannot delete the default version of a policy.");
        }
        mp.versions.remove(v);
        return c.object();
    }
}
