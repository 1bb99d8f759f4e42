package org.iamdojo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iamdojo.iam.SandboxFactory;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.time.SandboxClock;
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
 * Operations per second on one sandbox of account size (50 users, 20 roles, 60 customer managed policies), as
 * an IAM user with group policies: a read (GetUser, authorized) and a write (PutUserPolicy, validated and
 * authorized). {@link #main} measures the heap one such sandbox takes.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SandboxBenchmark {
    static final String ACCOUNT = "111122223333";
    private Sandbox sandbox;
    private Credentials operator;
    private final Params getUser = Params.of("UserName", "user-7");
    private final Params putPolicy = Params.of("UserName", "user-8", "PolicyName", "scratch", "PolicyDocument",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}");

    @Setup
    public void setUp() {
        sandbox = accountSized(1L);
        JsonNode key = sandbox.setup(ACCOUNT, "iam", "CreateAccessKey", Params.of("UserName", "user-0")).get("AccessKey");
        operator = Credentials.AccessKeyPair.longTerm(key.get("AccessKeyId").asText(), key.get("SecretAccessKey").asText());
    }

    /** A sandbox with 50 users in 5 groups, 20 roles and 60 customer managed policies attached around. */
    static Sandbox accountSized(long seed) {
        Sandbox sb = SandboxFactory.create(new SandboxClock(Clock.systemUTC()), seed);
        sb.createAccount(ACCOUNT, "root@example.com", "root-password-1");
        for (int p = 0; p < 60; p++) {
            sb.setup(ACCOUNT, "iam", "CreatePolicy", Params.of("PolicyName", "policy-" + p, "PolicyDocument",
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:Get*\",\"s3:List*\"],"
                            + "\"Resource\":\"arn:aws:s3:::bucket-" + p + "/*\"},{\"Effect\":\"Allow\",\"Action\":\"iam:Get*\","
                            + "\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}}]}"));
        }
        for (int g = 0; g < 5; g++) {
            sb.setup(ACCOUNT, "iam", "CreateGroup", Params.of("GroupName", "group-" + g));
            for (int k = 0; k < 4; k++) {
                sb.setup(ACCOUNT, "iam", "AttachGroupPolicy", Params.of("GroupName", "group-" + g,
                        "PolicyArn", "arn:aws:iam::111122223333:policy/policy-" + (g * 4 + k)));
            }
        }
        sb.setup(ACCOUNT, "iam", "AttachGroupPolicy", Params.of("GroupName", "group-0",
                "PolicyArn", "arn:aws:iam::aws:policy/IAMFullAccess"));
        for (int u = 0; u < 50; u++) {
            sb.setup(ACCOUNT, "iam", "CreateUser", Params.of("UserName", "user-" + u));
            sb.setup(ACCOUNT, "iam", "AddUserToGroup", Params.of("GroupName", "group-" + (u % 5), "UserName", "user-" + u));
            sb.setup(ACCOUNT, "iam", "AttachUserPolicy", Params.of("UserName", "user-" + u,
                    "PolicyArn", "arn:aws:iam::111122223333:policy/policy-" + (20 + u % 40)));
        }
        for (int r = 0; r < 20; r++) {
            sb.setup(ACCOUNT, "iam", "CreateRole", Params.of("RoleName", "role-" + r, "AssumeRolePolicyDocument",
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
            sb.setup(ACCOUNT, "iam", "AttachRolePolicy", Params.of("RoleName", "role-" + r,
                    "PolicyArn", "arn:aws:iam::111122223333:policy/policy-" + (r * 3)));
        }
        return sb;
    }

    /** An authorized read. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public CallResult readOperation() {
        return sandbox.call(operator, "iam", "GetUser", getUser, "203.0.113.10");
    }

    /** An authorized write with policy validation. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public CallResult writeOperation() {
        return sandbox.call(operator, "iam", "PutUserPolicy", putPolicy, "203.0.113.10");
    }

    /** Prints the heap taken per account-sized sandbox (20 of them, after full GCs). */
    public static void main(String[] args) {
        int n = 20;
        accountSized(0L); // load classes and shared catalogs first
        long before = usedAfterGc();
        List<Sandbox> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            kept.add(accountSized(i + 100L));
        }
        long after = usedAfterGc();
        System.out.printf("heap per sandbox (50 users, 20 roles, 60 policies): %.2f MB (%d sandboxes kept: %d)%n",
                (after - before) / (double) n / (1024 * 1024), n, kept.size());
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
