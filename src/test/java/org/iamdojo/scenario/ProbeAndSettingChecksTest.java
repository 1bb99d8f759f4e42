package org.iamdojo.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.iam.time.SandboxClock;
import org.junit.jupiter.api.Test;

/**
 * The check kinds and probe principals added for the certification scenarios: anonymous and service-principal
 * probes, "absent" context keys, maxSessionDuration and passwordPolicy. Each is graded on a sandbox changed
 * directly, so a check that always passed (or never did) would show.
 */
class ProbeAndSettingChecksTest {
    static final PolicyValidator VALIDATOR = PolicyValidator.standard();
    static final String A = "111122223333";
    final Grader grader = new Grader(PolicyValidator.standard());

    static String scenario(String checks) {
        return """
                id: probe
                version: 1
                title: {en: Probe, ko: 점검}
                story: {en: A story., ko: 이야기입니다.}
                level: beginner
                minutes: 5
                learner: {root: true}
                accounts:
                  - id: "111122223333"
                    buckets:
                      - name: dojo-logs
                        policy:
                          Version: "2012-10-17"
                          Statement:
                            - {Effect: Allow, Principal: {Service: cloudtrail.amazonaws.com}, Action: "s3:PutObject", Resource: "arn:aws:s3:::dojo-logs/*", Condition: {StringEquals: {"aws:SourceAccount": "111122223333"}}}
                            - {Effect: Allow, Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::dojo-logs/public/*"}
                            - {Effect: Deny, Principal: "*", Action: "s3:DeleteObject", Resource: "arn:aws:s3:::dojo-logs/*", Condition: {Bool: {"aws:MultiFactorAuthPresent": "false"}}}
                    operations:
                      - {service: iam, operation: CreateUser, params: {UserName: ops}}
                      - {service: iam, operation: AttachUserPolicy, params: {UserName: ops, PolicyArn: "arn:aws:iam::aws:policy/AmazonS3FullAccess"}}
                      - {service: iam, operation: CreateRole, params: {RoleName: Job, AssumeRolePolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Principal: {AWS: "arn:aws:iam::111122223333:root"}, Action: "sts:AssumeRole"}]}}}
                steps:
                  - {title: {en: Do it, ko: 하기}, instructions: {en: Do it., ko: 하세요.}}
                checks:
                """ + checks + """
                solution:
                  - {as: root, service: iam, operation: ListUsers}
                """;
    }

    GradeReport grade(String checks, java.util.function.Consumer<Attempt> change) {
        ScenarioParser.Result r = new ScenarioParser(VALIDATOR).parse("probe.yaml", scenario(checks));
        assertThat(r.problems()).isEmpty();
        Attempt attempt = Attempt.start(r.scenario(), SandboxClock.fixed(Instant.parse("2025-03-01T09:00:00Z")), 3L, VALIDATOR);
        change.accept(attempt);
        return grader.grade(attempt);
    }

    static List<Boolean> passed(GradeReport report) {
        return report.checks().stream().map(GradeReport.CheckResult::passed).toList();
    }

    @Test
    void serviceAndAnonymousProbesReadTheBucketPolicy() {
        // A service principal is allowed only by a resource-based policy, here only for its own account's source
        // (https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html); an anonymous request only where the
        // policy names "*" (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html).
        String checks = """
                  - {kind: allowed, title: {en: a, ko: 가}, points: 10, principal: service cloudtrail.amazonaws.com, action: s3:PutObject, resource: "arn:aws:s3:::dojo-logs/AWSLogs/x", context: {"aws:SourceAccount": ["111122223333"]}}
                  - {kind: denied, title: {en: b, ko: 나}, points: 10, principal: service cloudtrail.amazonaws.com, action: s3:PutObject, resource: "arn:aws:s3:::dojo-logs/AWSLogs/x", context: {"aws:SourceAccount": ["444455556666"]}}
                  - {kind: denied, title: {en: c, ko: 다}, points: 10, principal: service logging.s3.amazonaws.com, action: s3:PutObject, resource: "arn:aws:s3:::dojo-logs/AWSLogs/x", context: {"aws:SourceAccount": ["111122223333"]}}
                  - {kind: allowed, title: {en: d, ko: 라}, points: 10, principal: anonymous, action: s3:GetObject, resource: "arn:aws:s3:::dojo-logs/public/index.html"}
                  - {kind: denied, title: {en: e, ko: 마}, points: 10, principal: anonymous, action: s3:GetObject, resource: "arn:aws:s3:::dojo-logs/private/x"}
                """;
        assertThat(passed(grade(checks, a -> { }))).containsExactly(true, true, true, true, true);
        GradeReport closed = grade(checks, a -> a.sandbox().setup(A, "s3", "DeleteBucketPolicy", Params.of("Bucket", "dojo-logs")));
        assertThat(passed(closed)).containsExactly(false, true, true, false, true);
    }

