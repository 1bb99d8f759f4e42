package org.iamdojo.iam.policy.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A catalogued AWS service: its prefix, name, actions, resource types and condition keys. */
public record ServiceInfo(String prefix, String name, List<ActionInfo> actions,
                          List<ResourceTypeInfo> resourceTypes, List<ConditionKeyInfo> conditionKeys) {
    /** Copies the lists so the record stays immutable. */
    public ServiceInfo {
        actions = List.copyOf(actions);
        resourceTypes = List.copyOf(resourceTypes);
        conditionKeys = List.copyOf(conditionKeys);
    }

    /** The actions grouped by access level, in the console's order (List, Read, Write, ...), each group by name. */
    public Map<AccessLevel, List<ActionInfo>> actionsByAccessLevel() {
        Map<AccessLevel, List<ActionInfo>> groups = new EnumMap<>(AccessLevel.class);
        for (ActionInfo action : actions) {
            groups.computeIfAbsent(action.accessLevel(), level -> new ArrayList<>()).add(action);
        }
        groups.replaceAll((level, list) -> List.copyOf(list));
        return Collections.unmodifiableMap(groups);
    }

    /** The resource type called {@code name} (e.g. "role"), if the service defines it. */
    public Optional<ResourceTypeInfo> resourceType(String name) {
        return resourceTypes.stream().filter(rt -> rt.name().equalsIgnoreCase(name)).findFirst();
    }
}
