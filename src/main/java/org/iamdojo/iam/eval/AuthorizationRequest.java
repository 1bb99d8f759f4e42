package org.iamdojo.iam.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Everything one authorization needs: the caller, the action, the resource and its owning account, the
 * request context, and exactly the policies that apply. {@code scps}/{@code rcps}: outer list = organization
 * levels from the root OU down to the account, inner list = the policies attached at that level; empty =
 * the account is not governed by that policy type. {@code resource} null means the action has no resource
 * ("*"); {@code resourceAccount} null means: the account in the resource ARN, else the caller's account.
 * {@code awsManagedResource}: the resource is an AWS managed KMS key (AWS managed policies, service-linked roles
 * and alias/aws/ aliases are recognised by their ARN).
 */
public record AuthorizationRequest(
        String principal,
        String action,
        String resource,
        String resourceAccount,
        RequestContext context,
        List<CompiledPolicy> identityPolicies,
        CompiledPolicy permissionsBoundary,
        CompiledPolicy sessionPolicy,
        CompiledPolicy resourcePolicy,
        List<List<CompiledPolicy>> scps,
        List<List<CompiledPolicy>> rcps,
        String sessionIssuer,
        boolean awsManagedResource) {

    /** A request about a customer-managed resource (the usual case). */
    public AuthorizationRequest(String principal, String action, String resource, String resourceAccount,
            RequestContext context, List<CompiledPolicy> identityPolicies, CompiledPolicy permissionsBoundary,
            CompiledPolicy sessionPolicy, CompiledPolicy resourcePolicy, List<List<CompiledPolicy>> scps,
            List<List<CompiledPolicy>> rcps, String sessionIssuer) {
        this(principal, action, resource, resourceAccount, context, identityPolicies, permissionsBoundary,
                sessionPolicy, resourcePolicy, scps, rcps, sessionIssuer, false);
    }

    /** Replaces null collections with empty ones. */
    public AuthorizationRequest {
        context = context == null ? RequestContext.empty() : context;
        identityPolicies = identityPolicies == null ? List.of() : identityPolicies;
        scps = scps == null ? List.of() : scps;
        rcps = rcps == null ? List.of() : rcps;
    }

    /** A request with only identity policies (the common case in tests and checks). */
    public static AuthorizationRequest of(String principal, String action, String resource,
            RequestContext context, List<CompiledPolicy> identityPolicies) {
        return builder(principal, action).resource(resource).context(context).identity(identityPolicies).build();
    }

    /** A builder that names each part; what is not set is absent (no policy, no context, caller's account). */
    public static Builder builder(String principal, String action) {
        return new Builder(principal, action);
    }

    /** A builder starting from this request, to change a few parts (e.g. another action). */
    public Builder toBuilder() {
        return new Builder(principal, action).resource(resource).resourceAccount(resourceAccount).context(context)
                .identity(identityPolicies).boundary(permissionsBoundary).session(sessionPolicy)
                .resourcePolicy(resourcePolicy).scps(scps).rcps(rcps).sessionIssuer(sessionIssuer)
                .awsManagedResource(awsManagedResource);
    }

    /** Builds an {@link AuthorizationRequest} by named parts instead of positional nulls. */
    public static final class Builder {
        private String principal;
        private String action;
        private String resource;
        private String resourceAccount;
        private RequestContext context = RequestContext.empty();
        private final List<CompiledPolicy> identity = new ArrayList<>();
        private CompiledPolicy boundary;
        private CompiledPolicy session;
        private CompiledPolicy resourcePolicy;
        private final List<List<CompiledPolicy>> scps = new ArrayList<>();
        private final List<List<CompiledPolicy>> rcps = new ArrayList<>();
        private String sessionIssuer;
        private boolean awsManagedResource;

        private Builder(String principal, String action) {
            this.principal = principal;
            this.action = action;
        }

        /** The caller's ARN. */
        public Builder principal(String value) {
            this.principal = value;
            return this;
        }

        /** The action, e.g. {@code s3:GetObject}. */
        public Builder action(String value) {
            this.action = value;
            return this;
        }

        /** The resource ARN; null means the action has no resource. */
        public Builder resource(String value) {
            this.resource = value;
            return this;
        }

        /** The account owning the resource; null means the ARN's account, else the caller's. */
        public Builder resourceAccount(String value) {
            this.resourceAccount = value;
            return this;
        }

        /** The request context (replaces any set before). */
        public Builder context(RequestContext value) {
            this.context = value == null ? RequestContext.empty() : value;
            return this;
        }

        /** Adds identity-based policies. */
        public Builder identity(List<CompiledPolicy> policies) {
            if (policies != null) {
                identity.addAll(policies);
            }
            return this;
        }

        /** Adds identity-based policies. */
        public Builder identity(CompiledPolicy... policies) {
            return identity(Arrays.asList(policies));
        }

        /** The permissions boundary, or null for none. */
        public Builder boundary(CompiledPolicy value) {
            this.boundary = value;
            return this;
        }

        /** The session policy, or null for none. */
        public Builder session(CompiledPolicy value) {
            this.session = value;
            return this;
        }

        /** The resource-based policy (bucket policy, trust policy), or null for none. */
        public Builder resourcePolicy(CompiledPolicy value) {
            this.resourcePolicy = value;
            return this;
        }

        /** Adds SCP levels, root OU first. */
        public Builder scps(List<List<CompiledPolicy>> levels) {
            if (levels != null) {
                scps.addAll(levels);
            }
            return this;
        }

        /** Adds one SCP level below those added before. */
        public Builder scpLevel(CompiledPolicy... policies) {
            scps.add(List.of(policies));
            return this;
        }

        /** Adds RCP levels, root OU first. */
        public Builder rcps(List<List<CompiledPolicy>> levels) {
            if (levels != null) {
                rcps.addAll(levels);
            }
            return this;
        }

        /** Adds one RCP level below those added before. */
        public Builder rcpLevel(CompiledPolicy... policies) {
            rcps.add(List.of(policies));
            return this;
        }

        /** The role ARN of an assumed-role session's issuer, or null. */
        public Builder sessionIssuer(String value) {
            this.sessionIssuer = value;
            return this;
        }

        /** Whether the resource is an AWS managed KMS key. */
        public Builder awsManagedResource(boolean value) {
            this.awsManagedResource = value;
            return this;
        }

        /** The request as set. */
        public AuthorizationRequest build() {
            return new AuthorizationRequest(principal, action, resource, resourceAccount, context,
                    copy(identity), boundary, session, resourcePolicy, copy(scps), copy(rcps),
                    sessionIssuer, awsManagedResource);
        }

        // Not List.copyOf: a caller may hold a null entry (e.g. "no boundary" in a list of boundaries).
        private static <T> List<T> copy(List<T> list) {
            return Collections.unmodifiableList(new ArrayList<>(list));
        }
    }
}
