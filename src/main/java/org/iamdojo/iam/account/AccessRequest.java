package org.iamdojo.iam.account;

import java.util.List;
import java.util.Map;

/**
 * One permission an operation needs: the action on a resource, in the account that owns it, with the
 * resource-based policy that applies (bucket policy, role trust policy) and extra request context keys.
 */
public record AccessRequest(String action, String resourceArn, String resourceAccount, String resourcePolicy,
                            Map<String, List<String>> context) {

    /** A request without resource policy or extra context. */
    public static AccessRequest of(String action, String resourceArn, String resourceAccount) {
        return new AccessRequest(action, resourceArn, resourceAccount, null, Map.of());
    }
}
