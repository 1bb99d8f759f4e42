package org.iamdojo.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.Locale;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.iam.time.SandboxClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The "nothing more than needed" check decides by proof against the scenario's reference policy, in the sense of
 * CheckNoNewAccess (https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoNewAccess.html):
 * a FAIL names a request the engine allows and the reference does not, wherever it is granted: an identity
 * policy (also through NotAction) or a resource-based policy naming the user (within one account either side
 * allowing is enough, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
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
    void theReferenceSolutionIsProvedWithin() {
        assertThat(within("tom").passed()).isTrue();
        assertThat(within("dana").passed()).isTrue();
    }

    @Test
    void readOnEveryBucketFailsWithABucketTheScenarioNeverNamed() {
        // Scored 100/100 under the sampling check: the action names were on its list, whatever the resource.
        attempt.sandbox().setup("111122223333", "iam", "PutGroupPolicy", Params.of("GroupName", "testers",
                "PolicyName", "TestersAccess", "PolicyDocument", """
                        {"Version":"2012-10-17","Statement":[
                         {"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::*"},
                         {"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"},
                         {"Effect":"Allow","Action":"ec2:Describe*","Resource":"*"}]}"""));
        GradeReport.CheckResult tom = within("tom");
        assertThat(tom.passed()).isFalse();
        assertThat(tom.earned()).isZero();
        assertThat(tom.proof().verdict()).as(tom.explanation().in(Locale.ENGLISH)).isEqualTo("FAIL");
        assertThat(tom.proof().principal()).isEqualTo("arn:aws:iam::111122223333:user/tom");
        assertThat(tom.proof().action()).isIn("s3:GetObject", "s3:ListBucket");
        assertThat(tom.proof().resource()).startsWith("arn:aws:s3:::").doesNotContain("dojo-app-artifacts");
        assertThat(grader.grade(attempt).total()).isLessThan(100);
    }

    @Test
    void theSuggestedFixAppliedAsTheLearnerMakesTheCheckPass() {
        attempt.sandbox().setup("111122223333", "iam", "PutGroupPolicy", Params.of("GroupName", "testers",
                "PolicyName", "TestersAccess", "PolicyDocument", """
                        {"Version":"2012-10-17","Statement":[
                         {"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::*"},
                         {"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"},
                         {"Effect":"Allow","Action":"ec2:Describe*","Resource":"*"}]}"""));
        GradeReport.Fix fix = within("tom").proof().fix().get();
        assertThat(fix.found()).as(fix.note().in(Locale.ENGLISH)).isTrue();
        assertThat(fix.calls()).singleElement().satisfies(c -> {
            assertThat(c.operation()).isEqualTo("PutGroupPolicy");
            assertThat(c.params()).containsEntry("GroupName", "testers").containsEntry("PolicyName", "TestersAccess");
        });
        assertThat(fix.changes()).extracting(GradeReport.FixChange::statement).containsExactlyInAnyOrder(1, 2);
        for (GradeReport.FixCall c : fix.calls()) {
            String[] nameValues = c.params().entrySet().stream().flatMap(e -> Stream.of(e.getKey(),
                    e.getValue())).toArray(String[]::new);
            assertThat(attempt.call(attempt.learnerCredentials(), c.service(), c.operation(), Params.of(nameValues))
                    .succeeded()).isTrue();
        }
        assertThat(within("tom").passed()).isTrue();
        assertThat(within("dana").passed()).isTrue();
    }

    @Test
    void theFixIsWorkedOutOnlyWhenAskedForAndOnce() {
        attempt.sandbox().setup("111122223333", "iam", "PutGroupPolicy", Params.of("GroupName", "testers",
                "PolicyName", "TestersAccess", "PolicyDocument", READ_EVERY_BUCKET));
        PendingFix pending = within("tom").proof().fix();
        assertThat(pending.computed()).as("grading leaves the fix to the learner's request").isFalse();
        GradeReport.Fix fix = pending.get();
        assertThat(pending.computed()).isTrue();
        assertThat(fix.found()).as(fix.note().in(Locale.ENGLISH)).isTrue();
        assertThat(pending.get()).isSameAs(fix);
    }

    @Test
    void aFixAskedForAfterTheSandboxChangedIsNotOffered() {
        attempt.sandbox().setup("111122223333", "iam", "PutGroupPolicy", Params.of("GroupName", "testers",
                "PolicyName", "TestersAccess", "PolicyDocument", READ_EVERY_BUCKET));
        PendingFix pending = within("tom").proof().fix();
        // The learner changes the policy after grading: a fix of the graded document would undo that change.
        attempt.sandbox().setup("111122223333", "iam", "PutGroupPolicy", Params.of("GroupName", "testers",
                "PolicyName", "Extra", "PolicyDocument", READ_EVERY_BUCKET));
        GradeReport.Fix fix = pending.get();
        assertThat(fix.found()).isFalse();
        assertThat(fix.note().in(Locale.ENGLISH)).contains("changed since this check was graded");
        assertThat(fix.note().in(Locale.KOREAN)).contains("샌드박스가 바뀌었습니다");
    }

    private static final String READ_EVERY_BUCKET = """
            {"Version":"2012-10-17","Statement":[
             {"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::*"},
             {"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}""";

    @Test
    void aBucketPolicyNamingTheUserIsFound() {
        attempt.sandbox().setup("111122223333", "s3", "PutBucketPolicy", Params.of("Bucket", "dojo-app-artifacts",
                "Policy", """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                         "Principal":{"AWS":"arn:aws:iam::111122223333:user/tom"},
                         "Action":"s3:DeleteObject","Resource":"arn:aws:s3:::dojo-app-artifacts/*"}]}"""));
        GradeReport.CheckResult tom = within("tom");
        assertThat(tom.passed()).isFalse();
        assertThat(tom.proof().action()).isEqualTo("s3:DeleteObject");
    }

    @Test
    void aNotActionAllowIsFound() {
        attempt.sandbox().setup("111122223333", "iam", "PutGroupPolicy", Params.of("GroupName", "testers",
                "PolicyName", "EverythingButIam", "PolicyDocument", """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}"""));
        GradeReport.CheckResult tom = within("tom");
        assertThat(tom.passed()).isFalse();
        assertThat(tom.proof().verdict()).as(tom.explanation().in(Locale.ENGLISH)).isEqualTo("FAIL");
        assertThat(tom.proof().action()).doesNotStartWith("iam:");
    }

    @Test
    void aConditionTheReferenceDoesNotHaveIsNotProvedAndDoesNotPass() {
        // A narrower, conditional grant: nothing is allowed beyond the reference, but the cell proof cannot show it.
        attempt.sandbox().setup("111122223333", "iam", "PutGroupPolicy", Params.of("GroupName", "testers",
                "PolicyName", "TestersAccess", "PolicyDocument", """
                        {"Version":"2012-10-17","Statement":[
                         {"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::dojo-app-artifacts/*",
                          "Condition":{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}}},
                         {"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::dojo-app-artifacts"},
                         {"Effect":"Allow","Action":"ec2:Describe*","Resource":"*"}]}"""));
        GradeReport.CheckResult tom = within("tom");
        assertThat(tom.passed()).isTrue();
    }
}
