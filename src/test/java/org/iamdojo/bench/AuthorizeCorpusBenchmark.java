package org.iamdojo.bench;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import org.iamdojo.iam.cli.AuthorizeCommand;
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
 * The authorize command end to end (read, parse, compile, evaluate, write) over {@link AuthorizeCorpusGenerator}
 * lines: 3 identity policies + boundary + bucket policy of 600 B-4 kB each. {@code distinct}: every line's policy
 * texts differ, so nothing is served from the compiled-policy cache; {@code repeated}: 8 policy sets, varying
 * requests. One op = all {@link #LINES} lines; decisions/s = LINES / op time. Run:
 * {@code mvn -Pbench test-compile exec:exec -Dbench.args="AuthorizeCorpusBenchmark -f 1"}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 5)
@Measurement(iterations = 10)
public class AuthorizeCorpusBenchmark {
    static final int LINES = 20_000;

    @Param({"distinct", "repeated"})
    public String policies;

    private byte[] input;

    @Setup
    public void setUp() {
        input = AuthorizeCorpusGenerator.lines(LINES, "distinct".equals(policies), 42L);
    }

    /** All lines through the command, output discarded. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int authorizeCorpus() {
        return AuthorizeCommand.run(new String[0], new ByteArrayInputStream(input),
                new PrintStream(OutputStream.nullOutputStream()), System.err);
    }
}
