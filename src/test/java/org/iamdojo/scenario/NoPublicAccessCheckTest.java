package org.iamdojo.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.iam.time.SandboxClock;
import org.junit.jupiter.api.Test;

/**
 * The {@code noPublicAccess} check decides as CheckNoPublicAccess does
 * (https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoPublicAccess.html), with AWS's meaning
 * of "public" (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status):
 * a caller from an account the policy does not name, or anyone, gets some action under some context.
 */
class NoPublicAccessCheckTest {
    static final PolicyValidator VALIDATOR = PolicyValidator.standard();
    final Grader grader = new Grader(PolicyValidator.standard());

    GradeReport grade(String checks, Consumer<Attempt> change) {
        ScenarioParser.Result r = new ScenarioParser(VALIDATOR).parse("probe.yaml", ProbeAndSettingChecksTest.scenario(checks));
        assertThat(r.problems()).isEmpty();
        Attempt attempt = Attempt.start(r.scenario(), SandboxClock.fixed(Instant.parse("2025-03-01T09:00:00Z")), 3L, VALIDATOR);
        change.accept(attempt);
        return grader.grade(attempt);
    }

    private static final String BUCKET = """
              - {kind: noPublicAccess, title: {en: closed, ko: 닫힘}, points: 10, bucket: dojo-logs}
            """;

    @Test
    void aPublicBucketPolicyFailsWithACounterexample() {
        // dojo-logs lets "Principal": "*" read public/*: public by AWS's definition.
        GradeReport.CheckResult r = grade(BUCKET, a -> { }).checks().get(0);
        assertThat(r.passed()).isFalse();
        assertThat(r.explanation().in(Locale.ENGLISH)).startsWith("The bucket policy of dojo-logs grants public access:")
                .contains("s3:GetObject", "arn:aws:s3:::dojo-logs/public/", "(statement 2)");
        assertThat(r.explanation().in(Locale.KOREAN)).contains("공개 접근을 허용합니다", "s3:GetObject");
    }

    @Test
    void namingOneAccountOrHavingNoPolicyIsNotPublic() {
        GradeReport named = grade(BUCKET, a -> a.sandbox().setup("111122223333", "s3", "PutBucketPolicy", Params.of(
                "Bucket", "dojo-logs", "Policy", """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},
                         "Action":"s3:GetObject","Resource":"arn:aws:s3:::dojo-logs/*"}]}""")));
        assertThat(named.checks().get(0).passed()).as(String.valueOf(named.checks().get(0).explanation())).isTrue();
        GradeReport none = grade(BUCKET, a -> a.sandbox().setup("111122223333", "s3", "DeleteBucketPolicy",
                Params.of("Bucket", "dojo-logs")));
        assertThat(none.checks().get(0).passed()).isTrue();
    }

    @Test
    void aPrincipalStarWithAnAccountConditionIsNotPublic() {
        // aws:PrincipalAccount with a fixed value restricts the grant to a known account.
        GradeReport r = grade(BUCKET, a -> a.sandbox().setup("111122223333", "s3", "PutBucketPolicy", Params.of(
                "Bucket", "dojo-logs", "Policy", """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject",
                         "Resource":"arn:aws:s3:::dojo-logs/*","Condition":{"StringEquals":{"aws:PrincipalAccount":"111122223333"}}}]}""")));
        assertThat(r.checks().get(0).passed()).as(String.valueOf(r.checks().get(0).explanation())).isTrue();
    }

    @Test
    void aTrustPolicyThatTrustsEveryoneFailsAndOneAccountPasses() {
        String checks = """
                  - {kind: noPublicAccess, title: {en: trust, ko: 신뢰}, points: 10, role: Job}
                """;
        assertThat(grade(checks, a -> { }).checks().get(0).passed()).isTrue();
        GradeReport open = grade(checks, a -> a.sandbox().setup("111122223333", "iam", "UpdateAssumeRolePolicy",
                Params.of("RoleName", "Job", "PolicyDocument", """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}""")));
        GradeReport.CheckResult r = open.checks().get(0);
        assertThat(r.passed()).isFalse();
        assertThat(r.explanation().in(Locale.ENGLISH)).startsWith("The trust policy of role Job grants public access:")
                .contains("sts:AssumeRole");
    }

    @Test
    void theParserWantsExactlyOneOfBucketAndRole() {
        ScenarioParser.Result both = new ScenarioParser(VALIDATOR).parse("probe.yaml", ProbeAndSettingChecksTest.scenario("""
                  - {kind: noPublicAccess, title: {en: x, ko: 가}, points: 10, bucket: dojo-logs, role: Job}
                """));
        assertThat(both.problems()).anySatisfy(p -> assertThat(p.toString()).contains("checks[0]").contains("not both"));
        ScenarioParser.Result unknown = new ScenarioParser(VALIDATOR).parse("probe.yaml", ProbeAndSettingChecksTest.scenario("""
                  - {kind: noPublicAccess, title: {en: x, ko: 가}, points: 10, bucket: no-such-bucket}
                """));
        assertThat(unknown.problems()).anySatisfy(p -> assertThat(p.toString()).contains("no-such-bucket"));
    }

    @Test
    void theShippedPublicBucketScenarioFailsAtTheStartAndPassesWithItsSolution() {
        Scenario s = new ScenarioCatalog(Path.of("scenarios"), VALIDATOR).scenario("s3-public-bucket-closed").orElseThrow();
        Attempt start = Attempt.start(s, SandboxClock.fixed(Instant.parse("2025-03-01T09:00:00Z")), 5L, VALIDATOR);
        GradeReport.CheckResult before = grader.grade(start).checks().stream()
                .filter(c -> c.check() instanceof Check.NoPublicAccess).findFirst().orElseThrow();
        assertThat(before.passed()).isFalse();
        assertThat(before.explanation().in(Locale.ENGLISH)).contains("dojo-customer-exports", "grants public access");
        Attempt solved = Attempt.start(s, SandboxClock.fixed(Instant.parse("2025-03-01T09:00:00Z")), 5L, VALIDATOR);
        solved.apply(s.solution());
        assertThat(grader.grade(solved).checks().stream().filter(c -> c.check() instanceof Check.NoPublicAccess))
                .singleElement().satisfies(c -> assertThat(c.passed()).isTrue());
    }
}
