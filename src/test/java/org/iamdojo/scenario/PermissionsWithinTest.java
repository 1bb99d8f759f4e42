package org.iamdojo.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.iam.time.SandboxClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The "nothing more than needed" check finds every extra action, wherever it is granted: an identity policy
 * (also through NotAction) or a resource-based policy naming the user. Same-account grants follow
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html (either an
 * identity-based or a resource-based policy allowing is enough within one account).
 */
class PermissionsWithinTest {
    static final PolicyValidator VALIDATOR = PolicyValidator.standard();
    static final Scenario SCENARIO = new ScenarioCatalog(Path.of("scenarios"), VALIDATOR)
            .scenario("developers-and-testers").orElseThrow();
    final Grader grader = new Grader(PolicyValidator.standard());
    Attempt attempt;

    @BeforeEach
    void solved() {
        attempt = Attempt.start(SCENARIO, SandboxClock.system(), 11L, VALIDATOR);
        attempt.apply(SCENARIO.solution());
    }

    private GradeReport.CheckResult within(String user) {
        return grader.grade(attempt).checks().stream()
                .filter(c -> c.check() instanceof Check.PermissionsWithin w && w.principal().equals("user " + user))
                .findFirst().orElseThrow();
    }

    @Test
    void theReferenceSolutionGrantsNothingExtra() {
        assertThat(within("tom").passed()).isTrue();
        assertThat(within("dana").passed()).isTrue();
    }

    @Test
    void aBucketPolicyNamingTheUserIsFound() {
        attempt.sandbox().setup("111122223333", "s3", "PutBucketPolicy", Params.of("Bucket", "dojo-app-artifacts",
                "Policy", """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                         "Principal":{"AWS":"arn:aws:iam::111122223333:user/tom"},
                         "Action":"s3:DeleteObject","Resource":"arn:aws:s3:::dojo-app-artifacts/*"}]}"""));
        GradeReport.CheckResult tom = within("tom");
        assertThat(tom.passed()).isFalse();
        assertThat(tom.excessActions()).containsExactly("s3:DeleteObject");
    }

    @Test
    void aNotActionAllowIsFound() {
        attempt.sandbox().setup("111122223333", "iam", "PutGroupPolicy", Params.of("GroupName", "testers",
                "PolicyName", "EverythingButIam", "PolicyDocument", """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}"""));
        GradeReport.CheckResult tom = within("tom");
        assertThat(tom.passed()).isFalse();
        assertThat(tom.excessActions()).contains("s3:PutObject", "ec2:TerminateInstances");
    }
}
