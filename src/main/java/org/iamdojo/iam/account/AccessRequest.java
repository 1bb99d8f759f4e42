package org.iamdojo.iam.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One permission an operation needs: the action on a resource, in the account that owns it, with the
 * resource-based policy that applies (bucket policy, role trust policy) and extra request context keys;
 * {@code awsManagedResource} says the resource is an AWS managed KMS key (its ARN does not tell), so the engine
 * refuses changes to it whatever the policies say.
 */
public record AccessRequest(String action, String resourceArn, String resourceAccount, String resourcePolicy,
                            Map<String, List<String>> context, boolean awsManagedResource) {
    /** A request on a resource the customer manages. */
    public AccessRequest(String action, String resourceArn, String resourceAccount, String resourcePolicy,
                         Map<String, List<String>> context) {
        this(action, resourceArn, resourceAccount, resourcePolicy, context, false);
    }

    /** The global condition key of the caller's address. */
    public static final String SOURCE_IP = "aws:SourceIp";

    /** A request without resource policy or extra context. */
    public static AccessRequest of(String action, String resourceArn, String resourceAccount) {
        return new AccessRequest(action, resourceArn, resourceAccount, null, Map.of());
    }

    /** A request with extra context keys and no resource policy. */
    public static AccessRequest of(String action, String resourceArn, String resourceAccount,
            Map<String, List<String>> context) {
        return new AccessRequest(action, resourceArn, resourceAccount, null, context);
    }

    /**
     * This request as sent from {@code sourceIp}: {@code aws:SourceIp} is the address the call came from, unless
     * the operation itself states the key (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceip).
     */
    public AccessRequest fromSourceIp(String sourceIp) {
        if (sourceIp == null || context.containsKey(SOURCE_IP)) {
            return this;
        }
        Map<String, List<String>> withIp = new LinkedHashMap<>(context);
        withIp.put(SOURCE_IP, List.of(sourceIp));
        return new AccessRequest(action, resourceArn, resourceAccount, resourcePolicy, withIp, awsManagedResource);
    }

    /** A request for an action that has no resource (AWS authorizes it on "*"), e.g. {@code s3:ListAllMyBuckets}. */
    public static AccessRequest withoutResource(String action, String account) {
        return of(action, null, account);
    }

    /** A request without a resource that carries extra context keys, e.g. {@code cloudwatch:namespace}. */
    public static AccessRequest withoutResource(String action, String account, Map<String, List<String>> context) {
        return of(action, null, account, context);
    }
}
