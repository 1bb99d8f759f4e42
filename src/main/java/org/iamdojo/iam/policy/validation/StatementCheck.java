package org.iamdojo.iam.policy.validation;

import java.util.List;
import java.util.regex.Pattern;
import org.iamdojo.iam.policy.LocatedJson.Field;
import org.iamdojo.iam.policy.LocatedJson.Obj;
import org.iamdojo.iam.policy.LocatedJson.Scalar;
import org.jspecify.annotations.Nullable;

/** One statement: its element names, Sid and Effect, then each element by its own check. */
final class StatementCheck {
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]*");

    private StatementCheck() {
    }

    static void statement(ValidationRun run, Obj st) {
        ElementNames.ofStatement(run, st);
        sid(run, st.field("Sid"));
        String effect = effect(run, st);
        PrincipalCheck.principal(run, st, effect);

        Field action = st.field("Action");
        Field notAction = st.field("NotAction");
        if (action != null && notAction != null) {
            combination(run, "Action", "NotAction", notAction);
        } else if (action == null && notAction == null) {
            run.report(FindingCode.MISSING_ACTION, st);
        }
        List<Scalar> actions = run.strings(action != null ? action : notAction, FindingCode.EMPTY_ARRAY_ACTION);
        actions.forEach(a -> ActionCheck.action(run, a));

        Field resource = st.field("Resource");
        Field notResource = st.field("NotResource");
        List<Scalar> resources = resources(run, st, resource, notResource);

        Field condition = st.field("Condition");
        boolean passedToService = condition != null && ConditionCheck.condition(run, condition);

        if ("Allow".equals(effect)) {
            SecurityWarnings.allowStatement(run, action, notAction, resource, notResource, actions, resources,
                    passedToService);
        }
    }

    /** The resources named by Resource or NotResource, each checked; a trust policy may name none. */
    private static List<Scalar> resources(ValidationRun run, Obj st, @Nullable Field resource,
                                          @Nullable Field notResource) {
        if (run.type == PolicyType.TRUST_POLICY) {
            for (Field f : new Field[] {resource, notResource}) {
                if (f != null) {
                    run.report(FindingCode.RESOURCE_IN_TRUST_POLICY, f, f.name());
                }
            }
            return List.of();
        }
        if (resource != null && notResource != null) {
            combination(run, "Resource", "NotResource", notResource);
        } else if (resource == null && notResource == null && run.type != PolicyType.SERVICE_CONTROL_POLICY) {
            run.report(FindingCode.MISSING_RESOURCE, st);
        }
        List<Scalar> resources = run.strings(resource != null ? resource : notResource, FindingCode.EMPTY_ARRAY_RESOURCE);
        resources.forEach(r -> ResourceCheck.resource(run, r));
        return resources;
    }

    private static void sid(ValidationRun run, @Nullable Field sid) {
        if (sid == null) {
            return;
        }
        if (!(sid.value() instanceof Scalar v) || !v.isString()) {
            run.report(FindingCode.SID_NOT_STRING, sid.value());
            return;
        }
        if (run.type == PolicyType.IDENTITY_POLICY && !SID.matcher(v.text()).matches()) {
            run.report(FindingCode.UNSUPPORTED_SID, v);
        }
        if (!run.firstUseOfSid(v.text())) {
            run.report(FindingCode.UNIQUE_SIDS_REQUIRED, v, v.text());
        }
    }

    /** Checks Effect; returns "Allow" or "Deny", or null when missing or invalid. */
    @Nullable
    private static String effect(ValidationRun run, Obj st) {
        Field effect = st.field("Effect");
        if (effect == null) {
            run.report(FindingCode.MISSING_EFFECT, st);
            return null;
        }
        if (!(effect.value() instanceof Scalar v) || !v.isString()) {
            run.report(FindingCode.EFFECT_NOT_STRING, effect.value());
            return null;
        }
        if (v.text().equals("Allow") || v.text().equals("Deny")) {
            return v.text();
        }
        boolean onlyCase = v.text().equalsIgnoreCase("allow") || v.text().equalsIgnoreCase("deny");
        run.report(onlyCase ? FindingCode.INVALID_EFFECT_CASE : FindingCode.INVALID_EFFECT, v, v.text());
        return null;
    }

    /** Two elements that exclude each other, reported at the second. */
    static void combination(ValidationRun run, String first, String second, Field at) {
        run.report(FindingCode.UNSUPPORTED_ELEMENT_COMBINATION, at, first, second);
    }
}