    @Test
    void anEmptyContextListMeansTheKeyIsAbsent() {
        // "aws:MultiFactorAuthPresent ... is not present when an IAM user uses long-term access keys", so a Bool
        // condition does not match and the Deny does not apply
        // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent).
        String checks = """
                  - {kind: allowed, title: {en: a, ko: 가}, points: 10, principal: user ops, action: s3:DeleteObject, resource: "arn:aws:s3:::dojo-logs/a", context: {"aws:MultiFactorAuthPresent": []}}
                  - {kind: denied, title: {en: b, ko: 나}, points: 10, principal: user ops, action: s3:DeleteObject, resource: "arn:aws:s3:::dojo-logs/a"}
                """;
        assertThat(passed(grade(checks, a -> { }))).containsExactly(true, true);
    }

    @Test
    void maxSessionDurationReadsTheRole() {
        // MaxSessionDuration is 3600 seconds unless set (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html).
        String checks = """
                  - {kind: maxSessionDuration, title: {en: a, ko: 가}, points: 10, role: Job, atLeast: 10800, atMost: 14400}
                """;
        GradeReport untouched = grade(checks, a -> { });
        assertThat(passed(untouched)).containsExactly(false);
        assertThat(untouched.checks().get(0).explanation().in(Locale.ENGLISH)).contains("1 hour").contains("3 hours");
        assertThat(passed(grade(checks, a -> a.sandbox().setup(A, "iam", "UpdateRole",
                Params.of("RoleName", "Job", "MaxSessionDuration", "14400"))))).containsExactly(true);
        GradeReport tooLong = grade(checks, a -> a.sandbox().setup(A, "iam", "UpdateRole",
                Params.of("RoleName", "Job", "MaxSessionDuration", "43200")));
        assertThat(passed(tooLong)).containsExactly(false);
        assertThat(tooLong.checks().get(0).explanation().in(Locale.KOREAN)).contains("12시간");
    }

    @Test
    void passwordPolicyMustBeAtLeastAsStrict() {
        // The settings and their names: https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAccountPasswordPolicy.html
        String checks = """
                  - {kind: passwordPolicy, title: {en: a, ko: 가}, points: 10, minimumPasswordLength: 14, requireSymbols: true, maxPasswordAge: 90, passwordReusePrevention: 24}
                """;
        GradeReport none = grade(checks, a -> { });
        assertThat(passed(none)).containsExactly(false);
        assertThat(none.checks().get(0).explanation().in(Locale.ENGLISH)).contains("no password policy");
        GradeReport weak = grade(checks, a -> a.sandbox().setup(A, "iam", "UpdateAccountPasswordPolicy",
                Params.of("MinimumPasswordLength", "12", "RequireSymbols", "true", "MaxPasswordAge", "180")));
        assertThat(passed(weak)).containsExactly(false);
        assertThat(weak.checks().get(0).explanation().in(Locale.ENGLISH)).contains("minimum length is 12").contains("180 days")
                .contains("old passwords may be reused");
        GradeReport strict = grade(checks, a -> a.sandbox().setup(A, "iam", "UpdateAccountPasswordPolicy",
                Params.of("MinimumPasswordLength", "16", "RequireSymbols", "true", "MaxPasswordAge", "60",
                        "PasswordReusePrevention", "24")));
        assertThat(passed(strict)).containsExactly(true);
    }

    @Test
    void probePrincipalsAreOnlyForAccessChecks() {
        ScenarioParser.Result r = new ScenarioParser(VALIDATOR).parse("probe.yaml", scenario("""
                  - {kind: permissionsWithin, title: {en: a, ko: 가}, points: 10, principal: anonymous, reference: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "s3:GetObject", Resource: "*"}]}}
                  - {kind: denied, title: {en: b, ko: 나}, points: 10, principal: service cloudtrail, action: s3:GetObject}
                """));
        assertThat(r.problems()).extracting(ScenarioProblem::path).containsExactly("checks[0].principal", "checks[1].principal");
    }
}
