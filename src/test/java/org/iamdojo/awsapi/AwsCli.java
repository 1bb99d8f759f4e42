package org.iamdojo.awsapi;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real AWS CLI v2 (Debian's awscli at /usr/bin/aws, installed by .ci/run) run as a subprocess in tests. */
public final class AwsCli {
    /** Where Debian installs it (pip's 1.x elsewhere on PATH is not used). */
    public static final File AWS = new File("/usr/bin/aws");

    /** What a run printed (stdout and stderr together) and its exit code. */
    public record Run(int exit, String out) {
    }

    private AwsCli() {
    }

    /** Runs {@code aws ARGS} with only {@code env} (plus PATH and HOME) against {@code env}'s AWS_ENDPOINT_URL. */
    public static Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder();
        pb.command().add(AWS.getPath());
        pb.command().addAll(List.of(args));
        // CLI 2.9 predates AWS_ENDPOINT_URL (read from 2.13 on): pass the endpoint as --endpoint-url too.
        pb.command().addAll(List.of("--endpoint-url", env.get("AWS_ENDPOINT_URL")));
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("HOME", System.getProperty("java.io.tmpdir"));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("aws " + String.join(" ", args) + " did not end within 60 s");
        }
        return new Run(p.exitValue(), out);
    }
}
