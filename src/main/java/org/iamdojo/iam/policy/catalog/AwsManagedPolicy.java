package org.iamdojo.iam.policy.catalog;

/**
 * An AWS managed policy with the document of its default version, e.g. AdministratorAccess at
 * {@code arn:aws:iam::aws:policy/AdministratorAccess}. {@code document} is the policy JSON as text.
 */
public record AwsManagedPolicy(String policyName, String arn, String path, String defaultVersionId,
                               String createDate, String updateDate, String document) {
}
