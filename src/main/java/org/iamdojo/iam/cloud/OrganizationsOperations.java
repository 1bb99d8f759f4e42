package org.iamdojo.iam.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iamdojo.iam.account.AccessRequest;
import org.iamdojo.iam.account.AwsException;
import org.iamdojo.iam.account.Operation;
import org.iamdojo.iam.account.OperationContext;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.account.PolicyUse;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.account.SandboxAccount;
import org.iamdojo.iam.cloud.OrganizationsState.Member;
import org.iamdojo.iam.cloud.OrganizationsState.Policy;
import org.iamdojo.iam.cloud.OrganizationsState.Unit;
import java.util.Set;

/**
 * The AWS Organizations API of the sandbox: one organization across the sandbox's accounts (invitations and
 * handshakes, the root and OUs), and its authorization policies, SCPs and RCPs: create, update, attach, detach.
 * Every change recomputes, for each account, the SCP and RCP levels from the root down to the account, which the
 * engine then evaluates: SCPs limit the account's principals, RCPs its resources, and neither applies to the
 * management account. API: https://docs.aws.amazon.com/organizations/latest/APIReference/Welcome.html;
 * SCP evaluation: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html;
 * RCP evaluation: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_evaluation.html.
 */
public final class OrganizationsOperations {
    static final String FULL_ACCESS_SCP = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
            + "\"Resource\":\"*\"}]}";
    static final String FULL_ACCESS_RCP = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
    /** "Maximum size of a policy document: 5,120 characters" for SCPs and RCPs (orgs_reference_limits.html). */
    static final int MAX_POLICY_CHARACTERS = 5120;
    /** "Maximum number of policies of one type attached to a root, OU or account: 5" (orgs_reference_limits.html). */
    static final int MAX_ATTACHED_PER_TYPE = 5;

    private OrganizationsOperations() {
    }

    /** The Organizations state of a sandbox. */
    public static OrganizationsState state(Sandbox sandbox) {
        return sandbox.extension(OrganizationsState.class, OrganizationsState::new);
    }

