package org.iamdojo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.iamdojo.iam.analysis.NoNewAccessCheck;
import org.iamdojo.iam.analysis.NoNewAccessCheck.Verdict;
import org.iamdojo.iam.eval.CompiledPolicy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One CheckNoNewAccess (issue 21) on seeded pairs of identity policies of 10 statements each (Allow and Deny,
 * Action/NotAction, Resource/NotResource, wildcards, String/Numeric/Date/Bool/IpAddress conditions, some with
 * IfExists and ForAnyValue): sample time, so JMH prints p50 and p95. Targets p50 < 20 ms, p95 < 200 ms.
 * Run: {@code mvn -Pbench test-compile exec:exec -Dbench.args="PolicyCheckBenchmark -f 1"}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PolicyCheckBenchmark {
    private static final String[] ACTIONS = {"s3:GetObject", "s3:Get*", "s3:*", "s3:PutObject", "iam:*",
        "iam:CreateUser", "ec2:Describe*", "s3:?etObject", "dynamodb:Query", "sqs:*"};
    private static final String[] RESOURCES = {"*", "arn:aws:s3:::b1/*", "arn:aws:s3:::b1", "arn:aws:s3:::b*",
        "arn:aws:s3:::b1/k?", "arn:aws:iam::111122223333:user/*", "arn:aws:s3:::*/x",
        "arn:aws:dynamodb:*:111122223333:table/t*"};
    private static final String[] CONDITIONS = {
        "\"StringEquals\":{\"aws:PrincipalTag/team\":\"blue\"}",
        "\"StringLike\":{\"s3:prefix\":[\"home/*\",\"shared/*\"]}",
        "\"NumericLessThan\":{\"s3:max-keys\":\"100\"}",
        "\"DateGreaterThan\":{\"aws:CurrentTime\":\"2026-01-01T00:00:00Z\"}",
        "\"Bool\":{\"aws:SecureTransport\":\"true\"}",
        "\"IpAddress\":{\"aws:SourceIp\":[\"203.0.113.0/24\",\"198.51.100.0/24\"]}",
        "\"StringNotEqualsIfExists\":{\"aws:RequestedRegion\":\"eu-west-1\"}",
        "\"ForAnyValue:StringEquals\":{\"aws:TagKeys\":[\"env\",\"owner\"]}",
    };

    private final NoNewAccessCheck check = new NoNewAccessCheck();
    private final List<CompiledPolicy[]> pairs = new ArrayList<>();
    private int next;

    @Setup
    public void setUp() throws Exception {
        Random rnd = new Random(21);
        for (int i = 0; i < 64; i++) {
            pairs.add(new CompiledPolicy[] {policy(rnd), policy(rnd)});
        }
    }

    static CompiledPolicy policy(Random rnd) throws Exception {
        List<String> st = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String effect = rnd.nextInt(5) == 0 ? "Deny" : "Allow";
            String action = (rnd.nextInt(6) == 0 ? "\"NotAction\":" : "\"Action\":") + "[\""
                    + ACTIONS[rnd.nextInt(ACTIONS.length)] + "\",\"" + ACTIONS[rnd.nextInt(ACTIONS.length)] + "\"]";
            String resource = (rnd.nextInt(6) == 0 ? "\"NotResource\":\"" : "\"Resource\":\"")
                    + RESOURCES[rnd.nextInt(RESOURCES.length)] + "\"";
            StringBuilder cond = new StringBuilder();
            int n = rnd.nextInt(3);
            int first = rnd.nextInt(CONDITIONS.length);
            for (int c = 0; c < n; c++) {
                // distinct operators: a Condition block names each operator once
                cond.append(c == 0 ? "" : ",").append(CONDITIONS[(first + c) % CONDITIONS.length]);
            }
            st.add("{\"Effect\":\"" + effect + "\"," + action + "," + resource
                    + (n == 0 ? "" : ",\"Condition\":{" + cond + "}") + "}");
        }
        return CompiledPolicy.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", st) + "]}", "p");
    }

    @Benchmark
    public Verdict checkNoNewAccess() {
        CompiledPolicy[] p = pairs.get(next++ & 63);
        return check.check(List.of(p[0]), List.of(p[1]));
    }
}
