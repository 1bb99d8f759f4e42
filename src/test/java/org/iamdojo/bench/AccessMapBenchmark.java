package org.iamdojo.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iamdojo.iam.access.AccessMap;
import org.iamdojo.iam.access.AccessMapper;
import org.iamdojo.iam.account.EngineAccessEvaluator;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.account.Sandbox;
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
 * The whole access map (issue 12's target: under 200 ms) of an account-sized sandbox — 50 users in 5 groups, 20
 * roles, 60 customer managed policies ({@link SandboxBenchmark#accountSized}) — plus 10 buckets with a few
 * objects each: every can-assume, can-read and can-write edge, the power probes and every escalation technique.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AccessMapBenchmark {
    private Sandbox sandbox;
    private AccessMapper mapper;

    @Setup
    public void setUp() {
        sandbox = SandboxBenchmark.accountSized(1L);
        for (int b = 0; b < 10; b++) {
            String bucket = "bucket-" + b;
            sandbox.setup(SandboxBenchmark.ACCOUNT, "s3", "CreateBucket", Params.of("Bucket", bucket));
            for (int o = 0; o < 3; o++) {
                sandbox.setup(SandboxBenchmark.ACCOUNT, "s3", "PutObject", Params.of("Bucket", bucket,
                        "Key", "reports/" + o + ".csv", "Body", "a,b\n"));
            }
        }
        mapper = new AccessMapper(new EngineAccessEvaluator());
    }

    /** The whole map, under the sandbox's lock as dojo:GetAccessMap runs it. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public AccessMap wholeMap() {
        sandbox.lock().lock();
        try {
            return mapper.map(sandbox, List.of(SandboxBenchmark.ACCOUNT), true, true);
        } finally {
            sandbox.lock().unlock();
        }
    }

    /**
     * Prints one map's size and a rough warm timing (no JMH; for a quick look): wall clock and the CPU time of this
     * thread per map, which a loaded machine disturbs less. Optional argument: the number of measured runs.
     */
    public static void main(String[] args) {
        AccessMapBenchmark b = new AccessMapBenchmark();
        b.setUp();
        AccessMap m = b.wholeMap();
        for (int i = 0; i < 20; i++) {
            b.wholeMap();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            m = b.wholeMap();
        }
        System.out.printf("access map: %d nodes, %d edges, %d paths; %.1f ms wall clock, %.1f ms CPU per map "
                        + "(warm, %d runs)%n", m.nodes().size(), m.edges().size(), m.paths().size(),
                (System.nanoTime() - start) / 1e6 / n, (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / n, n);
    }
}
