package org.iamdojo.iam.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One statement of a policy. A null list or block means the element is absent (the validator tells absent
 * from empty). {@code effect} is null when Effect is missing or not exactly "Allow"/"Deny"; the raw text is in
 * {@code effectText}. {@code elementLocations} maps every element name as written (known or not) to its
 * location, in source order.
 */
public record Statement(
        String sid,
        Effect effect,
        String effectText,
        PrincipalBlock principal,
        PrincipalBlock notPrincipal,
        List<String> actions,
        List<String> notActions,
        List<String> resources,
        List<String> notResources,
        List<Condition> conditions,
        SourceLocation location,
        Map<String, SourceLocation> elementLocations) {

    /** Copies collections so the statement is immutable. */
    public Statement {
        actions = actions == null ? null : List.copyOf(actions);
        notActions = notActions == null ? null : List.copyOf(notActions);
        resources = resources == null ? null : List.copyOf(resources);
        notResources = notResources == null ? null : List.copyOf(notResources);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        elementLocations = elementLocations == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(elementLocations));
        location = location == null ? SourceLocation.UNKNOWN : location;
    }
}
