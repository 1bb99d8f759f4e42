package org.iamdojo.awsapi;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iamdojo.iam.account.Credentials;
import org.jspecify.annotations.Nullable;

/**
 * The SigV4 signature of a request, read from the Authorization header or from a presigned URL's X-Amz-* query
 * parameters, and checked against a secret. Time checks use the wall clock (see README, "Which clock").
 *
 * <p>Forms and error codes: https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html,
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html,
 * https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html,
 * https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html.
 *
 * @param accessKeyId the key id of the Credential scope
 * @param date the scope's date, yyyyMMdd
 * @param region the scope's region (any region is accepted)
 * @param service the scope's service: iam, sts, s3, ec2…; it routes the request
 * @param amzDate the request time, yyyyMMdd'T'HHmmss'Z'
 * @param signedHeaders the lower-case names of the signed headers, as listed
 * @param signature the hex signature the client sent
 * @param sessionToken X-Amz-Security-Token, or null
 * @param expiresSeconds a presigned URL's X-Amz-Expires; null for the header form
 */
public record RequestSignature(String accessKeyId, String date, String region, String service, String amzDate,
                               List<String> signedHeaders, String signature, @Nullable String sessionToken,
                               @Nullable Integer expiresSeconds) {

    /** How far a request's time may be from now in either direction (AWS: 15 minutes). */
    public static final Duration MAX_SKEW = Duration.ofMinutes(15);
    /** The longest a presigned URL may be valid (AWS: 7 days). */
    public static final int MAX_EXPIRES = 604_800;
    /** The payload hash of an aws-chunked body whose chunks are signed one by one. */
    public static final String SIGNED_CHUNKS = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    /** The payload hash of an unsigned aws-chunked body (SDKs send it for flexible checksums). */
    public static final String UNSIGNED_TRAILER = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Whether this is a presigned URL. */
    public boolean presigned() {
        return expiresSeconds != null;
    }

    /** The credential scope: date/region/service/aws4_request. */
    public String scope() {
        return date + "/" + region + "/" + service + "/aws4_request";
    }

    /**
     * Reads the signature of a request; MissingAuthenticationToken when it carries none, IncompleteSignature when
     * it is malformed.
     */
    public static RequestSignature read(AwsRequest request) {
        String authorization = request.header("authorization");
        if (authorization != null) {
            return fromHeader(authorization, request);
        }
        if (request.queryParam("X-Amz-Algorithm") != null || request.queryParam("X-Amz-Signature") != null) {
            return fromQuery(request);
        }
        throw new EndpointException("MissingAuthenticationToken", 403, "Request is missing Authentication Token");
    }

    private static RequestSignature fromHeader(String authorization, AwsRequest request) {
        if (!authorization.startsWith(SigV4.ALGORITHM + " ")) {
            throw incomplete("Authorization header requires the " + SigV4.ALGORITHM + " algorithm (Signature Version 4).");
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : authorization.substring(SigV4.ALGORITHM.length() + 1).split(",")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq < 0) {
                throw incomplete("Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.");
            }
            String value = p.substring(eq + 1);
            switch (p.substring(0, eq)) {
                case "Credential" -> credential = value;
                case "SignedHeaders" -> signedHeaders = value;
                case "Signature" -> signature = value;
                default -> {
                    // Unknown components are ignored, as AWS does.
                }
            }
        }
        String amzDate = request.header("x-amz-date");
        if (credential == null || signedHeaders == null || signature == null || amzDate == null) {
            throw incomplete("Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters, "
                    + "and the request an 'X-Amz-Date' header.");
        }
        return build(credential, signedHeaders, signature, amzDate, request.header("x-amz-security-token"), null);
    }

    private static RequestSignature fromQuery(AwsRequest request) {
        String algorithm = request.queryParam("X-Amz-Algorithm");
        String credential = request.queryParam("X-Amz-Credential");
        String signedHeaders = request.queryParam("X-Amz-SignedHeaders");
        String signature = request.queryParam("X-Amz-Signature");
        String amzDate = request.queryParam("X-Amz-Date");
        String expires = request.queryParam("X-Amz-Expires");
        if (!SigV4.ALGORITHM.equals(algorithm) || credential == null || signedHeaders == null || signature == null
                || amzDate == null || expires == null) {
            throw incomplete("A presigned request needs X-Amz-Algorithm=" + SigV4.ALGORITHM + ", X-Amz-Credential, "
                    + "X-Amz-Date, X-Amz-Expires, X-Amz-SignedHeaders and X-Amz-Signature.");
        }
        int seconds;
        try {
            seconds = Integer.parseInt(expires);
        } catch (NumberFormatException e) {
            throw incomplete("X-Amz-Expires must be a number of seconds: " + expires);
        }
        if (seconds < 1 || seconds > MAX_EXPIRES) {
            throw new EndpointException("AuthorizationQueryParametersError", 400,
                    "X-Amz-Expires must be between 1 and " + MAX_EXPIRES + " seconds (7 days).");
        }
        return build(credential, signedHeaders, signature, amzDate, request.queryParam("X-Amz-Security-Token"), seconds);
    }

    private static RequestSignature build(String credential, String signedHeaders, String signature, String amzDate,
                                          @Nullable String token, @Nullable Integer expires) {
        String[] scope = credential.split("/");
        if (scope.length != 5 || !"aws4_request".equals(scope[4]) || scope[0].isEmpty()) {
            throw incomplete("Credential should be scoped to a valid region and service: "
                    + "<key id>/<yyyyMMdd>/<region>/<service>/aws4_request.");
        }
        if (amzDate.length() < 8 || !amzDate.startsWith(scope[1])) {
            throw new EndpointException("SignatureDoesNotMatch", 403,
                    "Credential should be scoped to a valid date: the scope's date " + scope[1]
                            + " is not the date of X-Amz-Date " + amzDate + ".");
        }
        List<String> headers = Arrays.asList(signedHeaders.toLowerCase(Locale.ROOT).split(";"));
        if (!headers.contains("host")) {
            throw incomplete("'Host' must be a signed header.");
        }
        return new RequestSignature(scope[0], scope[1], scope[2], scope[3].toLowerCase(Locale.ROOT), amzDate,
                List.copyOf(headers), signature, token, expires);
    }

    /**
     * Refuses a request whose time is too far from {@code now} (wall clock): more than 15 minutes either way for
     * the header form, past its X-Amz-Expires (or not yet valid) for a presigned URL. S3 words it
     * RequestTimeTooSkewed / AccessDenied "Request has expired"; the query services RequestExpired.
     */
    public void checkTime(Instant now) {
        Instant at;
        try {
            at = Instant.from(AMZ_DATE.parse(amzDate));
        } catch (DateTimeParseException e) {
            throw incomplete("X-Amz-Date must be in the form yyyyMMdd'T'HHmmss'Z': " + amzDate);
        }
        boolean s3 = "s3".equals(service);
        if (presigned()) {
            if (now.isAfter(at.plusSeconds(expiresSeconds)) || now.isBefore(at.minus(MAX_SKEW))) {
                throw s3 ? new EndpointException("AccessDenied", 403, "Request has expired")
                        : new EndpointException("RequestExpired", 400, "Request has expired: signed at " + amzDate
                                + ", valid for " + expiresSeconds + " seconds, now " + AMZ_DATE.format(now) + ".");
            }
            return;
        }
        if (Duration.between(at, now).abs().compareTo(MAX_SKEW) > 0) {
            throw s3 ? new EndpointException("RequestTimeTooSkewed", 403,
                    "The difference between the request time and the current time is too large.")
                    : new EndpointException("RequestExpired", 400, "Request has expired: signed at " + amzDate
                            + ", now " + AMZ_DATE.format(now) + " (more than 15 minutes apart).");
        }
    }

    /**
     * The hash of the payload the client signed: for S3 its x-amz-content-sha256 (UNSIGNED-PAYLOAD allowed; a
     * hash that is not the body's is XAmzContentSHA256Mismatch), UNSIGNED-PAYLOAD for an S3 presigned URL, else
     * the body's SHA-256.
     */
    public String payloadHash(AwsRequest request) {
        String bodyHash = SigV4.sha256Hex(request.body());
        if (!"s3".equals(service)) {
            return bodyHash;
        }
        if (presigned()) {
            return SigV4.UNSIGNED_PAYLOAD;
        }
        String claimed = request.header("x-amz-content-sha256");
        if (claimed == null) {
            throw new EndpointException("InvalidRequest", 400, "Missing required header for this request: x-amz-content-sha256");
        }
        if (SigV4.UNSIGNED_PAYLOAD.equals(claimed)) {
            return claimed;
        }
        if (claimed.equals(SIGNED_CHUNKS) || claimed.equals(SIGNED_CHUNKS + "-TRAILER")) {
            // Each chunk carries its own signature, checked with the seed signature in credentials().
            return claimed;
        }
        if (claimed.equals(UNSIGNED_TRAILER)) {
            // aws-chunked without chunk signatures: as safe as UNSIGNED-PAYLOAD; S3Rest takes the chunks apart.
            return claimed;
        }
        if (claimed.startsWith("STREAMING-")) {
            throw new EndpointException("NotImplemented", 501, "Chunked (streaming) uploads are not supported by the "
                    + "sandbox endpoint; send the body in one piece (" + claimed + ").");
        }
        if (!claimed.equalsIgnoreCase(bodyHash)) {
            throw new EndpointException("XAmzContentSHA256Mismatch", 400,
                    "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        return claimed;
    }

    /** The canonical request the client should have signed. */
    public String canonicalRequest(AwsRequest request) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String name : signedHeaders) {
            String value = request.header(name);
            if (value == null) {
                throw new EndpointException("SignatureDoesNotMatch", 403,
                        "The request signature we calculated does not match the signature you provided: signed header '"
                                + name + "' is missing from the request.");
            }
            headers.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
        }
        List<Map.Entry<String, String>> query = request.query().stream()
                .filter(e -> !e.getKey().equals("X-Amz-Signature")).toList();
        return SigV4.canonicalRequest(request.method(), canonicalUri(request.rawPath()), SigV4.canonicalQuery(query),
                headers, payloadHash(request));
    }

    /**
     * The canonical URI: S3 encodes the (decoded) path once; the other services encode the path as sent again
     * (double encoding), per the SigV4 guide.
     */
    private String canonicalUri(String rawPath) {
        String path = rawPath.isEmpty() ? "/" : rawPath;
        if ("s3".equals(service)) {
            return SigV4.uriEncode(AwsRequest.decodeForm("p=" + path.replace("+", "%2B")).get(0).getValue(), false);
        }
        return SigV4.uriEncode(path, false);
    }

    /** The engine's credentials for this request: the key id, the token, and a check of the signature by secret. */
    public Credentials.SignedRequest credentials(AwsRequest request) {
        String canonical = canonicalRequest(request);
        String stringToSign = SigV4.stringToSign(amzDate, scope(), canonical);
        boolean chunked = canonical.endsWith("\n" + SIGNED_CHUNKS) || canonical.endsWith("\n" + SIGNED_CHUNKS + "-TRAILER");
        return new Credentials.SignedRequest(accessKeyId, sessionToken, secret ->
                SigV4.sameSignature(SigV4.signature(secret, date, region, service, stringToSign), signature)
                        && (!chunked || chunksSigned(secret, request.body())));
    }

    /**
     * Whether every chunk of a signed aws-chunked body carries the signature its data and the previous signature
     * give (the chain starts at the request's signature). The trailer (a checksum the sandbox does not keep) is not
     * checked. https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
     */
    private boolean chunksSigned(String secret, byte[] body) {
        byte[] key = SigV4.signingKey(secret, date, region, service);
        String previous = signature;
        int i = 0;
        while (i < body.length) {
            int end = crlf(body, i);
            if (end < 0) {
                return false;
            }
            String header = new String(body, i, end - i, StandardCharsets.US_ASCII);
            int mark = header.indexOf(";chunk-signature=");
            if (mark < 0) {
                return false;
            }
            int size;
            try {
                size = Integer.parseInt(header.substring(0, mark).trim(), 16);
            } catch (NumberFormatException e) {
                return false;
            }
            i = end + 2;
            if (size < 0 || i + size > body.length) {
                return false;
            }
            byte[] data = Arrays.copyOfRange(body, i, i + size);
            String toSign = "AWS4-HMAC-SHA256-PAYLOAD\n" + amzDate + "\n" + scope() + "\n" + previous + "\n"
                    + SigV4.EMPTY_SHA256 + "\n" + SigV4.sha256Hex(data);
            String expected = SigV4.hex(SigV4.hmac(key, toSign));
            if (!SigV4.sameSignature(expected, header.substring(mark + ";chunk-signature=".length()))) {
                return false;
            }
            previous = expected;
            if (size == 0) {
                return true;
            }
            i += size + 2;
        }
        return false;
    }

    private static int crlf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The key id shown in logs: its first four and last four characters only. */
    public static String maskedKeyId(String accessKeyId) {
        return accessKeyId.length() <= 8 ? "****" : accessKeyId.substring(0, 4) + "…" + accessKeyId.substring(accessKeyId.length() - 4);
    }

    private static EndpointException incomplete(String message) {
        return new EndpointException("IncompleteSignature", 400, message);
    }
}
