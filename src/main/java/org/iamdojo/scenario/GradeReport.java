package org.iamdojo.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
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
     * sandbox sets itself; {@code fix} is the smallest fix, computed when first asked for (null: none is offered).
     */
    public record Proof(String verdict, String principal, String action, String resource,
                        Map<String, List<String>> context, PendingFix fix) {
        /** A proof without a fix suggestion. */
        public Proof(String verdict, String principal, String action, String resource,
                     Map<String, List<String>> context) {
            this(verdict, principal, action, resource, context, null);
        }
    }

    /**
     * The smallest fix of a failed least-privilege check ({@code org.iamdojo.iam.analysis.SmallestFix}), proved to
     * make it pass: the statements changed and the sandbox calls that apply it. No changes: none was proved, and
     * {@code note} says why.
     */
    public record Fix(List<FixChange> changes, List<FixCall> calls, Localized note) {
        /** Copies the lists. */
        public Fix {
            changes = List.copyOf(changes);
            calls = List.copyOf(calls);
        }

        /** True when a proved fix is suggested. */
        public boolean found() {
            return !changes.isEmpty() && !calls.isEmpty();
        }
    }

    /**
     * One statement changed: the call that changes its policy ({@code call}, an index into {@link Fix#calls()}),
     * its 1-based number, Sid, how ({@code SmallestFix.Kind} name), its JSON before and the statements after
     * (none: removed).
     */
    public record FixChange(int call, int statement, String sid, String kind, String before, List<String> after) {
        /** Copies the list. */
        public FixChange {
            after = List.copyOf(after);
        }
    }

    /** A sandbox call made as the learner's acting identity: service, operation and parameters by AWS name. */
    public record FixCall(String service, String operation, Map<String, String> params) {
        /** Copies the map (in order). */
        public FixCall {
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }
    }

    /** The checks that failed. */
    public List<CheckResult> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }
}
