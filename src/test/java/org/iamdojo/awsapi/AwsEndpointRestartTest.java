package org.iamdojo.awsapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import org.iamdojo.InMemoryAppTest;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.iamdojo.training.attempt.AttemptService;
import org.iamdojo.training.attempt.LiveAttempt;
import org.iamdojo.training.member.MemberService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Keys keep working after a restart: the endpoint finds the attempt of an access key id (a user's AKIA… key, a
 * session's ASIA… key) through the key index written when the key or session was made, and rebuilds it from its
 * log, without the learner opening it first. The restart is the service-level one (in-memory attempts dropped,
 * the database kept), as AttemptService.forgetLiveAttempts documents.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccessKeyLastUsed.html (LastUsedDate, ServiceName;
 * "N/A" for a key never used)
 */
@InMemoryAppTest
class AwsEndpointRestartTest {
    @Autowired
    AttemptService attempts;
    @Autowired
    MemberService members;
    @Autowired
    AwsEndpointServer server;
    @Autowired
    JdbcTemplate jdbc;

    private StsClient sts(AwsCredentials credentials) {
        return StsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void keysAndSessionsOfAnAttemptNotOpenedSinceTheRestartStillSign() {
        members.signUp("restart-learner", "Restart-Password-42");
        LiveAttempt live = attempts.open("restart-learner", AwsSdkEndpointTest.SCENARIO);
        Credentials console = live.attempt().learnerCredentials();
        live.call(console, "iam", "CreateUser", Params.of("UserName", "restart-admin")).orThrow();
        live.call(console, "iam", "AttachUserPolicy", Params.of("UserName", "restart-admin",
                "PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess")).orThrow();
        ObjectNode key = live.call(console, "iam", "CreateAccessKey", Params.of("UserName", "restart-admin")).orThrow();
        AwsBasicCredentials keys = AwsBasicCredentials.create(key.path("AccessKey").path("AccessKeyId").asText(),
                key.path("AccessKey").path("SecretAccessKey").asText());
        String arn = "arn:aws:iam::" + live.scenario().homeAccountId() + ":user/restart-admin";
        software.amazon.awssdk.services.sts.model.Credentials session;
        try (StsClient sts = sts(keys)) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo(arn);
            session = sts.getSessionToken(r -> r.durationSeconds(3600)).credentials();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM attempt_access_key WHERE attempt_id = ? AND access_key_id IN (?, ?)",
                Integer.class, live.id(), keys.accessKeyId(), session.accessKeyId())).isEqualTo(2);

        attempts.forgetLiveAttempts();
        assertThat(attempts.withAccessKey("AKIAIOSFODNN7EXAMPLE")).isEmpty(); // a key no sandbox issued

        try (StsClient sts = sts(keys)) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo(arn);
        }
        attempts.forgetLiveAttempts();
        try (StsClient sts = sts(AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(),
                session.sessionToken()))) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo(arn);
        }

        // A reset attempt's keys stay dead after the restart.
        attempts.reset(live.id(), "restart-learner");
        attempts.forgetLiveAttempts();
        try (StsClient sts = sts(keys)) {
            assertThatThrownBy(sts::getCallerIdentity).satisfies(e ->
                    assertThat(((AwsServiceException) e).awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        }
    }

    @Test
    void anAccessKeysLastUseSurvivesTheRestart() {
        members.signUp("last-used-learner", "Last-Used-Password-42");
        LiveAttempt live = attempts.open("last-used-learner", AwsSdkEndpointTest.SCENARIO);
        Credentials console = live.attempt().learnerCredentials();
        live.call(console, "iam", "CreateUser", Params.of("UserName", "last-used")).orThrow();
        ObjectNode key = live.call(console, "iam", "CreateAccessKey", Params.of("UserName", "last-used")).orThrow();
        String keyId = key.path("AccessKey").path("AccessKeyId").asText();
        AwsBasicCredentials keys = AwsBasicCredentials.create(keyId, key.path("AccessKey").path("SecretAccessKey").asText());
        Params lastUsed = Params.of("AccessKeyId", keyId);
        ObjectNode unused = live.call(console, "iam", "GetAccessKeyLastUsed", lastUsed).orThrow();
        assertThat(unused.path("AccessKeyLastUsed").path("ServiceName").asText()).isEqualTo("N/A");
        assertThat(unused.path("AccessKeyLastUsed").path("LastUsedDate").isMissingNode()
                || unused.path("AccessKeyLastUsed").path("LastUsedDate").isNull()).isTrue();
        try (StsClient sts = sts(keys)) {
            sts.getCallerIdentity(); // a read: logged without waiting for the disk
        }
        ObjectNode used = live.call(console, "iam", "GetAccessKeyLastUsed", lastUsed).orThrow();
        String date = used.path("AccessKeyLastUsed").path("LastUsedDate").asText();
        assertThat(date).isNotBlank();
        assertThat(used.path("AccessKeyLastUsed").path("ServiceName").asText()).isEqualTo("sts");

        attempts.forgetLiveAttempts();
        LiveAttempt rebuilt = attempts.withAccessKey(keyId).get(0);
        ObjectNode after = rebuilt.call(rebuilt.attempt().learnerCredentials(), "iam", "GetAccessKeyLastUsed", lastUsed)
                .orThrow();
        assertThat(after.path("AccessKeyLastUsed").path("LastUsedDate").asText()).isEqualTo(date);
        assertThat(after.path("AccessKeyLastUsed").path("ServiceName").asText()).isEqualTo("sts");
    }
}
