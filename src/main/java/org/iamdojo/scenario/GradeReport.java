package org.iamdojo.scenario;

import java.util.List;

/**
 * The grade of an attempt: each check's result, the points earned by the checks, the points taken for hints,
 * the total (never below 0) out of the maximum, whether the attempt passes, and how long grading took.
 */
public record GradeReport(String scenarioId, List<CheckResult> checks, int checkPoints, int hintDeduction,
                          int total, int max, boolean passed, long gradingNanos) {

    /** The result of one check: earned points (partial for least-privilege checks) and, when failed, why. */
    public record CheckResult(Check check, boolean passed, int earned, Text explanation, List<String> excessActions) {
    }

    /** The checks that failed. */
    public List<CheckResult> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }
}
