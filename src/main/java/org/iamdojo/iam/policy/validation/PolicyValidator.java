package org.iamdojo.iam.policy.validation;

import java.util.List;
import org.iamdojo.iam.policy.LocatedJson;
import org.iamdojo.iam.policy.catalog.ActionCatalog;
import org.jspecify.annotations.Nullable;

/**
 * Validates a policy document the way IAM Access Analyzer's ValidatePolicy does: grammar errors, security
 * warnings, warnings and suggestions, each at the line and column of the offending element. Issue codes
 * and wording follow https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
 * where AWS has a check; the few checks AWS lacks have codes of our own (ALLOW_WITH_NOT_ACTION,
 * ALLOW_WITH_NOT_RESOURCE, ALLOW_ALL_ACTIONS_ON_ALL_RESOURCES, INVALID_CONDITION_OPERATOR). What each finding
 * says is a {@link FindingCode}; the checks are split by policy element (DocumentCheck, StatementCheck,
 * PrincipalCheck, ActionCheck, ResourceCheck, ConditionCheck, SecurityWarnings).
 * Thread-safe: holds only the immutable catalog.
 */
public final class PolicyValidator {
    private final ActionCatalog catalog;
    private final ArnShapes arnShapes;

    /** A validator that checks actions, services and condition keys against {@code catalog}. */
    public PolicyValidator(ActionCatalog catalog) {
        this.catalog = catalog;
        this.arnShapes = new ArnShapes(catalog);
    }

    /** The catalog the validator checks actions, services and condition keys against. */
    public ActionCatalog catalog() {
        return catalog;
    }

    /** A validator over the standard action catalog. */
    public static PolicyValidator standard() {
        return new PolicyValidator(ActionCatalog.standard());
    }

    /** Validates {@code policyJson} as a policy of {@code type}, without a size check; findings by position. */
    public List<Finding> validate(String policyJson, PolicyType type) {
        return validate(policyJson, type, null);
    }

    /** Validates {@code policyJson} as a policy of {@code type}, and its size against {@code quota} if given. */
    public List<Finding> validate(String policyJson, PolicyType type, @Nullable PolicyQuota quota) {
        ValidationRun run = new ValidationRun(type, catalog, arnShapes);
        if (quota != null) {
            DocumentCheck.size(run, policyJson, quota);
        }
        LocatedJson.Node root;
        try {
            root = LocatedJson.parse(policyJson);
        } catch (LocatedJson.SyntaxError e) {
            String line = Integer.toString(e.line());
            String column = Integer.toString(e.column());
            switch (e.kind()) {
                case EMPTY -> run.report(FindingCode.EMPTY_DOCUMENT, e.line(), e.column(), line, column);
                case CONTENT_AFTER_DOCUMENT ->
                        run.report(FindingCode.CONTENT_AFTER_DOCUMENT, e.line(), e.column(), line, column);
                default -> run.report(FindingCode.JSON_SYNTAX_ERROR, e.line(), e.column(), line, column,
                        e.getMessage());
            }
            return run.findings();
        }
        ElementNames.repeatedKeys(run, root);
        DocumentCheck.document(run, root);
        return run.findings();
    }

    /** Whether any finding is an ERROR, i.e. AWS would refuse the policy or part of it cannot work. */
    public static boolean hasErrors(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
