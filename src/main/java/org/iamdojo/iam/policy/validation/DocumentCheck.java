package org.iamdojo.iam.policy.validation;

import java.util.Set;
import org.iamdojo.iam.policy.LocatedJson.Arr;
import org.iamdojo.iam.policy.LocatedJson.Field;
import org.iamdojo.iam.policy.LocatedJson.Node;
import org.iamdojo.iam.policy.LocatedJson.Obj;
import org.iamdojo.iam.policy.LocatedJson.Scalar;

/** The document as a whole: its size, its top-level elements, Version, Id and the Statement list. */
final class DocumentCheck {
    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");

    private DocumentCheck() {
    }

    /** Reports a document over {@code quota} (IAM counts characters other than whitespace). */
    static void size(ValidationRun run, String text, PolicyQuota quota) {
        int size = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                size++;
            }
        }
        if (size > quota.maxCharacters()) {
            FindingCode code = quota == PolicyQuota.ROLE_TRUST_POLICY
                    ? FindingCode.POLICY_SIZE_EXCEEDS_TRUST_POLICY_QUOTA
                    : FindingCode.POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA;
            run.report(code, 1, 1, Integer.toString(size), Integer.toString(quota.maxCharacters()), quotaTerm(quota));
        }
    }

    /** Checks the parsed document and each of its statements. */
    static void document(ValidationRun run, Node root) {
        if (!(root instanceof Obj doc)) {
            run.report(FindingCode.DOCUMENT_NOT_OBJECT, root, root.typeName());
            return;
        }
        ElementNames.ofPolicy(run, doc);
        version(run, doc);
        Field id = doc.field("Id");
        if (id != null && !(id.value() instanceof Scalar idValue && idValue.isString())) {
            run.report(FindingCode.ID_NOT_STRING, id.value());
        }
        statements(run, doc);
    }

    private static void version(ValidationRun run, Obj doc) {
        Field version = doc.field("Version");
        if (version == null) {
            run.report(FindingCode.MISSING_VERSION, doc);
        } else if (!(version.value() instanceof Scalar v) || !v.isString()) {
            run.report(FindingCode.VERSION_NOT_STRING, version.value());
        } else if (!VERSIONS.contains(v.text())) {
            run.report(FindingCode.INVALID_VERSION, v, v.text());
        } else {
            run.variablesSupported = v.text().equals("2012-10-17");
        }
    }

    private static void statements(ValidationRun run, Obj doc) {
        Field statement = doc.field("Statement");
        if (statement == null) {
            run.report(FindingCode.MISSING_STATEMENT, doc);
            return;
        }
        if (statement.value() instanceof Obj single) {
            StatementCheck.statement(run, single);
        } else if (statement.value() instanceof Arr list) {
            if (list.items().isEmpty()) {
                run.report(FindingCode.EMPTY_STATEMENT_ARRAY, list);
            }
            for (Node item : list.items()) {
                if (item instanceof Obj st) {
                    StatementCheck.statement(run, st);
                } else {
                    run.report(FindingCode.STATEMENT_NOT_OBJECT, item, item.typeName());
                }
            }
        } else {
            run.report(FindingCode.STATEMENT_ELEMENT_NOT_OBJECT_OR_ARRAY, statement.value());
        }
    }

    private static String quotaTerm(PolicyQuota quota) {
        return switch (quota) {
            case USER_INLINE -> "quota.user-inline";
            case GROUP_INLINE -> "quota.group-inline";
            case ROLE_INLINE -> "quota.role-inline";
            case MANAGED -> "quota.managed";
            case ROLE_TRUST_POLICY -> "quota.role-trust-policy";
        };
    }
}
