package org.iamdojo.iam.cloud;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The AWS Organizations state of one sandbox: at most one organization (the management account, the root, OUs,
 * member accounts and where each sits), its policies and what they are attached to, and open handshakes.
 */
public final class OrganizationsState {
    /** The AWS managed SCP attached everywhere when SCPs are enabled. */
    public static final String FULL_AWS_ACCESS = "p-FullAWSAccess";
    /** The AWS managed RCP attached everywhere when RCPs are enabled; it cannot be detached. */
    public static final String RCP_FULL_AWS_ACCESS = "p-RCPFullAWSAccess";
    /** Organizations' type names. */
    public static final String SCP = "SERVICE_CONTROL_POLICY";
    public static final String RCP = "RESOURCE_CONTROL_POLICY";

    String organizationId;
    String managementAccountId;
    String rootId;
    final Set<String> enabledPolicyTypes = new LinkedHashSet<>();
    final Map<String, Unit> units = new LinkedHashMap<>();
    final Map<String, Member> members = new LinkedHashMap<>();
    final Map<String, Policy> policies = new LinkedHashMap<>();
    /** Target id (root, OU or account) → attached policy ids, in attachment order. */
    final Map<String, Set<String>> attachments = new LinkedHashMap<>();
    final Map<String, Handshake> handshakes = new LinkedHashMap<>();

    /** Whether an organization exists. */
    public boolean exists() {
        return organizationId != null;
    }

    /** The organization id (o-…), or null. */
    public String organizationId() {
        return organizationId;
    }

    /** The management account, or null. */
    public String managementAccountId() {
        return managementAccountId;
    }

    /** The root id (r-…), or null. */
    public String rootId() {
        return rootId;
    }

    /** Whether a policy type is enabled in the root. */
    public boolean enabled(String type) {
        return enabledPolicyTypes.contains(type);
    }

    /** The member accounts (the management account included), in joining order. */
    public Collection<Member> members() {
        return Collections.unmodifiableCollection(members.values());
    }

    /** The policy with that id, or null. */
    public Policy policy(String id) {
        return policies.get(id);
    }

    /** The ids of the policies attached to a target, in order. */
    public List<String> attached(String targetId) {
        return List.copyOf(attachments.getOrDefault(targetId, Set.of()));
    }

    /** The parents of a target from the root down to it: [root, ou…, target]. */
    List<String> path(String targetId) {
        List<String> out = new ArrayList<>();
        String at = targetId;
        while (at != null) {
            out.add(0, at);
            if (at.equals(rootId)) {
                break;
            }
            Member m = members.get(at);
            Unit u = units.get(at);
            at = m != null ? m.parentId : u != null ? u.parentId : null;
        }
        return out;
    }

    /** An organizational unit. */
    public static final class Unit {
        final String id;
        String name;
        final String parentId;

        Unit(String id, String name, String parentId) {
            this.id = id;
            this.name = name;
            this.parentId = parentId;
        }

        public String id() {
            return id;
        }

        public String name() {
            return name;
        }
    }

    /** An account of the organization and where it sits. */
    public static final class Member {
        final String accountId;
        String parentId;
        final String joinedMethod;
        final Instant joinedTimestamp;

        Member(String accountId, String parentId, String joinedMethod, Instant joinedTimestamp) {
            this.accountId = accountId;
            this.parentId = parentId;
            this.joinedMethod = joinedMethod;
            this.joinedTimestamp = joinedTimestamp;
        }

        public String accountId() {
            return accountId;
        }

        public String parentId() {
            return parentId;
        }
    }

    /** A policy of the organization (or one of AWS's managed ones). */
    public static final class Policy {
        final String id;
        String name;
        String description;
        final String type;
        String content;
        final boolean awsManaged;

        Policy(String id, String name, String description, String type, String content, boolean awsManaged) {
            this.id = id;
            this.name = name;
            this.description = description;
            this.type = type;
            this.content = content;
            this.awsManaged = awsManaged;
        }

        public String id() {
            return id;
        }

        public String name() {
            return name;
        }

        public String type() {
            return type;
        }

        public String content() {
            return content;
        }
    }

    /** An invitation to join the organization. */
    static final class Handshake {
        final String id;
        final String targetAccountId;
        final Instant requested;
        String state = "OPEN";

        Handshake(String id, String targetAccountId, Instant requested) {
            this.id = id;
            this.targetAccountId = targetAccountId;
            this.requested = requested;
        }
    }
}
