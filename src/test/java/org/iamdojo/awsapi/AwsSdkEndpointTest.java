package org.iamdojo.awsapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.iamdojo.InMemoryAppTest;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.audit.TrailEvent;
import org.iamdojo.training.attempt.AttemptService;
import org.iamdojo.training.attempt.LiveAttempt;
import org.iamdojo.training.member.MemberService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

/**
 * The real AWS SDK for Java v2, pointed at the sandbox endpoint with endpointOverride: every call is signed by the
 * SDK, checked by the endpoint (SigV4) and authorized by the engine in the learner's own sandbox. Error codes as
 * https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html and
 * https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html name them.
 */
@InMemoryAppTest
class AwsSdkEndpointTest {
    static final String SCENARIO = "developers-and-testers";
    private static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

    @Autowired
    AttemptService attempts;
    @Autowired
    MemberService members;
    @Autowired
    AwsEndpointServer server;

    private URI endpoint() {
        assertThat(server.port()).isPositive();
        return URI.create("http://127.0.0.1:" + server.port());
    }

    private IamClient iam(AwsCredentials credentials) {
        return IamClient.builder().endpointOverride(endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private StsClient sts(AwsCredentials credentials) {
        return StsClient.builder().endpointOverride(endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** A learner's attempt with an admin IAM user holding an access key, made through the console's call path. */
    private record Learner(LiveAttempt live, AwsBasicCredentials keys, String accountId) {
    }

    private Learner learner(String name) {
        members.signUp(name, "Sdk-Password-42");
        LiveAttempt live = attempts.open(name, SCENARIO);
        Credentials console = live.attempt().learnerCredentials();
        live.call(console, "iam", "CreateUser", Params.of("UserName", "sdk-admin")).orThrow();
        live.call(console, "iam", "AttachUserPolicy", Params.of("UserName", "sdk-admin", "PolicyArn", ADMIN)).orThrow();
        ObjectNode key = live.call(console, "iam", "CreateAccessKey", Params.of("UserName", "sdk-admin")).orThrow();
        return new Learner(live, AwsBasicCredentials.create(key.path("AccessKey").path("AccessKeyId").asText(),
                key.path("AccessKey").path("SecretAccessKey").asText()), live.scenario().homeAccountId());
    }

    private static String code(Throwable t) {
        return ((AwsServiceException) t).awsErrorDetails().errorCode();
    }

    @Test
    void theSdkManagesUsersPoliciesAndKeysInTheLearnersSandbox() {
        Learner l = learner("sdk-iam-learner");
        try (IamClient iam = iam(l.keys()); StsClient sts = sts(l.keys())) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::" + l.accountId() + ":user/sdk-admin");
            User carol = iam.createUser(r -> r.userName("carol").path("/team/")).user();
            assertThat(carol.arn()).isEqualTo("arn:aws:iam::" + l.accountId() + ":user/team/carol");
            String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:ListAllMyBuckets\","
                    + "\"Resource\":\"*\"}]}";
            iam.putUserPolicy(r -> r.userName("carol").policyName("list-buckets").policyDocument(policy));
            iam.attachUserPolicy(r -> r.userName("carol").policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));
            String document = iam.getUserPolicy(r -> r.userName("carol").policyName("list-buckets")).policyDocument();
            assertThat(URLDecoder.decode(document, StandardCharsets.UTF_8)).contains("s3:ListAllMyBuckets");
            assertThat(iam.listAttachedUserPolicies(r -> r.userName("carol")).attachedPolicies())
                    .extracting(p -> p.policyArn()).containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess");
            AccessKey key = iam.createAccessKey(r -> r.userName("carol")).accessKey();
            assertThat(key.accessKeyId()).startsWith("AKIA");
            assertThat(iam.listAccessKeys(r -> r.userName("carol")).accessKeyMetadata())
                    .extracting(k -> k.accessKeyId()).containsExactly(key.accessKeyId());
            assertThat(iam.listUsers().users()).extracting(User::userName).contains("carol", "sdk-admin");
            assertThatThrownBy(() -> iam.getUser(r -> r.userName("nobody")))
                    .satisfies(e -> assertThat(code(e)).isEqualTo("NoSuchEntity"));
            assertThatThrownBy(() -> iam.createUser(r -> r.userName("carol")))
                    .satisfies(e -> assertThat(code(e)).isEqualTo("EntityAlreadyExists"));

            // Carol's own new key works at once, and only as far as her policies go.
            try (IamClient asCarol = iam(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))) {
                assertThat(asCarol.listUsers().users()).isNotEmpty(); // ReadOnlyAccess allows iam:List*
                assertThatThrownBy(() -> asCarol.createUser(r -> r.userName("mallory")))
                        .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                            assertThat(e.statusCode()).isEqualTo(403);
                            assertThat(e.awsErrorDetails().errorMessage()).contains("user/team/carol is not authorized to "
                                    + "perform: iam:CreateUser");
                        });
            }
        }
        // CloudTrail has the SDK's calls, with its User-Agent and the caller's address.
        TrailEvent created = l.live().attempt().sandbox().trail().events().stream()
                .filter(e -> "CreateUser".equals(e.eventName()) && "carol".equals(e.requestParameters().path("UserName").asText()))
                .findFirst().orElseThrow();
        assertThat(created.userAgent()).contains("aws-sdk-java");
        assertThat(created.sourceIPAddress()).isEqualTo("127.0.0.1");
        assertThat(l.live().attempt().sandbox().trail().events()).anySatisfy(e -> {
            assertThat(e.eventName()).isEqualTo("CreateUser");
            assertThat(e.errorCode()).isEqualTo("AccessDenied");
        });
    }

    @Test
    void assumeRoleWithAndWithoutTheExternalIdAndAnExpiredSession() {
        Learner l = learner("sdk-sts-learner");
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                + l.accountId() + ":root\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":"
                + "{\"sts:ExternalId\":\"partner-42\"}}}]}";
        try (IamClient iam = iam(l.keys()); StsClient sts = sts(l.keys())) {
            String roleArn = iam.createRole(r -> r.roleName("partner-audit").assumeRolePolicyDocument(trust)).role().arn();
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("no-external-id")))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.statusCode()).isEqualTo(403);
                    });
            AssumeRoleResponse assumed = sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("audit")
                    .externalId("partner-42").durationSeconds(900));
            assertThat(assumed.assumedRoleUser().arn())
                    .isEqualTo("arn:aws:sts::" + l.accountId() + ":assumed-role/partner-audit/audit");
            AwsSessionCredentials session = AwsSessionCredentials.create(assumed.credentials().accessKeyId(),
                    assumed.credentials().secretAccessKey(), assumed.credentials().sessionToken());
            try (StsClient asRole = sts(session); IamClient iamAsRole = iam(session)) {
                assertThat(asRole.getCallerIdentity().arn()).isEqualTo(assumed.assumedRoleUser().arn());
                // The role has no permission policy: IAM refuses it.
                assertThatThrownBy(() -> iamAsRole.listUsers())
                        .satisfies(e -> assertThat(code(e)).isEqualTo("AccessDenied"));
                // A session token that is not the session's own is not accepted.
                try (StsClient forged = sts(AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(),
                        session.sessionToken() + "x"))) {
                    assertThatThrownBy(forged::getCallerIdentity)
                            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidClientTokenId"));
                }
                // STS expiry follows the sandbox clock: moving it past the 15 minutes expires the session.
                l.live().advanceClock(Duration.ofMinutes(16));
                assertThatThrownBy(asRole::getCallerIdentity)
                        .satisfies(e -> assertThat(code(e)).isEqualTo("ExpiredToken"));
            }
        }
    }

    @Test
    void badSignaturesUnknownKeysAndAnotherSandboxesKeysAreRefused() {
        Learner mine = learner("sdk-owner-learner");
        Learner theirs = learner("sdk-other-learner");
        try (StsClient wrongSecret = sts(AwsBasicCredentials.create(mine.keys().accessKeyId(), "x" + mine.keys().secretAccessKey()))) {
            assertThatThrownBy(wrongSecret::getCallerIdentity).isInstanceOfSatisfying(AwsServiceException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                assertThat(e.statusCode()).isEqualTo(403);
            });
        }
        try (StsClient unknown = sts(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))) {
            assertThatThrownBy(unknown::getCallerIdentity).isInstanceOfSatisfying(AwsServiceException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                assertThat(e.statusCode()).isEqualTo(403);
            });
        }
        // Each key acts in its own sandbox only: the other learner's user list never shows my users.
        try (IamClient mineIam = iam(mine.keys()); IamClient theirIam = iam(theirs.keys())) {
            mineIam.createUser(r -> r.userName("only-in-mine"));
            assertThat(theirIam.listUsers().users()).extracting(User::userName).doesNotContain("only-in-mine");
            assertThat(mineIam.listUsers().users()).extracting(User::userName).contains("only-in-mine");
        }
        // A reset attempt's keys stop working.
        attempts.reset(mine.live().id(), "sdk-owner-learner");
        try (StsClient stale = sts(mine.keys())) {
            assertThatThrownBy(stale::getCallerIdentity)
                    .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidClientTokenId"));
        }
    }
}
