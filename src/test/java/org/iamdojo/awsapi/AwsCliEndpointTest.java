package org.iamdojo.awsapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
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
    @Autowired
    AttemptService attempts;
    @Autowired
    MemberService members;
    @Autowired
    AwsEndpointServer server;

    private static AwsCli.Run aws(Map<String, String> env, String... args) throws Exception {
        return AwsCli.run(env, args);
    }

    @Test
    void theCliActsInTheSandboxAndCloudTrailShowsItsUserAgent() throws Exception {
        Assumptions.assumeTrue(AwsCli.AWS.canExecute(), "Debian's awscli is not installed (see .ci/run)");
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

        AwsCli.Run who = aws(env, "sts", "get-caller-identity", "--output", "text", "--query", "Arn");
        assertThat(who.exit()).as(who.out()).isZero();
        assertThat(who.out().trim()).isEqualTo("arn:aws:iam::" + live.scenario().homeAccountId() + ":user/cli-admin");

        AwsCli.Run created = aws(env, "iam", "create-user", "--user-name", "from-the-shell");
        assertThat(created.exit()).as(created.out()).isZero();
        assertThat(created.out()).contains("user/from-the-shell");
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\"}]}";
        assertThat(aws(env, "iam", "put-user-policy", "--user-name", "from-the-shell", "--policy-name", "p",
                "--policy-document", policy).exit()).isZero();
        AwsCli.Run got = aws(env, "iam", "get-user-policy", "--user-name", "from-the-shell", "--policy-name", "p");
        assertThat(got.out()).contains("s3:ListAllMyBuckets"); // the CLI decoded the URL-encoded document

        AwsCli.Run wrong = aws(Map.of("AWS_ACCESS_KEY_ID", env.get("AWS_ACCESS_KEY_ID"), "AWS_SECRET_ACCESS_KEY", "wrong",
                "AWS_ENDPOINT_URL", env.get("AWS_ENDPOINT_URL"), "AWS_REGION", "us-east-1"), "iam", "list-users");
        assertThat(wrong.exit()).isNotZero();
        assertThat(wrong.out()).contains("SignatureDoesNotMatch");

        TrailEvent event = live.attempt().sandbox().trail().events().stream()
                .filter(e -> "CreateUser".equals(e.eventName()) && "from-the-shell".equals(e.requestParameters().path("UserName").asText()))
                .findFirst().orElseThrow();
        assertThat(event.userAgent()).startsWith("aws-cli/2");
    }
}
