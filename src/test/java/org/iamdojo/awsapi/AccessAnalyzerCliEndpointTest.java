package org.iamdojo.awsapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.iamdojo.InMemoryAppTest;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.iamdojo.training.attempt.AttemptService;
import org.iamdojo.training.attempt.LiveAttempt;
import org.iamdojo.training.member.MemberService;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The real AWS CLI runs {@code aws accessanalyzer check-no-new-access} (and the other two checks) against the
 * endpoint. Debian's CLI 2.9 predates these operations (added to the API in 2023-2024), so the test gives it the
 * three operations' service model in its own models folder, as {@code aws configure add-model} does
 * (https://docs.aws.amazon.com/cli/latest/reference/configure/add-model.html); shapes as in
 * https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoNewAccess.html.
 */
@InMemoryAppTest
class AccessAnalyzerCliEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @Autowired
    AttemptService attempts;
    @Autowired
    MemberService members;
    @Autowired
    AwsEndpointServer server;

    @Test
    void theCliGetsPassAndFail(@TempDir Path home) throws Exception {
        Assumptions.assumeTrue(AwsCli.AWS.canExecute(), "Debian's awscli is not installed (see .ci/run)");
        Path models = home.resolve(".aws/models/accessanalyzer/2019-11-01");
        Files.createDirectories(models);
        Files.copy(Path.of("src/test/resources/awscli/accessanalyzer-2019-11-01-checks.json"),
                models.resolve("service-2.json"));
        members.signUp("analyzer-cli", "Cli-Password-42");
        LiveAttempt live = attempts.open("analyzer-cli", AwsSdkEndpointTest.SCENARIO);
        Credentials console = live.attempt().learnerCredentials();
        live.call(console, "iam", "CreateUser", Params.of("UserName", "checker")).orThrow();
        ObjectNode key = live.call(console, "iam", "CreateAccessKey", Params.of("UserName", "checker")).orThrow();
        Map<String, String> env = Map.of(
                "AWS_ACCESS_KEY_ID", key.path("AccessKey").path("AccessKeyId").asText(),
                "AWS_SECRET_ACCESS_KEY", key.path("AccessKey").path("SecretAccessKey").asText(),
                "AWS_ENDPOINT_URL", "http://127.0.0.1:" + server.port(),
                "AWS_REGION", "ap-northeast-2",
                "HOME", home.toString());
        String old = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::test-bucket/*\"}]}";
        String wide = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Wide\",\"Effect\":\"Allow\",\"Action\":"
                + "\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::*\"}]}";

        AwsCli.Run fail = AwsCli.run(env, "accessanalyzer", "check-no-new-access", "--existing-policy-document", old,
                "--new-policy-document", wide, "--policy-type", "IDENTITY_POLICY", "--output", "json");
        assertThat(fail.exit()).as(fail.out()).isZero();
        JsonNode f = JSON.readTree(fail.out());
        assertThat(f.path("result").asText()).as(fail.out()).isEqualTo("FAIL");
        assertThat(f.path("reasons").path(0).path("statementId").asText()).isEqualTo("Wide");
        assertThat(f.path("reasons").path(0).path("description").asText()).contains("s3:getobject");

        AwsCli.Run pass = AwsCli.run(env, "accessanalyzer", "check-no-new-access", "--existing-policy-document", wide,
                "--new-policy-document", old, "--policy-type", "IDENTITY_POLICY", "--output", "json");
        assertThat(JSON.readTree(pass.out()).path("result").asText()).as(pass.out()).isEqualTo("PASS");

        AwsCli.Run pub = AwsCli.run(env, "accessanalyzer", "check-no-public-access", "--policy-document",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":"
                        + "\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::site/*\"}]}",
                "--resource-type", "AWS::S3::Bucket", "--output", "json");
        assertThat(JSON.readTree(pub.out()).path("result").asText()).as(pub.out()).isEqualTo("FAIL");

        AwsCli.Run granted = AwsCli.run(env, "accessanalyzer", "check-access-not-granted", "--policy-document", old,
                "--access", "actions=iam:CreateUser", "--policy-type", "IDENTITY_POLICY", "--output", "json");
        assertThat(JSON.readTree(granted.out()).path("result").asText()).as(granted.out()).isEqualTo("PASS");

        AwsCli.Run bad = AwsCli.run(env, "accessanalyzer", "check-no-new-access", "--existing-policy-document",
                "{\"Version\":", "--new-policy-document", old, "--policy-type", "IDENTITY_POLICY");
        assertThat(bad.exit()).as(bad.out()).isNotZero();
        assertThat(bad.out()).contains("ValidationException").contains("existing-policy-document").contains("line 1, column");
    }
}
