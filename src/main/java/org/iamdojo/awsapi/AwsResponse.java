package org.iamdojo.awsapi;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the AWS endpoint answers: status, headers and body. */
public record AwsResponse(int status, Map<String, String> headers, byte[] body) {

    /** An XML answer with AWS's request id headers. */
    public static AwsResponse xml(int status, String xml, String requestId) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "text/xml");
        h.put("x-amzn-RequestId", requestId);
        h.put("x-amz-request-id", requestId);
        return new AwsResponse(status, h, xml.getBytes(StandardCharsets.UTF_8));
    }
}
