package org.iamdojo.awsapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.iamdojo.InMemoryAppTest;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.audit.TrailEvent;
import org.iamdojo.training.attempt.AttemptService;
import org.iamdojo.training.attempt.LiveAttempt;
import org.iamdojo.training.member.MemberService;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The real AWS CLI v2 (Debian's awscli at /usr/bin/aws, installed by .ci/run) as a subprocess against the endpoint. */
@InMemoryAppTest
class AwsCliEndpointTest {
    private static final File AWS = new File("/usr/bin/aws");
    @Autowired
    AttemptService attempts;
    @Autowired
    MemberService members;
    @Autowired
    AwsEndpointServer server;

    private record Run(int exit, String out) {
    }

    private Run aws(Map<String, String> env, String... args) throws Exception {
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
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void theCliActsInTheSandboxAndCloudTrailShowsItsUserAgent() throws Exception {
        Assumptions.assumeTrue(AWS.canExecute(), "Debian's awscli is not installed (see .ci/run)");
        members.signUp("cli-learner", "Cli-Password-42");
        LiveAttempt live = attempts.open("cli-learner", AwsSdkEndpointTest.SCENARIO);
        Credentials console = live.attempt().learnerCredentials();
        live.call(console, "iam", "CreateUser", Params.of("UserName", "cli-admin")).orThrow();
        live.call(console, "iam", "AttachUserPolicy", Params.of("UserName", "cli-admin",
                "PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess")).orThrow();
        ObjectNode key = live.call(console, "iam", "CreateAccessKey", Params.of("UserName", "cli-admin")).orThrow();
        Map<String, String> env = Map.of(
                "AWS_ACCESS_KEY_ID", key.path("AccessKey").path("AccessKeyId").asText(),
                "AWS_SECRET_ACCESS_KEY", key.path("AccessKey").path("SecretAccessKey").asText(),
                "AWS_ENDPOINT_URL", "http://127.0.0.1:" + server.port(),
                "AWS_REGION", "ap-northeast-2");

        Run who = aws(env, "sts", "get-caller-identity", "--output", "text", "--query", "Arn");
        assertThat(who.exit()).as(who.out()).isZero();
        assertThat(who.out().trim()).isEqualTo("arn:aws:iam::" + live.scenario().homeAccountId() + ":user/cli-admin");

        Run created = aws(env, "iam", "create-user", "--user-name", "from-the-shell");
        assertThat(created.exit()).as(created.out()).isZero();
        assertThat(created.out()).contains("user/from-the-shell");
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\"}]}";
        assertThat(aws(env, "iam", "put-user-policy", "--user-name", "from-the-shell", "--policy-name", "p",
                "--policy-document", policy).exit()).isZero();
        Run got = aws(env, "iam", "get-user-policy", "--user-name", "from-the-shell", "--policy-name", "p");
        assertThat(got.out()).contains("s3:ListAllMyBuckets"); // the CLI decoded the URL-encoded document

        Run wrong = aws(Map.of("AWS_ACCESS_KEY_ID", env.get("AWS_ACCESS_KEY_ID"), "AWS_SECRET_ACCESS_KEY", "wrong",
                "AWS_ENDPOINT_URL", env.get("AWS_ENDPOINT_URL"), "AWS_REGION", "us-east-1"), "iam", "list-users");
        assertThat(wrong.exit()).isNotZero();
        assertThat(wrong.out()).contains("SignatureDoesNotMatch");

        TrailEvent event = live.attempt().sandbox().trail().events().stream()
                .filter(e -> "CreateUser".equals(e.eventName()) && "from-the-shell".equals(e.requestParameters().path("UserName").asText()))
                .findFirst().orElseThrow();
        assertThat(event.userAgent()).startsWith("aws-cli/2");
    }
}
