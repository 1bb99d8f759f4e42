package org.iamdojo.iam.policy.validation;

import java.util.List;
import org.iamdojo.iam.policy.catalog.ActionInfo;
import org.iamdojo.iam.policy.LocatedJson.Field;
import org.iamdojo.iam.policy.LocatedJson.Scalar;
import org.jspecify.annotations.Nullable;

/** The security warnings of an Allow statement: Not* elements, full access, iam:PassRole on every role. */
final class SecurityWarnings {
    private SecurityWarnings() {
    }

    static void allowStatement(ValidationRun run, @Nullable Field action, @Nullable Field notAction,
                               @Nullable Field resource, @Nullable Field notResource, List<Scalar> actions,
                               List<Scalar> resources, boolean passedToService) {
        if (notAction != null) {
            run.report(FindingCode.ALLOW_WITH_NOT_ACTION, notAction);
        }
        if (notResource != null) {
            run.report(FindingCode.ALLOW_WITH_NOT_RESOURCE, notResource);
        }
        if (action == null || resource == null) {
            return;
        }
        boolean allResources = resources.stream().anyMatch(r -> r.text().equals("*"));
        boolean starResource = resources.stream().anyMatch(r -> isStarRoleResource(r.text()));
        for (Scalar a : actions) {
            String v = a.text();
            boolean allActions = v.equals("*") || v.equals("*:*");
            if (allActions && allResources) {
                run.report(FindingCode.ALLOW_ALL_ACTIONS_ON_ALL_RESOURCES, a);
                continue;
            }
            if (allActions || !starResource || passedToService) {
                continue;
            }
            if (v.equalsIgnoreCase("iam:PassRole")) {
                run.report(FindingCode.PASS_ROLE_WITH_STAR_IN_RESOURCE, a);
            } else if (ValidationRun.hasWildcard(v) && passesRole(run, v)) {
                run.report(FindingCode.PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE, a);
            }
        }
    }

    private static boolean passesRole(ValidationRun run, String actionPattern) {
        for (ActionInfo info : run.catalog.matching(actionPattern)) {
            if (info.fullName().equalsIgnoreCase("iam:PassRole")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isStarRoleResource(String resource) {
        return resource.equals("*") || resource.endsWith(":*") || resource.endsWith(":role/*");
    }
}
