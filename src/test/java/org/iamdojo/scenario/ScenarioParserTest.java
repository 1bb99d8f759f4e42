package org.iamdojo.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.iam.time.SandboxClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken scenario files are reported with file, line and field; a broken file never hides the others. */
class ScenarioParserTest {
    static final PolicyValidator VALIDATOR = PolicyValidator.standard();
    final ScenarioParser parser = new ScenarioParser(VALIDATOR);

    static String good() throws IOException {
        return Files.readString(Path.of("scenarios/explicit-deny-wins.yaml"));
    }

    ScenarioProblem only(String text) {
        ScenarioParser.Result r = parser.parse("explicit-deny-wins.yaml", text);
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).isNotEmpty();
        return r.problems().get(0);
    }

    static int lineOf(String text, String needle) {
        String before = text.substring(0, text.indexOf(needle));
        return (int) before.chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void goodFileParses() throws IOException {
        assertThat(parser.parse("explicit-deny-wins.yaml", good()).problems()).isEmpty();
    }

    @Test
    void unknownField() throws IOException {
        String text = good().replace("minutes: 15", "minutes: 15\ndifficulty: hard");
        ScenarioProblem p = only(text);
        assertThat(p.file()).isEqualTo("explicit-deny-wins.yaml");
        assertThat(p.path()).isEqualTo("difficulty");
        assertThat(p.line()).isEqualTo(lineOf(text, "difficulty"));
    }

    @Test
    void nestingTooDeepIsLocatedAtItsLine() throws IOException {
        // Found by InputFuzzTest: Jackson's nesting limit error has no location, so the problem had line 0.
        String text = good().replace("minutes: 15", "minutes: " + "[".repeat(1500) + "15" + "]".repeat(1500));
        ScenarioProblem p = only(text);
        assertThat(p.file()).isEqualTo("explicit-deny-wins.yaml");
        assertThat(p.message()).contains("nesting depth");
        assertThat(p.line()).isEqualTo(lineOf(text, "minutes:"));
    }

    /**
     * Issue 19.5: a repeated key is refused, not last-wins, as IAM refuses it in a policy
     * (https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_policies.html#policy-duplicate-key).
     */
    @Test
    void aRepeatedKeyInTheScenarioIsLocated() throws IOException {
        String text = good().replace("minutes: 15", "minutes: 15\nminutes: 20");
        ScenarioProblem p = only(text);
        assertThat(p.message()).contains("Duplicate field 'minutes'");
        assertThat(p.line()).isEqualTo(lineOf(text, "minutes: 20"));
    }

    @Test
    void aRepeatedKeyInsideAPolicyOfTheScenarioIsLocated() throws IOException {
        String text = good().replace("{Sid: NoBucketDeletion, Effect: Deny,", "{Sid: NoBucketDeletion, Effect: Allow, Effect: Deny,");
        ScenarioProblem p = only(text);
        assertThat(p.message()).contains("Duplicate field 'Effect'");
        assertThat(p.line()).isEqualTo(lineOf(text, "Effect: Allow, Effect: Deny"));
    }

    @Test
    void wrongType() throws IOException {
        String text = good().replace("minutes: 15", "minutes: a quarter hour");
        ScenarioProblem p = only(text);
        assertThat(p.path()).isEqualTo("minutes");
        assertThat(p.line()).isEqualTo(lineOf(text, "minutes:"));
    }

    @Test
    void wrongTypeInsideACheck() throws IOException {
        String text = good().replace("points: 40", "points: forty");
        ScenarioProblem p = only(text);
        assertThat(p.path()).isEqualTo("checks[2].points");
        assertThat(p.line()).isEqualTo(lineOf(text, "points: forty"));
    }

    @Test
    void missingKoreanText() throws IOException {
        ScenarioParser.Result r = parser.parse("explicit-deny-wins.yaml", good().replace(
                "title: {en: \"Explicit deny wins\", ko: \"명시적 거부가 이긴다\"}", "title: {en: \"Explicit deny wins\"}"));
        assertThat(r.problems()).extracting(ScenarioProblem::path).containsExactly("title.ko");
        assertThat(r.problems().get(0).line()).isEqualTo(lineOf(good(), "title: {en: \"Explicit"));
    }

    @Test
    void checkNamingAUserNeverCreated() throws IOException {
        String text = good().replace("principal: user ops\n    action: s3:DeleteBucket", "principal: user opz\n    action: s3:DeleteBucket");
        ScenarioProblem p = only(text);
        assertThat(p.path()).isEqualTo("checks[2].principal");
        assertThat(p.message()).contains("never creates user 'opz'");
        assertThat(p.line()).isEqualTo(lineOf(text, "principal: user opz"));
    }

    /** Every step must be doable from the UI: a learner never sees what the setup saved. */
    @Test
    void solutionUsingAKeyOnlyTheSetupSawIsRefused() throws IOException {
        String text = Files.readString(Path.of("scenarios/cross-account-monitoring.yaml"))
                .replace("  profiles: {watcher: watcherKey}\n", "");
        ScenarioParser.Result r = parser.parse("cross-account-monitoring.yaml", text);
        assertThat(r.problems()).extracting(ScenarioProblem::path).containsExactly("solution[6].as");
        assertThat(r.problems().get(0).message()).contains("saved only by the setup").contains("learner.profiles");
    }

    @Test
    void profileNamingAVariableTheSetupNeverSavesIsRefused() throws IOException {
        String text = Files.readString(Path.of("scenarios/cross-account-monitoring.yaml"))
                .replace("profiles: {watcher: watcherKey}", "profiles: {watcher: watcherKee}");
        ScenarioParser.Result r = parser.parse("cross-account-monitoring.yaml", text);
        assertThat(r.problems()).extracting(ScenarioProblem::path).contains("learner.profiles.watcher");
    }

    @Test
    void theLearnerIsHandedTheProfileKeys() throws IOException {
        ScenarioParser.Result r = parser.parse("cross-account-monitoring.yaml",
                Files.readString(Path.of("scenarios/cross-account-monitoring.yaml")));
        Attempt attempt = Attempt.start(r.scenario(), SandboxClock.system(), 7L, VALIDATOR);
        var keys = attempt.handedProfiles();
        assertThat(keys).containsOnlyKeys("watcher");
        var who = attempt.sandbox().call(keys.get("watcher"), "sts", "GetCallerIdentity",
                org.iamdojo.iam.account.Params.of(), null);
        assertThat(who.response().path("Arn").asText()).isEqualTo("arn:aws:iam::444455556666:user/watcher");
    }

    @Test
    void invalidPolicy() throws IOException {
        String text = good().replace("Sid: NoLegalHoldDeletion, Effect: Deny", "Sid: NoLegalHoldDeletion, Effect: Denied");
        ScenarioProblem p = only(text);
        assertThat(p.path()).isEqualTo("solution[1].params.PolicyDocument");
        assertThat(p.message()).contains("policy is invalid");
        assertThat(p.line()).isEqualTo(lineOf(text, "PolicyDocument: {Version: \"2012-10-17\", Statement: [{Sid: NoLegalHold"));
    }

    @Test
    void catalogKeepsWorkingWithOneBrokenFileAndReloads(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("explicit-deny-wins.yaml"), good());
        Files.writeString(dir.resolve("broken.yaml"), "id: broken\nversion: one\n");
        ScenarioCatalog catalog = new ScenarioCatalog(dir, VALIDATOR);
        assertThat(catalog.scenarios()).extracting(Scenario::id).containsExactly("explicit-deny-wins");
        assertThat(catalog.unavailable()).singleElement().satisfies(u -> {
            assertThat(u.file()).isEqualTo("broken.yaml");
            assertThat(u.problems().get(0).line()).isEqualTo(2);
            assertThat(u.problems().get(0).path()).isEqualTo("version");
        });
        Files.delete(dir.resolve("broken.yaml"));
        catalog.reload();
        assertThat(catalog.unavailable()).isEmpty();
        assertThat(catalog.scenario("explicit-deny-wins")).isPresent();
    }

    @Test
    void failedAllowedCheckNamesThePolicyAndTheFailingElement() throws IOException {
        String text = good().replace("checks:\n", "checks:\n  - {kind: allowed, title: {en: \"ops reads legal docs\", ko: \"ops가 법무 문서를 읽음\"}, points: 5, principal: user ops, action: s3:GetObject, resource: \"arn:aws:s3:::dojo-legal-hold/case-17/contract.pdf\"}\n");
        Scenario s = parser.parse("explicit-deny-wins.yaml", text).scenario();
        assertThat(s).isNotNull();
        Attempt attempt = Attempt.start(s, SandboxClock.fixed(Instant.parse("2025-03-01T09:00:00Z")), 1L, VALIDATOR);
        attempt.sandbox().setup("111122223333", "iam", "DetachGroupPolicy", org.iamdojo.iam.account.Params.of(
                "GroupName", "Admins", "PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess"));
        attempt.sandbox().setup("111122223333", "iam", "PutGroupPolicy", org.iamdojo.iam.account.Params.of(
                "GroupName", "Admins", "PolicyName", "ReadReports", "PolicyDocument",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::dojo-legal/*\"}]}"));
        GradeReport report = new Grader(PolicyValidator.standard()).grade(attempt);
        GradeReport.CheckResult first = report.checks().get(0);
        assertThat(first.passed()).isFalse();
        assertThat(first.explanation().in(Locale.ENGLISH)).contains("ops cannot s3:GetObject on arn:aws:s3:::dojo-legal-hold/case-17/contract.pdf")
                .contains("ReadReports").contains("Resource arn:aws:s3:::dojo-legal/*").contains("does not match");
        assertThat(first.explanation().in(Locale.KOREAN)).contains("ReadReports").contains("Resource 요소(arn:aws:s3:::dojo-legal/*)");
    }

    @Test
    void iamPolicyVariablesAreNotScenarioVariables() throws IOException {
        // ${aws:username} is resolved by IAM at request time
        // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html), never by the scenario.
        String text = good().replace("Resource: \"arn:aws:s3:::dojo-legal-hold\"}]}",
                "Resource: \"arn:aws:s3:::dojo-legal-hold/${aws:username}/*\"}]}");
        assertThat(text).contains("${aws:username}");
        assertThat(parser.parse("explicit-deny-wins.yaml", text).problems()).isEmpty();
        String unsaved = good().replace("Bucket: dojo-old-logs}, expectError", "Bucket: \"${oldBucket}\"}, expectError");
        assertThat(only(unsaved).message()).contains("variable oldBucket is used before an operation saves it");
    }

    @Test
    void aTrustPolicyUpdateIsValidatedAsATrustPolicy() throws IOException {
        // UpdateAssumeRolePolicy's PolicyDocument is a trust policy: a Principal is required there, not refused.
        // https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAssumeRolePolicy.html
        String trust = "{Version: \"2012-10-17\", Statement: [{Effect: Allow, Principal: {AWS: \"arn:aws:iam::111122223333:root\"}, Action: \"sts:AssumeRole\"}]}";
        String text = good().replace("lazySolution:\n", "lazySolution:\n  - {as: user ops, service: iam, operation: UpdateAssumeRolePolicy, params: {RoleName: Ops, PolicyDocument: " + trust + "}}\n");
        assertThat(parser.parse("explicit-deny-wins.yaml", text).problems()).isEmpty();
        String asIdentity = good().replace("lazySolution:\n", "lazySolution:\n  - {as: user ops, service: iam, operation: PutUserPolicy, params: {UserName: ops, PolicyName: X, PolicyDocument: " + trust + "}}\n");
        assertThat(parser.parse("explicit-deny-wins.yaml", asIdentity).problems()).extracting(ScenarioProblem::message)
                .anyMatch(m -> m.contains("UNSUPPORTED_PRINCIPAL"));
    }

    @Test
    void setupCallsMayUseOnlyKeysTheSetupSaved() throws IOException {
        // Something done before the learner arrives (an app's call) runs with keys an earlier setup call created.
        String ok = good().replace("      - {service: iam, operation: AddUserToGroup, params: {GroupName: Admins, UserName: ops}}\n",
                "      - {service: iam, operation: AddUserToGroup, params: {GroupName: Admins, UserName: ops}}\n"
                        + "      - {service: iam, operation: CreateAccessKey, params: {UserName: ops}, save: {opsKey: AccessKey}}\n"
                        + "      - {service: dojo, operation: AdvanceClock, params: {Seconds: 86400}}\n"
                        + "      - {as: keys opsKey, service: s3, operation: ListBuckets}\n");
        assertThat(ok).contains("as: keys opsKey");
        assertThat(parser.parse("explicit-deny-wins.yaml", ok).problems()).isEmpty();
        Attempt attempt = Attempt.start(parser.parse("explicit-deny-wins.yaml", ok).scenario(),
                SandboxClock.fixed(Instant.parse("2025-03-01T09:00:00Z")), 1L, VALIDATOR);
        assertThat(attempt.sandbox().now()).isEqualTo(Instant.parse("2025-03-02T09:00:00Z"));
        assertThat(attempt.sandbox().account("111122223333").user("ops").accessKeys().get(0).lastUsedDate())
                .isEqualTo(Instant.parse("2025-03-02T09:00:00Z"));
        assertThat(attempt.calls()).as("not one of the learner's calls").isEmpty();
        String asUser = ok.replace("{as: keys opsKey, service: s3", "{as: user ops, service: s3");
        assertThat(only(asUser).message()).contains("'as' may only be 'keys VAR'");
        String unsaved = ok.replace("{as: keys opsKey, service: s3", "{as: keys otherKey, service: s3");
        assertThat(only(unsaved).path()).isEqualTo("accounts[0].operations[7].as");
    }
}
