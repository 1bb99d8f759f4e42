package org.iamdojo.iam.policy.validation;

import java.util.List;
import java.util.Set;
import org.iamdojo.iam.policy.LocatedJson;
import org.iamdojo.iam.policy.LocatedJson.Field;
import org.iamdojo.iam.policy.LocatedJson.Node;
import org.iamdojo.iam.policy.LocatedJson.Obj;

/** The names of an object's members: repeated keys anywhere, unknown element names of the policy and statements. */
final class ElementNames {
    /** The elements of a policy document. */
    static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");
    /** The elements of a statement. */
    static final Set<String> STATEMENT = Set.of("Sid", "Effect", "Principal", "NotPrincipal",
            "Action", "NotAction", "Resource", "NotResource", "Condition");

    private ElementNames() {
    }

    /**
     * Reports every key that appears more than once in its object (the one rule of {@link LocatedJson}), named by
     * where it stands: an element of the policy or of a statement, a condition key of an operator, a key of
     * another element.
     */
    static void repeatedKeys(ValidationRun run, Node root) {
        for (LocatedJson.RepeatedKey repeated : LocatedJson.repeatedKeys(root)) {
            Field f = repeated.field();
            List<String> path = repeated.path();
            if (path.isEmpty()) {
                run.report(FindingCode.DUPLICATE_POLICY_ELEMENT, f, f.name());
            } else if (path.equals(List.of("Statement"))) {
                run.report(FindingCode.DUPLICATE_STATEMENT_ELEMENT, f, f.name());
            } else if (path.size() == 3 && path.get(0).equals("Statement") && path.get(1).equals("Condition")) {
                run.report(FindingCode.DUPLICATE_CONDITION_KEY, f, f.name(), path.get(2));
            } else {
                run.report(FindingCode.DUPLICATE_KEY, f, f.name(), path.get(path.size() - 1));
            }
        }
    }

    /** Reports unknown element names of the policy document (repeated ones are reported as such). */
    static void ofPolicy(ValidationRun run, Obj doc) {
        unknown(run, doc, TOP_LEVEL, FindingCode.UNKNOWN_POLICY_ELEMENT, FindingCode.MISCASED_POLICY_ELEMENT);
    }

    /** Reports unknown element names of a statement (repeated ones are reported as such). */
    static void ofStatement(ValidationRun run, Obj statement) {
        unknown(run, statement, STATEMENT, FindingCode.UNKNOWN_STATEMENT_ELEMENT,
                FindingCode.MISCASED_STATEMENT_ELEMENT);
    }

    private static void unknown(ValidationRun run, Obj obj, Set<String> allowed, FindingCode unknown,
                                FindingCode miscased) {
        List<Field> repeated = obj.repeated();
        for (Field f : obj.fields()) {
            if (!repeated.contains(f) && !allowed.contains(f.name())) {
                String proper = allowed.stream().filter(a -> a.equalsIgnoreCase(f.name())).findFirst().orElse(null);
                if (proper == null) {
                    run.report(unknown, f, f.name());
                } else {
                    run.report(miscased, f, f.name(), proper);
                }
            }
        }
    }
}
