package org.iamdojo.iam.policy.validation;

import com.fasterxml.jackson.core.JsonToken;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iamdojo.iam.policy.ConditionOperator;
import org.iamdojo.iam.policy.LocatedJson.Arr;
import org.iamdojo.iam.policy.LocatedJson.Field;
import org.iamdojo.iam.policy.LocatedJson.Node;
import org.iamdojo.iam.policy.LocatedJson.Obj;
import org.iamdojo.iam.policy.LocatedJson.Scalar;

/** The Condition element: its operators, condition keys and values. */
final class ConditionCheck {
    private ConditionCheck() {
    }

    /** Checks a Condition element; returns whether it constrains iam:PassedToService. */
    static boolean condition(ValidationRun run, Field condition) {
        if (!(condition.value() instanceof Obj block)) {
            run.report(FindingCode.CONDITION_NOT_OBJECT, condition.value());
            return false;
        }
        boolean passedToService = false;
        for (Field op : block.fields()) {
            operator(run, op);
            if (!(op.value() instanceof Obj keys)) {
                run.report(FindingCode.OPERATOR_NOT_OBJECT, op.value(), op.name());
                continue;
            }
            Map<String, String> seen = new HashMap<>();
            for (Field key : keys.fields()) {
                String previous = seen.put(key.name().toLowerCase(Locale.ROOT), key.name());
                // The same spelling twice is a repeated key, reported with all of them (ElementNames).
                if (previous != null && !previous.equals(key.name())) {
                    run.report(FindingCode.DUPLICATE_KEYS_WITH_DIFFERENT_CASE, key, key.name(), previous);
                }
                key(run, key);
                passedToService |= key.name().equalsIgnoreCase("iam:PassedToService");
                values(run, key);
            }
        }
        return passedToService;
    }

    /** An operator is recognised whatever its letter case; Null cannot take IfExists. */
    private static void operator(ValidationRun run, Field op) {
        ConditionOperator.Written written = ConditionOperator.parseIgnoringCase(op.name());
        if (!written.known()) {
            run.report(FindingCode.INVALID_CONDITION_OPERATOR, op, op.name());
        } else if (written.ifExists() && written.base() == ConditionOperator.NULL) {
            run.report(FindingCode.NULL_WITH_IF_EXISTS, op);
        }
    }

    private static void key(ValidationRun run, Field key) {
        String k = key.name();
        int colon = k.indexOf(':');
        if (colon <= 0 || colon == k.length() - 1) {
            run.report(FindingCode.INVALID_CONDITION_KEY_FORMAT, key, k);
            return;
        }
        String prefix = k.substring(0, colon);
        if (run.catalog.isCatalogued(prefix) && run.catalog.conditionKey(k).isEmpty()) {
            run.report(FindingCode.INVALID_SERVICE_CONDITION_KEY, key, k, prefix);
        }
    }

    private static void values(ValidationRun run, Field key) {
        Node value = key.value();
        List<Node> values = value instanceof Arr arr ? arr.items() : List.of(value);
        for (Node v : values) {
            if (v instanceof Scalar s && s.token() != JsonToken.VALUE_NULL) {
                if (s.isString()) {
                    run.variables(s);
                }
            } else {
                run.report(FindingCode.CONDITION_VALUE_NOT_SCALAR, v, key.name());
            }
        }
    }
}
