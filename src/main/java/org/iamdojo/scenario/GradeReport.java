package org.iamdojo.scenario;

import java.util.List;
import java.util.Map;
import org.iamdojo.i18n.Localized;

/**
 * The grade of an attempt: each check's result, the points earned by the checks, the points taken for hints,
 * the total (never below 0) out of the maximum, whether the attempt passes, and how long grading took.
 */
public record GradeReport(String scenarioId, List<CheckResult> checks, int checkPoints, int hintDeduction,
                          int total, int max, boolean passed, long gradingNanos) {

    /** The result of one check: earned points (partial for least-privilege checks) and, when failed, why. */
    public record CheckResult(Check check, boolean passed, int earned, Localized explanation, List<String> excessActions,
                              Proof proof) {
        /** A result without a proof (every check but the proof-based ones). */
        public CheckResult(Check check, boolean passed, int earned, Localized explanation, List<String> excessActions) {
            this(check, passed, earned, explanation, excessActions, null);
        }
    }

    /**
     * What a proof-based check decided (PASS, FAIL or UNKNOWN) and, for FAIL, the counterexample request the
     * engine allows: principal ARN, action, resource ("*" for none) and the context keys beyond the ones the
     * sandbox sets itself.
     */
    public record Proof(String verdict, String principal, String action, String resource,
                        Map<String, List<String>> context) {
    }

    /** The checks that failed. */
    public List<CheckResult> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }
}
