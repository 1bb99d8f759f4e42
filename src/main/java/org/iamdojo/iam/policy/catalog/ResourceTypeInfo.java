package org.iamdojo.iam.policy.catalog;

import java.util.List;

/** A resource type of a service with its ARN format, e.g. {@code arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}}. */
public record ResourceTypeInfo(String name, String arnFormat, List<String> conditionKeys) {
    /** Copies the list so the record stays immutable. */
    public ResourceTypeInfo {
        conditionKeys = List.copyOf(conditionKeys);
    }
}