    /** Registers the Organizations operations on a sandbox. */
    public static void registerAll(Sandbox sb) {
        write(sb, "CreateOrganization", (c, p) -> anything(c, "CreateOrganization"), OrganizationsOperations::createOrganization);
        read(sb, "DescribeOrganization", (c, p) -> anything(c, "DescribeOrganization"), (c, p) -> {
            OrganizationsState s = inOrganization(c);
            return c.response("Organization", organizationJson(c, s));
        });
        read(sb, "ListRoots", (c, p) -> anything(c, "ListRoots"), (c, p) -> {
            OrganizationsState s = management(c);
            ObjectNode out = c.object();
            out.putArray("Roots").add(rootJson(c, s));
            return out;
        });
        read(sb, "ListAccounts", (c, p) -> anything(c, "ListAccounts"), (c, p) -> {
            OrganizationsState s = management(c);
            ObjectNode out = c.object();
            ArrayNode list = out.putArray("Accounts");
            s.members().forEach(m -> list.add(accountJson(c, s, m)));
            return out;
        });
        read(sb, "DescribeAccount", (c, p) -> anything(c, "DescribeAccount"), (c, p) -> {
            OrganizationsState s = management(c);
            return c.response("Account", accountJson(c, s, member(s, p.required("AccountId"))));
        });
        write(sb, "InviteAccountToOrganization", (c, p) -> anything(c, "InviteAccountToOrganization"),
                OrganizationsOperations::invite);
        write(sb, "AcceptHandshake", (c, p) -> anything(c, "AcceptHandshake"), OrganizationsOperations::accept);
        write(sb, "CreateOrganizationalUnit", (c, p) -> anything(c, "CreateOrganizationalUnit"), (c, p) -> {
            OrganizationsState s = management(c);
            String parent = parent(s, p.required("ParentId"));
            String name = p.required("Name");
            if (s.units.values().stream().anyMatch(u -> u.parentId.equals(parent) && u.name.equals(name))) {
                throw new AwsException("DuplicateOrganizationalUnitException", 400,
                        "An OU with the same name already exists.");
            }
            String id = "ou-" + s.rootId.substring(2) + "-" + lower(c.ids().uniqueId("", 8));
            Unit u = new Unit(id, name, parent);
            s.units.put(id, u);
            inheritDefaults(s, id);
            changed(c.sandbox(), s);
            return c.response("OrganizationalUnit", unitJson(c, s, u));
        });
        read(sb, "ListOrganizationalUnitsForParent", (c, p) -> anything(c, "ListOrganizationalUnitsForParent"), (c, p) -> {
            OrganizationsState s = management(c);
            String parent = parent(s, p.required("ParentId"));
            ObjectNode out = c.object();
            ArrayNode list = out.putArray("OrganizationalUnits");
            s.units.values().stream().filter(u -> u.parentId.equals(parent)).forEach(u -> list.add(unitJson(c, s, u)));
            return out;
        });
        read(sb, "ListAccountsForParent", (c, p) -> anything(c, "ListAccountsForParent"), (c, p) -> {
            OrganizationsState s = management(c);
            String parent = parent(s, p.required("ParentId"));
            ObjectNode out = c.object();
            ArrayNode list = out.putArray("Accounts");
            s.members().stream().filter(m -> m.parentId.equals(parent)).forEach(m -> list.add(accountJson(c, s, m)));
            return out;
        });
        read(sb, "ListParents", (c, p) -> anything(c, "ListParents"), (c, p) -> {
            OrganizationsState s = management(c);
            String child = p.required("ChildId");
            String parent = s.members.containsKey(child) ? s.members.get(child).parentId
                    : s.units.containsKey(child) ? s.units.get(child).parentId : null;
            if (parent == null) {
                throw new AwsException("ChildNotFoundException", 400, "We can't find an organizational unit (OU) or "
                        + "AWS account with the ChildId that you specified.");
            }
            ObjectNode out = c.object();
            out.putArray("Parents").addObject().put("Id", parent).put("Type", parent.equals(s.rootId) ? "ROOT"
                    : "ORGANIZATIONAL_UNIT");
            return out;
        });
        write(sb, "MoveAccount", (c, p) -> anything(c, "MoveAccount"), (c, p) -> {
            OrganizationsState s = management(c);
            Member m = member(s, p.required("AccountId"));
            String source = p.required("SourceParentId");
            if (!s.rootId.equals(source) && !s.units.containsKey(source)) {
                throw new AwsException("SourceParentNotFoundException", 400,
                        "We can't find a source root or OU with the ParentId that you specified.");
            }
            String destination = p.required("DestinationParentId");
            if (!s.rootId.equals(destination) && !s.units.containsKey(destination)) {
                throw new AwsException("DestinationParentNotFoundException", 400,
                        "We can't find the destination container (a root or OU) with the ParentId that you specified.");
            }
            if (!m.parentId.equals(source)) {
                throw new AwsException("AccountNotFoundException", 400,
                        "We can't find an AWS account with the AccountId that you specified in the SourceParentId.");
            }
            m.parentId = destination;
            changed(c.sandbox(), s);
            return c.object();
        });
        write(sb, "EnablePolicyType", (c, p) -> withType(c, "EnablePolicyType", p.optional("PolicyType")), (c, p) -> {
            OrganizationsState s = managementRoot(c, p);
            String type = policyType(p.required("PolicyType"));
            if (!s.enabledPolicyTypes.add(type)) {
                throw new AwsException("PolicyTypeAlreadyEnabledException", 400,
                        "The specified policy type is already enabled.");
            }
            // Enabling SCPs or RCPs attaches the AWS managed full-access policy to the root, every OU and every account.
            String full = SCP_TYPE.equals(type) ? OrganizationsState.FULL_AWS_ACCESS : OrganizationsState.RCP_FULL_AWS_ACCESS;
            List<String> targets = new ArrayList<>(List.of(s.rootId));
            targets.addAll(s.units.keySet());
            targets.addAll(s.members.keySet());
            targets.forEach(t -> s.attachments.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(full));
            return rootChanged(c, s);
        });
        write(sb, "DisablePolicyType", (c, p) -> withType(c, "DisablePolicyType", p.optional("PolicyType")), (c, p) -> {
            OrganizationsState s = managementRoot(c, p);
            String type = policyType(p.required("PolicyType"));
            if (!s.enabledPolicyTypes.remove(type)) {
                throw new AwsException("PolicyTypeNotEnabledException", 400,
                        "This operation can occur only if the specified policy type is enabled.");
            }
            // "all policies of the specified type are automatically detached from all entities"
            s.attachments.values().forEach(set -> set.removeIf(id -> type.equals(s.policies.get(id).type)));
            return rootChanged(c, s);
        });
        write(sb, "CreatePolicy", (c, p) -> withType(c, "CreatePolicy", p.optional("Type")), (c, p) -> {
            OrganizationsState s = management(c);
            String type = policyType(p.required("Type"));
            String name = p.required("Name");
            String content = content(c, type, p.required("Content"));
            if (s.policies.values().stream().anyMatch(x -> x.type.equals(type) && x.name.equals(name))) {
                throw new AwsException("DuplicatePolicyException", 400, "A policy with the same name already exists.");
            }
            String id = "p-" + lower(c.ids().uniqueId("", 8));
            Policy policy = new Policy(id, name, p.optional("Description", ""), type, content, false);
            s.policies.put(id, policy);
            return c.response("Policy", policyJson(c, s, policy));
        });
        write(sb, "UpdatePolicy", (c, p) -> onPolicy(c, "UpdatePolicy", p), (c, p) -> {
            OrganizationsState s = management(c);
            Policy policy = policy(s, p.required("PolicyId"));
            if (policy.awsManaged) {
                throw new AwsException("PolicyChangesInProgressException", 400,
                        "You can't change an AWS managed policy.");
            }
            if (p.optional("Content") != null) {
                policy.content = content(c, policy.type, p.optional("Content"));
            }
            if (p.optional("Name") != null) {
                policy.name = p.optional("Name");
            }
            if (p.optional("Description") != null) {
                policy.description = p.optional("Description");
            }
            changed(c.sandbox(), s);
            return c.response("Policy", policyJson(c, s, policy));
        });
        write(sb, "DeletePolicy", (c, p) -> onPolicy(c, "DeletePolicy", p), (c, p) -> {
            OrganizationsState s = management(c);
            Policy policy = policy(s, p.required("PolicyId"));
            if (policy.awsManaged) {
                throw new AwsException("AccessDeniedException", 403, "You can't delete an AWS managed policy.");
            }
            if (s.attachments.values().stream().anyMatch(set -> set.contains(policy.id))) {
                throw new AwsException("PolicyInUseException", 400,
                        "The policy is attached to one or more entities. You must detach it from all roots, OUs, and accounts before performing this operation.");
            }
            s.policies.remove(policy.id);
            return c.object();
        });
        read(sb, "DescribePolicy", (c, p) -> onPolicy(c, "DescribePolicy", p), (c, p) -> {
            OrganizationsState s = management(c);
            return c.response("Policy", policyJson(c, s, policy(s, p.required("PolicyId"))));
        });
        read(sb, "ListPolicies", (c, p) -> withType(c, "ListPolicies", p.optional("Filter")), (c, p) -> {
            OrganizationsState s = management(c);
            String type = policyType(p.required("Filter"));
            ObjectNode out = c.object();
            ArrayNode list = out.putArray("Policies");
            s.policies.values().stream().filter(x -> x.type.equals(type)).forEach(x -> list.add(summaryJson(c, s, x)));
            return out;
        });
        read(sb, "ListPoliciesForTarget", (c, p) -> withType(c, "ListPoliciesForTarget", p.optional("Filter")), (c, p) -> {
            OrganizationsState s = management(c);
            String target = target(s, p.required("TargetId"));
            String type = policyType(p.required("Filter"));
            ObjectNode out = c.object();
            ArrayNode list = out.putArray("Policies");
            s.attached(target).stream().map(s.policies::get).filter(x -> x.type.equals(type))
                    .forEach(x -> list.add(summaryJson(c, s, x)));
            return out;
        });
        read(sb, "ListTargetsForPolicy", (c, p) -> onPolicy(c, "ListTargetsForPolicy", p), (c, p) -> {
            OrganizationsState s = management(c);
            Policy policy = policy(s, p.required("PolicyId"));
            ObjectNode out = c.object();
            ArrayNode list = out.putArray("Targets");
            s.attachments.forEach((target, ids) -> {
                if (ids.contains(policy.id)) {
                    list.add(targetJson(c, s, target));
                }
            });
            return out;
        });
        write(sb, "AttachPolicy", (c, p) -> attachAccess(c, "AttachPolicy", p), (c, p) -> {
            OrganizationsState s = management(c);
            Policy policy = policy(s, p.required("PolicyId"));
            String target = target(s, p.required("TargetId"));
            if (!s.enabled(policy.type)) {
                throw new AwsException("PolicyTypeNotEnabledException", 400,
                        "This operation can occur only if the specified policy type is enabled.");
            }
            Set<String> attached = s.attachments.computeIfAbsent(target, k -> new LinkedHashSet<>());
            if (attached.contains(policy.id)) {
                throw new AwsException("DuplicatePolicyAttachmentException", 400,
                        "The selected policy is already attached to the specified target.");
            }
            if (attached.stream().filter(id -> s.policies.get(id).type.equals(policy.type)).count() >= MAX_ATTACHED_PER_TYPE) {
                throw constraint("MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED",
                        "You attempted to exceed the number of policies of a certain type that can be attached to an entity.");
            }
            attached.add(policy.id);
            changed(c.sandbox(), s);
            return c.object();
        });
        write(sb, "DetachPolicy", (c, p) -> attachAccess(c, "DetachPolicy", p), (c, p) -> {
            OrganizationsState s = management(c);
            Policy policy = policy(s, p.required("PolicyId"));
            String target = target(s, p.required("TargetId"));
            Set<String> attached = s.attachments.getOrDefault(target, new LinkedHashSet<>());
            if (!attached.contains(policy.id)) {
                throw new AwsException("PolicyNotAttachedException", 400,
                        "The policy isn't attached to the specified target in the specified root.");
            }
            if (OrganizationsState.RCP_FULL_AWS_ACCESS.equals(policy.id)) {
                throw constraint("POLICY_TYPE_ATTACHMENT_CANNOT_BE_DETACHED",
                        "You cannot detach the RCPFullAWSAccess policy.");
            }
            if (SCP_TYPE.equals(policy.type)
                    && attached.stream().filter(id -> SCP_TYPE.equals(s.policies.get(id).type)).count() == 1) {
                // "Every root, OU, and account must have at least one SCP attached."
                throw constraint("MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED",
                        "You attempted to detach the last policy of this type from an entity: attach another one first.");
            }
            attached.remove(policy.id);
            changed(c.sandbox(), s);
            return c.object();
        });
    }

