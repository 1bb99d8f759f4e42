package org.iamdojo.awsapi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request to the AWS endpoint as it came off the wire: method, raw (still percent-encoded) path, query
 * parameters decoded in order, headers by lower-case name (repeated headers joined with commas), body and the
 * address it came from.
 */
public record AwsRequest(String method, String rawPath, List<Map.Entry<String, String>> query,
                         Map<String, String> headers, byte[] body, String sourceIp) {

    /** A header by lower-case name, or null. */
    public @Nullable String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    /** The first query parameter of that name (exact case), or null. */
    public @Nullable String queryParam(String name) {
        for (Map.Entry<String, String> e : query) {
            if (e.getKey().equals(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Decodes an application/x-www-form-urlencoded string (a query or a form body) into ordered pairs. */
    public static List<Map.Entry<String, String>> decodeForm(@Nullable String raw) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.add(new AbstractMap.SimpleImmutableEntry<>(decode(name), decode(value)));
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new EndpointException("MalformedQueryString", 400, "The query string is not well formed: " + e.getMessage());
        }
    }
}
