package org.iamdojo.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.iam.time.SandboxClock;
import org.junit.jupiter.api.Test;

/** Scoring rules of scenarios/README.md that are not about a single check kind. */
class GraderRulesTest {

    @Test
    void anUntouchedSandboxScoresNothingEvenWhenGuardChecksHold() {
        PolicyValidator validator = PolicyValidator.standard();
        ScenarioCatalog catalog = new ScenarioCatalog(Path.of("scenarios"), validator);
        Grader grader = new Grader(PolicyValidator.standard());
        for (Scenario scenario : catalog.scenarios()) {
            Attempt attempt = Attempt.start(scenario, SandboxClock.system(), 5L, validator);
            GradeReport report = grader.grade(attempt);
            assertThat(report.total()).as(scenario.id() + " untouched").isZero();
            assertThat(report.passed()).isFalse();
        }
    }
}