    static final String SCP_TYPE = OrganizationsState.SCP;
    static final String RCP_TYPE = OrganizationsState.RCP;

    // ---- organization and accounts ---------------------------------------------------------------

    private static ObjectNode createOrganization(OperationContext c, Params p) {
        OrganizationsState s = state(c.sandbox());
        if (s.exists() && s.members.containsKey(c.accountId())) {
            throw new AwsException("AlreadyInOrganizationException", 400,
                    "The provided account is already a member of an organization.");
        }
        if (s.exists()) {
            throw new AwsException("ConstraintViolationException", 400,
                    "The sandbox holds one organization, and it exists already.");
        }
        String featureSet = p.optional("FeatureSet", "ALL");
        if (!featureSet.equals("ALL")) {
            throw new AwsException("ConstraintViolationException", 400,
                    "The sandbox's organization has all features: SCPs and RCPs need them.");
        }
        s.organizationId = "o-" + lower(c.ids().uniqueId("", 10));
        s.managementAccountId = c.accountId();
        s.rootId = "r-" + lower(c.ids().uniqueId("", 4));
        s.members.put(c.accountId(), new Member(c.accountId(), s.rootId, "CREATED", c.now()));
        s.policies.put(OrganizationsState.FULL_AWS_ACCESS, new Policy(OrganizationsState.FULL_AWS_ACCESS, "FullAWSAccess",
                "Allows access to every operation", SCP_TYPE, FULL_ACCESS_SCP, true));
        s.policies.put(OrganizationsState.RCP_FULL_AWS_ACCESS, new Policy(OrganizationsState.RCP_FULL_AWS_ACCESS,
                "RCPFullAWSAccess", "Allows access to every operation", RCP_TYPE, FULL_ACCESS_RCP, true));
        changed(c.sandbox(), s);
        return c.response("Organization", organizationJson(c, s));
    }

