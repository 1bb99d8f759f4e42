package org.iamdojo.iam.policy.catalog;

import java.util.List;

/** A resource type an action works on; {@code required} is the reference's asterisk. */
public record ActionResourceType(String name, boolean required, List<String> conditionKeys) {
    /** Copies the list so the record stays immutable. */
    public ActionResourceType {
        conditionKeys = List.copyOf(conditionKeys);
    }
}
