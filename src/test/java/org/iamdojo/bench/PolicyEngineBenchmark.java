package org.iamdojo.bench;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.iamdojo.iam.cli.AuthorizeCommand;
import org.iamdojo.iam.eval.AuthorizationRequest;
import org.iamdojo.iam.eval.Authorizer;
import org.iamdojo.iam.eval.CompiledPolicy;
import org.iamdojo.iam.eval.Decision;
import org.iamdojo.iam.eval.RequestContext;
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
 * The engine's speed: (a) one request against 3 small policies, (b) one request against an account-sized set
 * (40 policies × 10 statements with wildcards and conditions), (c) the authorize command end to end over
 * 100,000 JSON lines including parsing and output. Run: see README "Benchmarks".
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PolicyEngineBenchmark {
    static final int LINES = 100_000;

    private final Authorizer authorizer = new Authorizer();
    private AuthorizationRequest small;
    private AuthorizationRequest large;
    private byte[] jsonLines;

    @Setup
    public void setUp() throws Exception {
        List<CompiledPolicy> three = List.of(
                CompiledPolicy.parse("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:List*"],
                        "Resource":["arn:aws:s3:::reports","arn:aws:s3:::reports/*"]}]}""", "ReadReports"),
                CompiledPolicy.parse("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*",
                        "Resource":"arn:aws:s3:::reports/secret/*"}]}""", "NoSecrets"),
                CompiledPolicy.parse("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:Describe*","Resource":"*"}]}""",
                        "DescribeEc2"));
        RequestContext ctx = RequestContext.of(Map.of("aws:SourceIp", List.of("10.1.2.3"),
                "aws:MultiFactorAuthPresent", List.of("true"), "aws:PrincipalTag/team", List.of("blue")));
        small = AuthorizationRequest.of("arn:aws:iam::111122223333:user/alice", "s3:GetObject",
                "arn:aws:s3:::reports/q1.csv", ctx, three);
        large = AuthorizationRequest.of("arn:aws:iam::111122223333:user/alice", "s3:GetObject",
                "arn:aws:s3:::reports/q1.csv", ctx, accountSized());
        StringBuilder sb = new StringBuilder();
        String[] actions = {"s3:GetObject", "s3:PutObject", "ec2:DescribeInstances", "iam:CreateUser"};
        for (int i = 0; i < LINES; i++) {
            sb.append("{\"principal\":\"arn:aws:iam::111122223333:user/u").append(i % 50)
                    .append("\",\"action\":\"").append(actions[i % actions.length])
                    .append("\",\"resource\":\"arn:aws:s3:::reports/f").append(i % 1000)
                    .append(".csv\",\"context\":{\"aws:SourceIp\":\"10.0.").append(i % 250).append(".1\"},")
                    .append("\"identityPolicies\":[{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",")
                    .append("\"Action\":[\"s3:Get*\",\"ec2:Describe*\"],\"Resource\":\"*\",\"Condition\":{\"IpAddress\":")
                    .append("{\"aws:SourceIp\":\"10.0.0.0/16\"}}}]}]}\n");
        }
        jsonLines = sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** 40 policies × 10 statements, wildcards and conditions, only the last one allowing the request. */
    static List<CompiledPolicy> accountSized() throws Exception {
        List<CompiledPolicy> policies = new ArrayList<>();
        String[] services = {"ec2", "iam", "cloudwatch", "logs", "kms", "sts", "cloudtrail", "dynamodb"};
        for (int p = 0; p < 40; p++) {
            StringBuilder doc = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
            for (int s = 0; s < 10; s++) {
                if (s > 0) {
                    doc.append(',');
                }
                boolean last = p == 39 && s == 9;
                String service = last ? "s3" : services[(p + s) % services.length];
                doc.append("{\"Sid\":\"P").append(p).append("S").append(s).append("\",\"Effect\":\"Allow\",")
                        .append("\"Action\":[\"").append(service).append(":Get*\",\"").append(service)
                        .append(":List?\",\"").append(service).append(":Describe*\"],")
                        .append("\"Resource\":[\"arn:aws:").append(service).append(":*:111122223333:thing/")
                        .append(p).append("/*\",\"arn:aws:s3:::reports/*\"],")
                        .append("\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/team\":[\"blue\",\"red\"]},")
                        .append("\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"},")
                        .append("\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}");
            }
            doc.append("]}");
            policies.add(CompiledPolicy.parse(doc.toString(), "policy-" + p));
        }
        return policies;
    }

    /** (a) one decision against 3 small policies. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Decision smallPolicySet() {
        return authorizer.authorize(small);
    }

    /** (b) one decision against 40 policies × 10 statements. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Decision accountSizedPolicySet() {
        return authorizer.authorize(large);
    }

    /** (c) the authorize command over 100,000 JSON lines, parsing and output included (one op = all lines). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public int authorizeCommand100kLines() {
        return AuthorizeCommand.run(new String[0], new ByteArrayInputStream(jsonLines),
                new PrintStream(OutputStream.nullOutputStream()), System.err);
    }
}