    private static ObjectNode invite(OperationContext c, Params p) {
        OrganizationsState s = management(c);
        JsonNode target = p.json().path("Target");
        String type = target.path("Type").asText("");
        String id = target.path("Id").asText("");
        if (!type.equals("ACCOUNT") || !id.matches("\\d{12}")) {
            throw new AwsException("InvalidInputException", 400,
                    "The sandbox invites accounts by id: Target {Type: ACCOUNT, Id: 12 digits}.");
        }
        if (c.sandbox().account(id) == null) {
            throw new AwsException("AccountNotFoundException", 400, "We can't find an AWS account with the AccountId that you specified.");
        }
        if (s.members.containsKey(id)) {
            throw new AwsException("DuplicateAccountException", 400, "That account is already present in the specified destination.");
        }
        String hid = "h-" + lower(c.ids().uniqueId("", 10));
        OrganizationsState.Handshake h = new OrganizationsState.Handshake(hid, id, c.now());
        s.handshakes.put(hid, h);
        return c.response("Handshake", handshakeJson(c, s, h));
    }

    private static ObjectNode accept(OperationContext c, Params p) {
        OrganizationsState s = state(c.sandbox());
        OrganizationsState.Handshake h = s.handshakes.get(p.required("HandshakeId"));
        if (h == null || !h.targetAccountId.equals(c.accountId())) {
            throw new AwsException("HandshakeNotFoundException", 400, "We can't find a handshake with the HandshakeId that you specified.");
        }
        if (!h.state.equals("OPEN")) {
            throw new AwsException("InvalidHandshakeTransitionException", 400, "You can't perform the operation on the handshake in its current state.");
        }
        h.state = "ACCEPTED";
        s.members.put(c.accountId(), new Member(c.accountId(), s.rootId, "INVITED", c.now()));
        inheritDefaults(s, c.accountId());
        changed(c.sandbox(), s);
        return c.response("Handshake", handshakeJson(c, s, h));
    }

