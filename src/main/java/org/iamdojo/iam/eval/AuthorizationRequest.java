package org.iamdojo.iam.eval;

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
        return new AuthorizationRequest(principal, action, resource, null, context, identityPolicies, null, null,
                null, List.of(), List.of(), null);
    }
}
