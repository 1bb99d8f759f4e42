package org.iamdojo.iam.policy.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.iamdojo.iam.policy.catalog.ActionCatalog;
import org.iamdojo.iam.policy.catalog.ResourceTypeInfo;
import org.iamdojo.iam.policy.catalog.ServiceInfo;

/** The ARN shapes of each catalogued service's own resource types, by service segment. Immutable. */
final class ArnShapes {
    /** A resource type's ARN: a pattern for its resource part and whether Region and account are filled. */
    record Shape(Pattern resource, boolean hasRegion, boolean hasAccount) {
    }

    private final Map<String, List<Shape>> byService;

    ArnShapes(ActionCatalog catalog) {
        Map<String, List<Shape>> shapes = new HashMap<>();
        for (ServiceInfo service : catalog.services()) {
            for (ResourceTypeInfo rt : service.resourceTypes()) {
                String[] parts = rt.arnFormat().split(":", 6);
                // Resource types of other services listed under this one (e.g. acm under ec2) are left out.
                if (parts.length == 6 && parts[2].equals(service.prefix())) {
                    shapes.computeIfAbsent(parts[2], s -> new ArrayList<>()).add(new Shape(
                            placeholderPattern(parts[5]), !parts[3].isEmpty(), !parts[4].isEmpty()));
                }
            }
        }
        shapes.replaceAll((service, list) -> List.copyOf(list));
        this.byService = Map.copyOf(shapes);
    }

    /**
     * The resource types of {@code service} whose resource part fits {@code resourcePart}; all of them when the
     * part has wildcards or variables (we do not intersect patterns), none for services not catalogued.
     */
    List<Shape> candidates(String service, String resourcePart) {
        List<Shape> shapes = byService.getOrDefault(service, List.of());
        if (!ValidationRun.isLiteral(resourcePart)) {
            return shapes;
        }
        return shapes.stream().filter(shape -> shape.resource().matcher(resourcePart).matches()).toList();
    }

    /** ${Placeholder} in a reference ARN format stands for any non-empty text. */
    private static Pattern placeholderPattern(String format) {
        StringBuilder regex = new StringBuilder();
        int last = 0;
        int open;
        while ((open = format.indexOf("${", last)) >= 0) {
            int close = format.indexOf('}', open);
            if (close < 0) {
                break;
            }
            regex.append(Pattern.quote(format.substring(last, open))).append(".+");
            last = close + 1;
        }
        regex.append(Pattern.quote(format.substring(last)));
        return Pattern.compile(regex.toString());
    }
}