    /** A new OU or account gets the full-access defaults of every enabled type, as AWS attaches them. */
    private static void inheritDefaults(OrganizationsState s, String targetId) {
        Set<String> set = s.attachments.computeIfAbsent(targetId, k -> new LinkedHashSet<>());
        if (s.enabled(SCP_TYPE)) {
            set.add(OrganizationsState.FULL_AWS_ACCESS);
        }
        if (s.enabled(RCP_TYPE)) {
            set.add(OrganizationsState.RCP_FULL_AWS_ACCESS);
        }
    }

    /**
     * Recomputes what the engine evaluates: per account, the SCP and RCP documents attached at each level from
     * the root down to the account (none for the management account, which SCPs and RCPs do not affect), and the
     * organization id and path behind aws:PrincipalOrgID / aws:ResourceOrgID.
     */
    static void changed(Sandbox sandbox, OrganizationsState s) {
        for (SandboxAccount a : sandbox.accounts()) {
            Member m = s.members.get(a.accountId());
            if (m == null) {
                sandbox.setServiceControlPolicies(a.accountId(), List.of());
                sandbox.setResourceControlPolicies(a.accountId(), List.of());
                sandbox.setOrganization(a.accountId(), null, null);
                continue;
            }
            List<String> path = s.path(a.accountId());
            StringBuilder orgPath = new StringBuilder(s.organizationId).append('/');
            for (String id : path.subList(0, path.size() - 1)) {
                orgPath.append(id).append('/');
            }
            sandbox.setOrganization(a.accountId(), s.organizationId, orgPath.toString());
            boolean management = a.accountId().equals(s.managementAccountId);
            sandbox.setServiceControlPolicies(a.accountId(), management || !s.enabled(SCP_TYPE) ? List.of() : levels(s, path, SCP_TYPE));
            sandbox.setResourceControlPolicies(a.accountId(), management || !s.enabled(RCP_TYPE) ? List.of() : levels(s, path, RCP_TYPE));
        }
    }

