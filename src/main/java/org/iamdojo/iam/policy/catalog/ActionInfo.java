package org.iamdojo.iam.policy.catalog;

import java.util.List;

/** One action of a service, e.g. {@code iam:PassRole}, as the Service Authorization Reference lists it. */
public record ActionInfo(String servicePrefix, String name, AccessLevel accessLevel,
                         List<ActionResourceType> resourceTypes, List<String> conditionKeys) {
    /** Copies the lists so the record stays immutable. */
    public ActionInfo {
        resourceTypes = List.copyOf(resourceTypes);
        conditionKeys = List.copyOf(conditionKeys);
    }

    /** The name as written in a policy, e.g. {@code s3:GetObject}. */
    public String fullName() {
        return servicePrefix + ":" + name;
    }
}
