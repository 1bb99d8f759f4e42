package org.iamdojo.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.iam.time.SandboxClock;
import org.iamdojo.scenario.Attempt;
import org.iamdojo.scenario.GradeReport;
import org.iamdojo.scenario.Grader;
import org.iamdojo.scenario.Scenario;
import org.iamdojo.scenario.ScenarioCatalog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole-scenario grading ("Check my work") with the proof-based checks (permissionsWithin, noPublicAccess) (issue 21;
 * target < 500 ms): every shipped scenario after its reference solution ({@code solution=reference}) and after its
 * {@code lazySolution}, the typical wrong answer each scenario ships ({@code solution=wrong}). Grading leaves the
 * smallest fix of a failed least-privilege check to the learner's "Suggest the smallest fix";
 * {@link #gradeThenSuggestFix()} adds it for every failed check, so its time less {@link #grade()}'s is the learner's
 * wait after pressing the button. Sample time, so JMH prints p50 and p95 per scenario.
 * Run: {@code mvn -Pbench test-compile exec:exec -Dbench.args="GradingBenchmark -f 1"}; one scenario:
 * {@code -Dbench.args="GradingBenchmark -f 1 -p scenario=developers-and-testers"}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GradingBenchmark {
    @Param({"abac-project-tags", "bucket-policy-vs-iam-policy", "confused-deputy-service-principal",
        "cross-account-monitoring", "delegated-role-admin", "developers-and-testers", "ec2-to-s3-without-keys",
        "explicit-deny-conditions", "explicit-deny-wins", "keys-vs-console", "kms-key-policy", "mfa-cli-session-token",
        "mfa-required-console", "notaction-notresource-pitfalls", "passrole-least-privilege",
        "password-policy-and-stale-credentials", "permissions-boundary", "privilege-escalation", "rcp-data-perimeter",
        "revoke-role-sessions", "role-chaining-session-duration", "root-account-hygiene", "s3-public-bucket-closed",
        "scp-approved-regions", "scp-protect-trail-and-member-root", "session-tags-and-policies",
        "source-ip-conditions", "temporary-credentials"})
    public String scenario;

    @Param({"reference", "wrong"})
    public String solution;

    private Grader grader;
    private Attempt attempt;

    @Setup
    public void setUp() {
        PolicyValidator validator = PolicyValidator.standard();
        Scenario s = new ScenarioCatalog(Path.of("scenarios"), validator).scenario(scenario).orElseThrow();
        grader = new Grader(validator);
        attempt = Attempt.start(s, SandboxClock.fixed(Instant.parse("2025-03-01T09:00:00Z")), 7L, validator);
        attempt.apply("reference".equals(solution) ? s.solution() : s.lazySolution());
        GradeReport first = grader.grade(attempt);
        if ("reference".equals(solution) && first.total() != first.max()) {
            throw new IllegalStateException(scenario + ": the reference solution scores " + first.total());
        }
    }

    @Benchmark
    public GradeReport grade() {
        return grader.grade(attempt);
    }

    /** Grading, then the smallest fix of each failed check that offers one (each grading makes its own). */
    @Benchmark
    public int gradeThenSuggestFix() {
        int changes = 0;
        for (GradeReport.CheckResult c : grader.grade(attempt).checks()) {
            if (c.proof() != null && c.proof().fix() != null) {
                changes += c.proof().fix().get().changes().size();
            }
        }
        return changes;
    }
}