    private static List<List<String>> levels(OrganizationsState s, List<String> path, String type) {
        List<List<String>> out = new ArrayList<>();
        for (String target : path) {
            out.add(s.attached(target).stream().map(s.policies::get).filter(x -> x.type.equals(type))
                    .map(Policy::content).toList());
        }
        return out;
    }

    // ---- authorization -----------------------------------------------------------------------------

    private static List<AccessRequest> anything(OperationContext c, String action) {
        return List.of(AccessRequest.of("organizations:" + action, "*", c.accountId()));
    }

    private static List<AccessRequest> withType(OperationContext c, String action, String type) {
        Map<String, List<String>> ctx = type == null ? Map.of() : Map.of("organizations:PolicyType", List.of(type));
        return List.of(AccessRequest.of("organizations:" + action, "*", c.accountId(), ctx));
    }

    private static List<AccessRequest> onPolicy(OperationContext c, String action, Params p) {
        OrganizationsState s = state(c.sandbox());
        Policy policy = s.exists() ? s.policies.get(p.optional("PolicyId", "")) : null;
        String arn = policy == null ? "*" : policyArn(s, policy);
        Map<String, List<String>> ctx = policy == null ? Map.of() : Map.of("organizations:PolicyType", List.of(policy.type));
        return List.of(AccessRequest.of("organizations:" + action, arn, c.accountId(), ctx));
    }

    /** AttachPolicy and DetachPolicy need the action on the policy and on the target (Service Authorization Reference). */
    private static List<AccessRequest> attachAccess(OperationContext c, String action, Params p) {
        OrganizationsState s = state(c.sandbox());
        List<AccessRequest> needs = new ArrayList<>(onPolicy(c, action, p));
        String target = p.optional("TargetId");
        if (s.exists() && target != null && (s.rootId.equals(target) || s.units.containsKey(target) || s.members.containsKey(target))) {
            needs.add(AccessRequest.of("organizations:" + action, targetArn(s, target), c.accountId(),
                    needs.get(0).context()));
        }
        return needs;
    }

    // ---- lookups and errors ------------------------------------------------------------------------

    private static OrganizationsState inOrganization(OperationContext c) {
        OrganizationsState s = state(c.sandbox());
        if (!s.exists() || !s.members.containsKey(c.accountId())) {
            throw new AwsException("AWSOrganizationsNotInUseException", 400,
                    "Your account is not a member of an organization.");
        }
        return s;
    }

    /** Most operations "can be called only from the organization's management account". */
    private static OrganizationsState management(OperationContext c) {
        OrganizationsState s = inOrganization(c);
        if (!c.accountId().equals(s.managementAccountId)) {
            throw new AwsException("AccessDeniedException", 403, "You don't have permissions to access this resource.");
        }
        return s;
    }

    /** The organization, seen from its management account, whose root is the call's {@code RootId}. */
    private static OrganizationsState managementRoot(OperationContext c, Params p) {
        OrganizationsState s = management(c);
        if (!s.rootId.equals(p.required("RootId"))) {
            throw new AwsException("RootNotFoundException", 400, "We can't find a root with the RootId that you specified.");
        }
        return s;
    }

    /** Records a change to the root's policy types and answers with the root, as Enable/DisablePolicyType do. */
    private static ObjectNode rootChanged(OperationContext c, OrganizationsState s) {
        changed(c.sandbox(), s);
        return c.response("Root", rootJson(c, s));
    }

