package org.iamdojo.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.iamdojo.iam.eval.AuthorizationRequest;
import org.iamdojo.iam.eval.Authorizer;
import org.iamdojo.iam.eval.CompiledPolicy;
import org.iamdojo.iam.eval.Decision;
import org.iamdojo.iam.eval.RequestContext;
import org.iamdojo.iam.policy.ArnPattern;
import org.iamdojo.iam.policy.ArnTarget;
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
 * Wildcard matching on the worst legal input: an S3 object ARN with a 1,024-byte key (S3's maximum) against
 * Resource patterns of 2,048 characters (the longest ARN) shaped to be expensive: (1) a thousand stars, (2) a
 * literal part of 512 characters after a star that almost matches everywhere (the previous backtracking matcher's
 * worst case, 1.6 ms), (3) such a part of letters and '?' (2.2 ms before), and (4) a whole decision with (1) in an
 * identity policy. Goal < 1 ms.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class WildcardBenchmark {
    static final String PREFIX = "arn:aws:s3:::reports/";

    private final Authorizer authorizer = new Authorizer();
    private ArnTarget key;
    private ArnPattern manyStars;
    private ArnPattern longLiteralPart;
    private ArnPattern longWildPart;
    private AuthorizationRequest decision;

    @Setup
    public void setUp() throws Exception {
        String arn = PREFIX + "a".repeat(1024);
        key = ArnTarget.of(arn);
        manyStars = ArnPattern.compile(fill(PREFIX, "*a", "*b*"));
        // A part longer than the key never fits (refused at once); backtracking costs most with a part of half the
        // key, which it tries at every one of the other half's places. Stars fill the rest of the 2,048 (more
        // letters would make the pattern longer than any key it could match).
        longLiteralPart = ArnPattern.compile(fill(PREFIX + "*" + "a".repeat(511) + "b", "*", ""));
        longWildPart = ArnPattern.compile(fill(PREFIX + "*" + "a?".repeat(255) + "ab", "*", ""));
        for (ArnPattern p : List.of(manyStars, longLiteralPart, longWildPart)) {
            if (p.source().length() != 2048 || p.matches(key)) {
                throw new IllegalStateException("not a 2,048-character pattern that fails: " + p.source());
            }
        }
        String doc = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"" + manyStars.source() + "\"}]}";
        decision = AuthorizationRequest.of("arn:aws:iam::111122223333:user/alice", "s3:GetObject", arn,
                RequestContext.of(Map.of()), List.of(CompiledPolicy.parse(doc, "LongestPattern")));
    }

    /** {@code head} then {@code unit} repeated, then {@code tail}, 2,048 characters in all. */
    static String fill(String head, String unit, String tail) {
        StringBuilder sb = new StringBuilder(head);
        while (sb.length() + unit.length() + tail.length() <= 2048) {
            sb.append(unit);
        }
        while (sb.length() + tail.length() < 2048) {
            sb.append(unit.charAt(0));
        }
        return sb.append(tail).toString();
    }

    /** (1) about a thousand stars. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public boolean manyStars() {
        return manyStars.matches(key);
    }

    /** (2) one long literal part after a star. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public boolean longLiteralPart() {
        return longLiteralPart.matches(key);
    }

    /** (3) one long part of alternating letters and '?'. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public boolean longWildPart() {
        return longWildPart.matches(key);
    }

    /** (4) a whole decision with the starry pattern in an identity policy. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Decision decisionWithLongestPattern() {
        return authorizer.authorize(decision);
    }
}
