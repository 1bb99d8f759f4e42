package org.iamdojo.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.iam.time.SandboxClock;
import org.junit.jupiter.api.Test;

/**
 * The check "no escalation path from user sam" of the privilege-escalation scenario, computed by the access map:
 * failing at the start (iam:CreatePolicyVersion on AppDeploy, attached to sam's group; iam:PassRole of AdminRole
 * with ec2:RunInstances), passing after the reference solution, failing after the lazy shortcut (sam an
 * administrator). Techniques: https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/
 */
class NoEscalationPathCheckTest {
    private static final String TITLE = "The access map finds no escalation path from sam";

    private static GradeReport.CheckResult result(boolean solve, boolean lazy) {
        PolicyValidator validator = PolicyValidator.standard();
        Scenario s = new ScenarioCatalog(ScenarioSolutionsTest.FOLDER, validator).scenario("privilege-escalation")
                .orElseThrow();
        Attempt attempt = Attempt.start(s, SandboxClock.fixed(Instant.parse("2025-03-01T09:00:00Z")), 42L, validator);
        if (solve) {
            attempt.apply(s.solution());
        }
        if (lazy) {
            attempt.apply(s.lazySolution());
        }
        return new Grader(PolicyValidator.standard()).grade(attempt).checks().stream()
                .filter(c -> c.check().title().en().equals(TITLE)).findFirst().orElseThrow();
    }

    @Test
    void failsAtTheStartNamingAPath() {
        GradeReport.CheckResult r = result(false, false);
        assertThat(r.passed()).isFalse();
        assertThat(r.explanation().in(Locale.ENGLISH)).contains("2 escalation path(s)").contains("CREATE_POLICY_VERSION")
                .contains("AppDeploy").contains("rhinosecuritylabs.com");
    }

    @Test
    void passesAfterTheReferenceSolution() {
        assertThat(result(true, false).passed()).isTrue();
    }

    @Test
    void failsAfterTheLazyShortcut() {
        GradeReport.CheckResult r = result(false, true);
        assertThat(r.passed()).isFalse();
        assertThat(r.explanation().in(Locale.ENGLISH)).contains("administrator");
    }
}