    private static Member member(OrganizationsState s, String accountId) {
        Member m = s.members.get(accountId);
        if (m == null) {
            throw new AwsException("AccountNotFoundException", 400, "We can't find an AWS account with the AccountId that you specified.");
        }
        return m;
    }

    private static Policy policy(OrganizationsState s, String id) {
        Policy policy = s.policies.get(id);
        if (policy == null) {
            throw new AwsException("PolicyNotFoundException", 400, "We can't find a policy with the PolicyId that you specified.");
        }
        return policy;
    }

    private static String parent(OrganizationsState s, String id) {
        if (!s.rootId.equals(id) && !s.units.containsKey(id)) {
            throw new AwsException("ParentNotFoundException", 400, "We can't find a root or OU with the ParentId that you specified.");
        }
        return id;
    }

    private static String target(OrganizationsState s, String id) {
        if (!s.rootId.equals(id) && !s.units.containsKey(id) && !s.members.containsKey(id)) {
            throw new AwsException("TargetNotFoundException", 400, "We can't find a root, OU, account, or policy with the TargetId that you specified.");
        }
        return id;
    }

    private static String policyType(String type) {
        if (!SCP_TYPE.equals(type) && !RCP_TYPE.equals(type)) {
            throw new AwsException("InvalidInputException", 400, "The sandbox's organization has the authorization "
                    + "policy types SERVICE_CONTROL_POLICY and RESOURCE_CONTROL_POLICY; " + type + " is not one of them.");
        }
        return type;
    }

    private static String content(OperationContext c, String type, String content) {
        if (content.length() > MAX_POLICY_CHARACTERS) {
            throw constraint("POLICY_CONTENT_LIMIT_EXCEEDED", "You attempted to create a policy larger than the maximum size (5,120 characters).");
        }
        try {
            c.sandbox().checkPolicy(content, SCP_TYPE.equals(type) ? PolicyUse.SERVICE_CONTROL : PolicyUse.RESOURCE_CONTROL);
        } catch (AwsException e) {
            throw AwsException.withFindings("MalformedPolicyDocumentException", 400, e.getMessage(), e.findings());
        }
        return content;
    }

    private static AwsException constraint(String reason, String message) {
        return new AwsException("ConstraintViolationException", 400, message + " (Reason: " + reason + ")");
    }

