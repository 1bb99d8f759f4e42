package org.iamdojo.awsapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.iamdojo.InMemoryAppTest;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.iamdojo.training.attempt.AttemptService;
import org.iamdojo.training.attempt.LiveAttempt;
import org.iamdojo.training.member.MemberService;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * The EC2 query dialect with the real AWS SDK for Java v2 ec2 client and the real AWS CLI v2: run, tag, describe
 * (by id and by filter), stop and start an instance; errors in EC2's {@code <Response><Errors>} shape.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstances.html
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
 */
@InMemoryAppTest
class AwsSdkEc2Test {
    @Autowired
    AttemptService attempts;
    @Autowired
    MemberService members;
    @Autowired
    AwsEndpointServer server;

    private AwsBasicCredentials adminKeys(String learner, String user, List<String> policies) {
        members.signUp(learner, "Ec2-Password-42");
        LiveAttempt live = attempts.open(learner, AwsSdkEndpointTest.SCENARIO);
        Credentials console = live.attempt().learnerCredentials();
        live.call(console, "iam", "CreateUser", Params.of("UserName", user)).orThrow();
        for (String policy : policies) {
            live.call(console, "iam", "AttachUserPolicy", Params.of("UserName", user, "PolicyArn", policy)).orThrow();
        }
        ObjectNode key = live.call(console, "iam", "CreateAccessKey", Params.of("UserName", user)).orThrow();
        return AwsBasicCredentials.create(key.path("AccessKey").path("AccessKeyId").asText(),
                key.path("AccessKey").path("SecretAccessKey").asText());
    }

    private Ec2Client ec2(AwsBasicCredentials keys) {
        return Ec2Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(keys))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void theSdkAndTheCliRunDescribeAndStopInstances() throws Exception {
        AwsBasicCredentials keys = adminKeys("ec2-sdk-learner", "ec2-admin",
                List.of("arn:aws:iam::aws:policy/AdministratorAccess"));
        String id;
        try (Ec2Client ec2 = ec2(keys)) {
            Instance run = ec2.runInstances(r -> r.imageId("ami-0123456789abcdef0").instanceType("t3.micro")
                    .minCount(1).maxCount(1)).instances().get(0);
            id = run.instanceId();
            assertThat(id).startsWith("i-");
            assertThat(run.instanceTypeAsString()).isEqualTo("t3.micro");
            ec2.createTags(r -> r.resources(id).tags(Tag.builder().key("team").value("build").build()));

            Instance described = ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0);
            assertThat(described.instanceId()).isEqualTo(id);
            assertThat(described.imageId()).isEqualTo("ami-0123456789abcdef0");
            assertThat(described.state().name()).isEqualTo(InstanceStateName.RUNNING);
            assertThat(described.tags()).extracting(Tag::key, Tag::value).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("team", "build"));
            assertThat(ec2.describeInstances(r -> r.filters(f -> f.name("tag:team").values("build"))).reservations())
                    .hasSize(1);
            assertThat(ec2.describeInstances(r -> r.filters(f -> f.name("tag:team").values("ops"))).reservations())
                    .isEmpty();

            assertThat(ec2.stopInstances(r -> r.instanceIds(id)).stoppingInstances().get(0).currentState().name())
                    .isIn(InstanceStateName.STOPPED, InstanceStateName.STOPPING);
            assertThat(ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0)
                    .state().name()).isIn(InstanceStateName.STOPPED, InstanceStateName.STOPPING);

            assertThatThrownBy(() -> ec2.describeInstances(r -> r.instanceIds("i-00000000000000000")))
                    .satisfies(e -> assertThat(((AwsServiceException) e).awsErrorDetails().errorCode())
                            .isEqualTo("InvalidInstanceID.NotFound"));
        }

        // A user with read-only rights is refused a stop in AWS's words.
        AwsBasicCredentials reader = adminKeys("ec2-sdk-reader", "ec2-reader",
                List.of("arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess"));
        try (Ec2Client ec2 = ec2(reader)) {
            assertThatThrownBy(() -> ec2.stopInstances(r -> r.instanceIds("i-00000000000000000")))
                    .satisfies(e -> assertThat(((AwsServiceException) e).awsErrorDetails().errorCode())
                            .isIn("UnauthorizedOperation", "InvalidInstanceID.NotFound"));
        }

        Assumptions.assumeTrue(AwsCli.AWS.canExecute(), "Debian's awscli is not installed (see .ci/run)");
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", keys.accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", keys.secretAccessKey(),
                "AWS_ENDPOINT_URL", "http://127.0.0.1:" + server.port(), "AWS_REGION", "us-east-1");
        AwsCli.Run cli = AwsCli.run(env, "ec2", "describe-instances", "--instance-ids", id, "--output", "text",
                "--query", "Reservations[0].Instances[0].[InstanceId,State.Name,Tags[0].Value]");
        assertThat(cli.exit()).as(cli.out()).isZero();
        assertThat(cli.out().trim().split("\\s+")).containsExactly(id, "stopped", "build");
    }
}
