package org.iamdojo.iam.eval;

import java.util.Set;
import org.iamdojo.iam.policy.ArnTarget;

/**
 * Resources AWS owns inside (or beside) a customer's account, which no customer policy can let a customer
 * change. The engine refuses these changes whatever the policies say, with the reason "AWS manages this
 * resource":
 * <ul>
 * <li>AWS managed policies ({@code arn:aws:iam::aws:policy/...}): "You cannot change the permissions defined in
 *     AWS managed policies" (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html#aws-managed-policies,
 *     https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_manage-edit.html: "AWS managed policies cannot be edited").</li>
 * <li>Service-linked roles (path {@code /aws-service-role/}): "Only the service that depends on the
 *     service-linked role can modify or delete the role" (UnmodifiableEntity,
 *     https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteRolePermissionsBoundary.html); the
 *     description stays editable (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-service-linked-role.html)
 *     and deletion goes through iam:DeleteServiceLinkedRole.</li>
 * <li>AWS managed KMS keys (the request says so: their ARN does not): "You cannot edit any properties of AWS
 *     managed keys" (https://docs.aws.amazon.com/kms/latest/developerguide/editing-keys.html); and aliases
 *     {@code alias/aws/...}, reserved for AWS managed keys
 *     (https://docs.aws.amazon.com/kms/latest/developerguide/alias-create.html).</li>
 * </ul>
 */
final class AwsManagedResource {
    /** Actions that change or delete a managed policy (their resource is the policy). */
    private static final Set<String> POLICY_CHANGES = Set.of("iam:createpolicy", "iam:createpolicyversion",
            "iam:deletepolicy", "iam:deletepolicyversion", "iam:setdefaultpolicyversion", "iam:tagpolicy",
            "iam:untagpolicy");
    /** Actions that change a role's permissions, trust or existence (their resource is the role). */
    private static final Set<String> ROLE_CHANGES = Set.of("iam:deleterole", "iam:updateassumerolepolicy",
            "iam:putrolepolicy", "iam:deleterolepolicy", "iam:attachrolepolicy", "iam:detachrolepolicy",
            "iam:putrolepermissionsboundary", "iam:deleterolepermissionsboundary");
    /** Actions that edit a KMS key's properties, policy, state, rotation or lifetime. */
    private static final Set<String> KEY_CHANGES = Set.of("kms:putkeypolicy", "kms:schedulekeydeletion",
            "kms:cancelkeydeletion", "kms:disablekey", "kms:enablekey", "kms:enablekeyrotation",
            "kms:disablekeyrotation", "kms:rotatekeyondemand", "kms:tagresource", "kms:untagresource",
            "kms:updatekeydescription", "kms:importkeymaterial", "kms:deleteimportedkeymaterial",
            "kms:replicatekey", "kms:updateprimaryregion", "kms:createalias", "kms:updatealias", "kms:deletealias");
    /** Actions on an alias resource. */
    private static final Set<String> ALIAS_CHANGES = Set.of("kms:createalias", "kms:updatealias", "kms:deletealias");

    private AwsManagedResource() {
    }

    /** True for a KMS key ARN (arn:PARTITION:kms:REGION:ACCOUNT:key/ID). */
    static boolean isKmsKey(ArnTarget t) {
        return t.isArn() && segmentIs(t, 2, "kms") && t.text().startsWith("key/", t.start(5));
    }

    /**
     * Why AWS refuses this change, or null when it is not a change to an AWS-owned resource.
     * {@code awsManagedKey}: the request says the resource is an AWS managed KMS key.
     */
    static String refusal(String lowerAction, ArnTarget t, boolean awsManagedKey) {
        if (!t.isArn()) {
            return null;
        }
        String text = t.text();
        if (segmentIs(t, 2, "iam") && segmentIs(t, 4, "aws") && text.startsWith("policy/", t.start(5))) {
            return POLICY_CHANGES.contains(lowerAction)
                    ? text + " is an AWS managed policy, which only AWS can change or delete" : null;
        }
        if (segmentIs(t, 2, "iam") && text.startsWith("role/aws-service-role/", t.start(5))) {
            return ROLE_CHANGES.contains(lowerAction)
                    ? text + " is a service-linked role, which only its service can change or delete" : null;
        }
        if (segmentIs(t, 2, "kms") && text.startsWith("alias/aws/", t.start(5))) {
            return ALIAS_CHANGES.contains(lowerAction)
                    ? "alias/aws/ aliases are reserved for AWS managed keys" : null;
        }
        if (awsManagedKey && isKmsKey(t) && KEY_CHANGES.contains(lowerAction)) {
            return text + " is an AWS managed key, whose properties, key policy and aliases only AWS changes";
        }
        return null;
    }

    private static boolean segmentIs(ArnTarget t, int i, String value) {
        return t.end(i) - t.start(i) == value.length() && t.text().startsWith(value, t.start(i));
    }
}
