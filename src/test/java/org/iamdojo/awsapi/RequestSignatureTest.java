package org.iamdojo.awsapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iamdojo.iam.account.AwsException;
import org.junit.jupiter.api.Test;

/**
 * The server's SigV4 check against AWS's published vectors: the Signature Version 4 test suite (get-vanilla,
 * get-vanilla-empty-query-key; https://docs.aws.amazon.com/general/latest/gr/signature-v4-test-suite.html, archived at
 * https://github.com/awslabs/aws-c-auth/tree/main/tests/aws-signing-test-suite) and the S3 examples of
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html (GET Object) and
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html (presigned GET Object).
 */
class RequestSignatureTest {
    private static final String SUITE_SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String S3_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private static AwsRequest request(String method, String path, String query, Map<String, String> headers, String body) {
        return new AwsRequest(method, path, AwsRequest.decodeForm(query), headers, body.getBytes(StandardCharsets.UTF_8),
                "127.0.0.1");
    }

    private static Map<String, String> headers(String... nameValues) {
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            h.put(nameValues[i], nameValues[i + 1]);
        }
        return h;
    }

    private static String suiteAuth(String signature) {
        return "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=" + signature;
    }

    @Test
    void getVanillaGivesTheSuitesCanonicalRequestStringToSignAndSignature() {
        String sig = "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";
        AwsRequest r = request("GET", "/", "", headers("host", "example.amazonaws.com",
                "x-amz-date", "20150830T123600Z", "authorization", suiteAuth(sig)), "");
        RequestSignature s = RequestSignature.read(r);
        assertThat(s.accessKeyId()).isEqualTo("AKIDEXAMPLE");
        assertThat(s.canonicalRequest(r)).isEqualTo("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\n"
                + "host;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(SigV4.stringToSign(s.amzDate(), s.scope(), s.canonicalRequest(r))).isEqualTo(
                "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
                        + "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63");
        assertThat(s.credentials(r).signature().matches(SUITE_SECRET)).isTrue();
        assertThat(s.credentials(r).signature().matches(SUITE_SECRET.replace('w', 'W'))).isFalse();
    }

    @Test
    void getVanillaEmptyQueryKeySignsTheQuery() {
        String sig = "a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb";
        AwsRequest r = request("GET", "/", "Param1=value1", headers("host", "example.amazonaws.com",
                "x-amz-date", "20150830T123600Z", "authorization", suiteAuth(sig)), "");
        RequestSignature s = RequestSignature.read(r);
        assertThat(SigV4.stringToSign(s.amzDate(), s.scope(), s.canonicalRequest(r))).endsWith(
                "1e24db194ed7d0eec2de28d7369675a243488e08526e8c1c73571282f7c517ab");
        assertThat(s.credentials(r).signature().matches(SUITE_SECRET)).isTrue();
        // The same signature does not cover another query.
        AwsRequest other = request("GET", "/", "Param1=value2", r.headers(), "");
        assertThat(RequestSignature.read(other).credentials(other).signature().matches(SUITE_SECRET)).isFalse();
    }

    @Test
    void s3GetObjectHeaderFormWithItsPayloadHash() {
        String sig = "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41";
        AwsRequest r = request("GET", "/test.txt", "", headers("host", "examplebucket.s3.amazonaws.com",
                "range", "bytes=0-9", "x-amz-content-sha256", SigV4.EMPTY_SHA256, "x-amz-date", "20130524T000000Z",
                "authorization", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                        + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=" + sig), "");
        RequestSignature s = RequestSignature.read(r);
        assertThat(s.service()).isEqualTo("s3");
        assertThat(SigV4.stringToSign(s.amzDate(), s.scope(), s.canonicalRequest(r))).endsWith(
                "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972");
        assertThat(s.credentials(r).signature().matches(S3_SECRET)).isTrue();
    }

    @Test
    void s3PresignedGetObject() {
        String query = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1"
                + "%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
                + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";
        AwsRequest r = request("GET", "/test.txt", query, headers("host", "examplebucket.s3.amazonaws.com"), "");
        RequestSignature s = RequestSignature.read(r);
        assertThat(s.presigned()).isTrue();
        assertThat(SigV4.stringToSign(s.amzDate(), s.scope(), s.canonicalRequest(r))).endsWith(
                "3bfa292879f6447bbcda7001decf97f4a54dc650c8942174ae0a9121cf58ad04");
        assertThat(s.credentials(r).signature().matches(S3_SECRET)).isTrue();
        s.checkTime(Instant.parse("2013-05-24T23:59:59Z"));
        assertThatThrownBy(() -> s.checkTime(Instant.parse("2013-05-25T00:00:01Z")))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("AccessDenied"));
    }

    @Test
    void headerFormRefusesRequestsMoreThanFifteenMinutesAway() {
        AwsRequest r = request("GET", "/", "", headers("host", "example.amazonaws.com",
                "x-amz-date", "20150830T123600Z", "authorization", suiteAuth("00")), "");
        RequestSignature s = RequestSignature.read(r);
        s.checkTime(Instant.parse("2015-08-30T12:50:59Z"));
        s.checkTime(Instant.parse("2015-08-30T12:21:01Z"));
        assertThatThrownBy(() -> s.checkTime(Instant.parse("2015-08-30T12:51:01Z")))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("RequestExpired");
                    assertThat(e.httpStatus()).isEqualTo(400);
                });
    }

    @Test
    void s3SaysRequestTimeTooSkewedAndChecksTheContentHash() {
        Map<String, String> h = headers("host", "localhost", "x-amz-date", "20130524T000000Z",
                "x-amz-content-sha256", SigV4.EMPTY_SHA256,
                "authorization", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                        + "SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=00");
        RequestSignature s = RequestSignature.read(request("PUT", "/b/k", "", h, ""));
        assertThatThrownBy(() -> s.checkTime(Instant.parse("2013-05-24T01:00:00Z")))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("RequestTimeTooSkewed"));
        AwsRequest tampered = request("PUT", "/b/k", "", h, "not empty");
        assertThatThrownBy(() -> s.canonicalRequest(tampered)).isInstanceOfSatisfying(AwsException.class,
                e -> assertThat(e.code()).isEqualTo("XAmzContentSHA256Mismatch"));
        h.put("x-amz-content-sha256", SigV4.UNSIGNED_PAYLOAD);
        assertThat(s.canonicalRequest(request("PUT", "/b/k", "", h, "any body"))).endsWith("\nUNSIGNED-PAYLOAD");
    }

    @Test
    void missingOrMalformedAuthenticationIsNamedAsAwsNamesIt() {
        assertThatThrownBy(() -> RequestSignature.read(request("POST", "/", "", headers("host", "h"), "Action=ListUsers")))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("MissingAuthenticationToken");
                    assertThat(e.httpStatus()).isEqualTo(403);
                });
        for (String bad : List.of("AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service, SignedHeaders=host, Signature=1",
                "AWS AKID:abc", "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/iam/aws4_request, Signature=1")) {
            assertThatThrownBy(() -> RequestSignature.read(request("GET", "/", "",
                    headers("host", "h", "x-amz-date", "20150830T123600Z", "authorization", bad), "")))
                    .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("IncompleteSignature"));
        }
    }

    /**
     * The signing key of https://docs.aws.amazon.com/general/latest/gr/signature-v4-examples.html (secret
     * wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY, 20120215, us-east-1, iam), the same from the cache as derived, and
     * kept apart per secret, date, region and service.
     */
    @Test
    void signingKeysAreCachedPerSecretAndScope() {
        String expected = "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d";
        assertThat(SigV4.hex(SigV4.deriveSigningKey(SUITE_SECRET, "20120215", "us-east-1", "iam"))).isEqualTo(expected);
        assertThat(SigV4.hex(SigV4.signingKey(SUITE_SECRET, "20120215", "us-east-1", "iam"))).isEqualTo(expected);
        assertThat(SigV4.hex(SigV4.signingKey(SUITE_SECRET, "20120215", "us-east-1", "iam"))).isEqualTo(expected);
        for (String[] other : List.of(new String[] {S3_SECRET, "20120215", "us-east-1", "iam"},
                new String[] {SUITE_SECRET, "20120216", "us-east-1", "iam"},
                new String[] {SUITE_SECRET, "20120215", "eu-west-1", "iam"},
                new String[] {SUITE_SECRET, "20120215", "us-east-1", "sts"})) {
            assertThat(SigV4.signingKey(other[0], other[1], other[2], other[3]))
                    .isEqualTo(SigV4.deriveSigningKey(other[0], other[1], other[2], other[3]))
                    .isNotEqualTo(SigV4.deriveSigningKey(SUITE_SECRET, "20120215", "us-east-1", "iam"));
        }
    }

    /** Canonical header values: trimmed, inner runs of spaces folded to one (the SigV4 guide's Trimall). */
    @Test
    void headerValuesAreTrimmedAndTheirSpacesFolded() {
        String auth = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=host;my-header1;x-amz-date, Signature=0";
        AwsRequest r = request("GET", "/", "", headers("host", "example.amazonaws.com", "my-header1", "  a   b   c ",
                "x-amz-date", "20150830T123600Z", "authorization", auth), "");
        assertThat(RequestSignature.read(r).canonicalRequest(r)).isEqualTo("GET\n/\n\nhost:example.amazonaws.com\n"
                + "my-header1:a b c\nx-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\n" + SigV4.EMPTY_SHA256);
    }

    @Test
    void keyIdsAreMaskedForLogs() {
        assertThat(RequestSignature.maskedKeyId("AKIAIOSFODNN7EXAMPLE")).isEqualTo("AKIA…MPLE").doesNotContain("IOSFODNN7");
    }
}
