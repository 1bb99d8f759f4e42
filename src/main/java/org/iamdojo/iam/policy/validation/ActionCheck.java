package org.iamdojo.iam.policy.validation;

import org.iamdojo.iam.policy.catalog.ActionCatalog;
import org.iamdojo.iam.policy.LocatedJson.Scalar;

/** One value of Action or NotAction: its service:Name shape and whether the catalog knows it. */
final class ActionCheck {
    private ActionCheck() {
    }

    static void action(ValidationRun run, Scalar s) {
        String v = s.text();
        if (v.equals("*")) {
            return;
        }
        int colon = v.indexOf(':');
        if (colon <= 0 || colon == v.length() - 1 || v.indexOf(':', colon + 1) >= 0) {
            run.report(FindingCode.INVALID_ACTION_FORMAT, s, v);
            return;
        }
        String service = v.substring(0, colon);
        String name = v.substring(colon + 1);
        if (ValidationRun.hasWildcard(service)) {
            return;
        }
        ActionCatalog catalog = run.catalog;
        if (!catalog.knowsServicePrefix(service)) {
            run.report(FindingCode.INVALID_SERVICE_IN_ACTION, s, service);
            return;
        }
        if (!catalog.isCatalogued(service)) {
            return;
        }
        if (ValidationRun.hasWildcard(name)) {
            if (catalog.matching(v).isEmpty()) {
                run.report(FindingCode.ACTION_MATCHES_NOTHING, s, v, service);
            }
        } else if (catalog.action(service, name).isEmpty()) {
            run.report(FindingCode.UNKNOWN_ACTION, s, v);
        }
    }
}