    private static String lower(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    // ---- response shapes ---------------------------------------------------------------------------

    private static String arn(OrganizationsState s, String rest) {
        return "arn:aws:organizations::" + s.managementAccountId + ":" + rest;
    }

    static String policyArn(OrganizationsState s, Policy policy) {
        String kind = policy.type.toLowerCase(Locale.ROOT);
        return policy.awsManaged ? "arn:aws:organizations::aws:policy/" + kind + "/" + policy.id
                : arn(s, "policy/" + s.organizationId + "/" + kind + "/" + policy.id);
    }

    private static String targetArn(OrganizationsState s, String target) {
        if (target.equals(s.rootId)) {
            return arn(s, "root/" + s.organizationId + "/" + target);
        }
        if (s.units.containsKey(target)) {
            return arn(s, "ou/" + s.organizationId + "/" + target);
        }
        return arn(s, "account/" + s.organizationId + "/" + target);
    }

    private static ObjectNode organizationJson(OperationContext c, OrganizationsState s) {
        ObjectNode o = c.object();
        o.put("Id", s.organizationId);
        o.put("Arn", arn(s, "organization/" + s.organizationId));
        o.put("FeatureSet", "ALL");
        o.put("MasterAccountArn", arn(s, "account/" + s.organizationId + "/" + s.managementAccountId));
        o.put("MasterAccountId", s.managementAccountId);
        SandboxAccount m = c.sandbox().account(s.managementAccountId);
        o.put("MasterAccountEmail", m == null ? "" : m.root().email());
        o.putArray("AvailablePolicyTypes");
        return o;
    }

    private static ObjectNode rootJson(OperationContext c, OrganizationsState s) {
        ObjectNode r = c.object();
        r.put("Id", s.rootId);
        r.put("Arn", targetArn(s, s.rootId));
        r.put("Name", "Root");
        ArrayNode types = r.putArray("PolicyTypes");
        s.enabledPolicyTypes.forEach(t -> types.addObject().put("Type", t).put("Status", "ENABLED"));
        return r;
    }

    private static ObjectNode unitJson(OperationContext c, OrganizationsState s, Unit u) {
        ObjectNode j = c.object();
        j.put("Id", u.id);
        j.put("Arn", targetArn(s, u.id));
        j.put("Name", u.name);
        return j;
    }

    private static ObjectNode accountJson(OperationContext c, OrganizationsState s, Member m) {
        SandboxAccount a = c.sandbox().account(m.accountId);
        ObjectNode j = c.object();
        j.put("Id", m.accountId);
        j.put("Arn", targetArn(s, m.accountId));
        j.put("Email", a == null ? "" : a.root().email());
        j.put("Name", a == null || a.accountName() == null ? (a == null || a.alias() == null ? m.accountId : a.alias())
                : a.accountName());
        j.put("Status", a != null && a.closed() ? "SUSPENDED" : "ACTIVE");
        j.put("JoinedMethod", m.joinedMethod);
        j.put("JoinedTimestamp", m.joinedTimestamp.toString());
        return j;
    }

    private static ObjectNode summaryJson(OperationContext c, OrganizationsState s, Policy policy) {
        ObjectNode j = c.object();
        j.put("Id", policy.id);
        j.put("Arn", policyArn(s, policy));
        j.put("Name", policy.name);
        j.put("Description", policy.description);
        j.put("Type", policy.type);
        j.put("AwsManaged", policy.awsManaged);
        return j;
    }

    private static ObjectNode policyJson(OperationContext c, OrganizationsState s, Policy policy) {
        ObjectNode j = c.object();
        j.set("PolicySummary", summaryJson(c, s, policy));
        j.put("Content", policy.content);
        return j;
    }

    private static ObjectNode targetJson(OperationContext c, OrganizationsState s, String target) {
        ObjectNode j = c.object();
        j.put("TargetId", target);
        j.put("Arn", targetArn(s, target));
        if (target.equals(s.rootId)) {
            j.put("Name", "Root");
            j.put("Type", "ROOT");
        } else if (s.units.containsKey(target)) {
            j.put("Name", s.units.get(target).name);
            j.put("Type", "ORGANIZATIONAL_UNIT");
        } else {
            SandboxAccount a = c.sandbox().account(target);
            j.put("Name", a == null || a.alias() == null ? target : a.alias());
            j.put("Type", "ACCOUNT");
        }
        return j;
    }

    private static ObjectNode handshakeJson(OperationContext c, OrganizationsState s, OrganizationsState.Handshake h) {
        ObjectNode j = c.object();
        j.put("Id", h.id);
        j.put("Arn", arn(s, "handshake/" + s.organizationId + "/invite/" + h.id));
        ArrayNode parties = j.putArray("Parties");
        parties.addObject().put("Id", s.organizationId.substring(2)).put("Type", "ORGANIZATION");
        parties.addObject().put("Id", h.targetAccountId).put("Type", "ACCOUNT");
        j.put("State", h.state);
        j.put("RequestedTimestamp", h.requested.toString());
        j.put("ExpirationTimestamp", h.requested.plusSeconds(15L * 24 * 3600).toString());
        j.put("Action", "INVITE");
        ArrayNode resources = j.putArray("Resources");
        resources.addObject().put("Type", "ORGANIZATION").put("Value", s.organizationId);
        resources.addObject().put("Type", "ACCOUNT").put("Value", h.targetAccountId);
        return j;
    }

    private static void write(Sandbox sb, String name, Operation.AccessRule access, Operation.Action action) {
        sb.register(Operation.write("organizations", name, access, action));
    }

    private static void read(Sandbox sb, String name, Operation.AccessRule access, Operation.Action action) {
        sb.register(Operation.read("organizations", name, access, action));
    }
}
