package org.iamdojo.awsapi;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4, the server's half: canonical request, string to sign, signing key and signature,
 * exactly as https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html describes them.
 */
public final class SigV4 {
    /** The only algorithm AWS's SigV4 clients use. */
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    /** The payload hash S3 clients may send instead of the body's hash. */
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    /** The hex SHA-256 of an empty body. */
    public static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final HexFormat HEX = HexFormat.of();
    /** At most this many signing keys are kept; past it the cache starts again (a day's keys are few). */
    static final int MAX_CACHED_KEYS = 4096;
    /**
     * Signing keys by (secret, date, region, service): the key changes only with the day, so the four-HMAC chain
     * runs once a day per key and scope instead of on every request. In memory only, like the secrets.
     */
    private static final ConcurrentMap<Scope, byte[]> SIGNING_KEYS = new ConcurrentHashMap<>();
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    private record Scope(String secret, String date, String region, String service) {
    }

    private SigV4() {
    }

    /**
     * The canonical request: method, canonical URI, canonical query, the signed headers (lower-case name → value,
     * already in order) with their values trimmed and inner runs of spaces folded, the signed header list and
     * the payload hash, one per line.
     */
    public static String canonicalRequest(String method, String canonicalUri, String canonicalQuery,
                                          List<Map.Entry<String, String>> signedHeaders, String payloadHash) {
        StringBuilder headers = new StringBuilder();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, String> h : signedHeaders) {
            headers.append(h.getKey()).append(':').append(foldSpaces(h.getValue())).append('\n');
            names.add(h.getKey());
        }
        return method + '\n' + canonicalUri + '\n' + canonicalQuery + '\n' + headers + '\n'
                + String.join(";", names) + '\n' + payloadHash;
    }

    /** The query parameters (decoded name → value) encoded and sorted by name, then by value. */
    public static String canonicalQuery(List<Map.Entry<String, String>> params) {
        List<String[]> encoded = new ArrayList<>();
        for (Map.Entry<String, String> p : params) {
            encoded.add(new String[] {uriEncode(p.getKey(), true), uriEncode(p.getValue(), true)});
        }
        encoded.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder out = new StringBuilder();
        for (String[] p : encoded) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(p[0]).append('=').append(p[1]);
        }
        return out.toString();
    }

    /**
     * RFC 3986 encoding as SigV4 wants it: every byte but A-Z a-z 0-9 - . _ ~ becomes %XX (upper-case hex);
     * '/' is kept when {@code encodeSlash} is false (paths).
     */
    public static String uriEncode(String value, boolean encodeSlash) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || (c == '/' && !encodeSlash)) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** The string to sign: algorithm, request time (yyyyMMdd'T'HHmmss'Z'), scope and the canonical request's hash. */
    public static String stringToSign(String amzDate, String scope, String canonicalRequest) {
        return ALGORITHM + '\n' + amzDate + '\n' + scope + '\n' + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** The signing key: HMAC chain of "AWS4"+secret over date (yyyyMMdd), region, service and "aws4_request". */
    public static byte[] signingKey(String secretAccessKey, String date, String region, String service) {
        Scope scope = new Scope(secretAccessKey, date, region, service);
        byte[] cached = SIGNING_KEYS.get(scope);
        if (cached != null) {
            return cached;
        }
        if (SIGNING_KEYS.size() >= MAX_CACHED_KEYS) {
            SIGNING_KEYS.clear();
        }
        byte[] key = deriveSigningKey(secretAccessKey, date, region, service);
        SIGNING_KEYS.put(scope, key);
        return key;
    }

    /** The signing key computed afresh (what {@link #signingKey} caches). */
    static byte[] deriveSigningKey(String secretAccessKey, String date, String region, String service) {
        byte[] k = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), date);
        k = hmac(k, region);
        k = hmac(k, service);
        return hmac(k, "aws4_request");
    }

    /** The hex signature of a string to sign. */
    public static String signature(String secretAccessKey, String date, String region, String service,
                                   String stringToSign) {
        return HEX.formatHex(hmac(signingKey(secretAccessKey, date, region, service), stringToSign));
    }

    /** Compares two signatures in constant time (no early exit an attacker could time). */
    public static boolean sameSignature(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    /** The lower-case hex SHA-256 of bytes. */
    public static String sha256Hex(byte[] data) {
        return HEX.formatHex(SHA256.get().digest(data));
    }

    /** Lower-case hex of bytes. */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** HMAC-SHA256 of a UTF-8 string. */
    public static byte[] hmac(byte[] key, String data) {
        try {
            // One Mac per thread: looking the algorithm up among the providers costs more than the HMAC itself.
            Mac mac = MAC.get();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String foldSpaces(String value) {
        String trimmed = value.trim();
        if (!trimmed.contains("  ")) {
            return trimmed;
        }
        StringBuilder out = new StringBuilder(trimmed.length());
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c != ' ' || out.charAt(out.length() - 1) != ' ') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
