package org.iamdojo.iam.policy.validation;

import java.util.Set;
import java.util.regex.Pattern;
import org.iamdojo.iam.policy.LocatedJson.Field;
import org.iamdojo.iam.policy.LocatedJson.Node;
import org.iamdojo.iam.policy.LocatedJson.Obj;
import org.iamdojo.iam.policy.LocatedJson.Scalar;
import org.jspecify.annotations.Nullable;

/** Principal and NotPrincipal: whether the policy type takes one, and the shape of its value. */
final class PrincipalCheck {
    private static final Set<String> PRINCIPAL_KEYS = Set.of("AWS", "Service", "Federated", "CanonicalUser");
    static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    private PrincipalCheck() {
    }

    static void principal(ValidationRun run, Obj st, @Nullable String effect) {
        Field principal = st.field("Principal");
        Field notPrincipal = st.field("NotPrincipal");
        if (principal != null && notPrincipal != null) {
            StatementCheck.combination(run, "Principal", "NotPrincipal", notPrincipal);
        }
        Field given = principal != null ? principal : notPrincipal;
        switch (run.type) {
            case IDENTITY_POLICY:
                if (given != null) {
                    run.report(FindingCode.UNSUPPORTED_PRINCIPAL, given, given.name());
                }
                return;
            case SERVICE_CONTROL_POLICY:
                if (given != null) {
                    run.report(FindingCode.SCP_SYNTAX_ERROR_PRINCIPAL, given, given.name());
                }
                return;
            default:
                if (given == null) {
                    run.report(FindingCode.MISSING_PRINCIPAL, st, policyTerm(run.type));
                    return;
                }
                value(run, given.value());
                if (notPrincipal != null && "Allow".equals(effect)) {
                    run.report(FindingCode.ALLOW_WITH_NOT_PRINCIPAL, notPrincipal);
                }
        }
    }

    private static void value(ValidationRun run, Node value) {
        if (value instanceof Scalar s && s.isString()) {
            if (!s.text().equals("*")) {
                run.report(FindingCode.INVALID_PRINCIPAL_STRING, s, s.text());
            }
            return;
        }
        if (!(value instanceof Obj obj)) {
            run.report(FindingCode.PRINCIPAL_NOT_STAR_OR_OBJECT, value);
            return;
        }
        for (Field f : obj.fields()) {
            if (!PRINCIPAL_KEYS.contains(f.name())) {
                run.report(FindingCode.INVALID_PRINCIPAL_KEY, f, f.name());
                continue;
            }
            for (Scalar s : run.strings(f, null)) {
                String v = s.text();
                if (f.name().equals("AWS") && !(v.equals("*") || ACCOUNT.matcher(v).matches() || v.startsWith("arn:"))) {
                    run.report(FindingCode.INVALID_AWS_PRINCIPAL, s, v);
                } else if (f.name().equals("Service") && !v.equals("*") && (v.indexOf('.') < 0 || v.contains(":"))) {
                    run.report(FindingCode.INVALID_SERVICE_PRINCIPAL_FORMAT, s, v);
                }
            }
        }
    }

    /** The term for the kinds of policy that must name a principal. */
    private static String policyTerm(PolicyType type) {
        return switch (type) {
            case TRUST_POLICY -> "trust-policy";
            case RESOURCE_CONTROL_POLICY -> "resource-control-policy";
            default -> "resource-policy";
        };
    }
}
