package org.iamdojo.awsapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.iamdojo.InMemoryAppTest;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.iamdojo.training.attempt.AttemptService;
import org.iamdojo.training.attempt.LiveAttempt;
import org.iamdojo.training.member.MemberService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The real AWS SDK for Java v2's S3 client, path-style, against the sandbox endpoint: bucket and object calls, a
 * bucket policy that denies, a presigned URL, S3's error codes
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html).
 */
@InMemoryAppTest
class AwsSdkS3Test {
    @Autowired
    AttemptService attempts;
    @Autowired
    MemberService members;
    @Autowired
    AwsEndpointServer server;

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    private S3Client s3(AwsBasicCredentials keys, RequestChecksumCalculation checksums) {
        return S3Client.builder().endpointOverride(endpoint()).region(Region.EU_CENTRAL_1).forcePathStyle(true)
                .requestChecksumCalculation(checksums)
                .credentialsProvider(StaticCredentialsProvider.create(keys))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private AwsBasicCredentials adminKeys(String member) {
        members.signUp(member, "Sdk-Password-42");
        LiveAttempt live = attempts.open(member, AwsSdkEndpointTest.SCENARIO);
        Credentials console = live.attempt().learnerCredentials();
        live.call(console, "iam", "CreateUser", Params.of("UserName", "s3-admin")).orThrow();
        live.call(console, "iam", "AttachUserPolicy", Params.of("UserName", "s3-admin",
                "PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess")).orThrow();
        ObjectNode key = live.call(console, "iam", "CreateAccessKey", Params.of("UserName", "s3-admin")).orThrow();
        return AwsBasicCredentials.create(key.path("AccessKey").path("AccessKeyId").asText(),
                key.path("AccessKey").path("SecretAccessKey").asText());
    }

    @Test
    void bucketsObjectsPoliciesAndPresignedUrls() throws Exception {
        AwsBasicCredentials keys = adminKeys("sdk-s3-learner");
        // WHEN_SUPPORTED makes the SDK send aws-chunked bodies with a checksum trailer; WHEN_REQUIRED plain ones.
        try (S3Client s3 = s3(keys, RequestChecksumCalculation.WHEN_SUPPORTED);
             S3Client plain = s3(keys, RequestChecksumCalculation.WHEN_REQUIRED)) {
            s3.createBucket(r -> r.bucket("sdk-reports"));
            assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains("sdk-reports");
            s3.putObject(r -> r.bucket("sdk-reports").key("2026/q1.csv"), RequestBody.fromString("region,total\nkr,42\n"));
            plain.putObject(r -> r.bucket("sdk-reports").key("secret/plan.txt"), RequestBody.fromString("top secret"));
            assertThat(s3.listObjectsV2(r -> r.bucket("sdk-reports").prefix("2026/")).contents())
                    .extracting(S3Object::key).containsExactly("2026/q1.csv");
            assertThat(s3.getObjectAsBytes(r -> r.bucket("sdk-reports").key("2026/q1.csv")).asUtf8String())
                    .isEqualTo("region,total\nkr,42\n");
            assertThat(s3.headObject(r -> r.bucket("sdk-reports").key("2026/q1.csv")).contentLength()).isEqualTo(19L);
            assertThatThrownBy(() -> s3.getObject(r -> r.bucket("sdk-reports").key("missing.txt")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
                        assertThat(e.statusCode()).isEqualTo(404);
                    });

            String deny = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
                    + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::sdk-reports/secret/*\"}]}";
            s3.putBucketPolicy(r -> r.bucket("sdk-reports").policy(deny));
            assertThat(s3.getBucketPolicy(r -> r.bucket("sdk-reports")).policy()).contains("secret/*");
            assertThatThrownBy(() -> s3.getObjectAsBytes(r -> r.bucket("sdk-reports").key("secret/plan.txt")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.statusCode()).isEqualTo(403);
                    });

            try (S3Presigner presigner = S3Presigner.builder().endpointOverride(endpoint()).region(Region.EU_CENTRAL_1)
                    .serviceConfiguration(S3Configuration.builder()
                            .pathStyleAccessEnabled(true).build())
                    .credentialsProvider(StaticCredentialsProvider.create(keys)).build()) {
                URI url = presigner.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                        .getObjectRequest(g -> g.bucket("sdk-reports").key("2026/q1.csv"))).url().toURI();
                HttpURLConnection get = (HttpURLConnection) url.toURL().openConnection();
                assertThat(get.getResponseCode()).isEqualTo(200);
                try (InputStream in = get.getInputStream()) {
                    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("region,total");
                }
                HttpURLConnection tampered = (HttpURLConnection) URI.create(url.toString().replace("q1.csv", "q2.csv"))
                        .toURL().openConnection();
                assertThat(tampered.getResponseCode()).isEqualTo(403);
            }

            s3.deleteObject(r -> r.bucket("sdk-reports").key("2026/q1.csv"));
            assertThat(s3.listObjectsV2(r -> r.bucket("sdk-reports").prefix("2026/")).contents()).isEmpty();
            assertThatThrownBy(() -> s3.deleteBucket(r -> r.bucket("sdk-reports")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                            .isEqualTo("BucketNotEmpty"));
        }
        try (S3Client stranger = s3(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
                RequestChecksumCalculation.WHEN_REQUIRED)) {
            assertThatThrownBy(stranger::listBuckets).isInstanceOfSatisfying(S3Exception.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAccessKeyId");
                assertThat(e.statusCode()).isEqualTo(403);
            });
        }
    }
}
