package org.iamdojo.awsapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iamdojo.iam.account.AwsException;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Params;

/**
 * S3's REST API, path-style ({@code /bucket/key}), for the S3 operations the sandbox has: ListBuckets,
 * Create/DeleteBucket, Put/Get/Delete/GetBucketPolicy, Put/Get/Head/DeleteObject, ListObjectsV2, with S3's XML
 * bodies and error XML. https://docs.aws.amazon.com/AmazonS3/latest/API/API_Operations_Amazon_Simple_Storage_Service.html,
 * https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
 */
final class S3Rest {
    private static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final String XML_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    /** Answers one S3 request (already authenticated) by calling the sandbox's S3 operation it names. */
    AwsResponse handle(AwsRequest request, AwsEndpoint.Caller call, String requestId) {
        String path = AwsRequest.decodeForm("p=" + request.rawPath().replace("+", "%2B")).get(0).getValue();
        String rest = path.startsWith("/") ? path.substring(1) : path;
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        String method = request.method();
        boolean policy = request.queryParam("policy") != null;
        if (bucket.isEmpty()) {
            if (!method.equals("GET")) {
                throw notImplemented(method + " /");
            }
            return listBuckets(ok(call.call("s3", "ListBuckets", Params.of())), requestId);
        }
        if (key.isEmpty()) {
            return switch (method) {
                case "PUT" -> policy
                        ? empty(204, ok(call.call("s3", "PutBucketPolicy", Params.of("Bucket", bucket, "Policy", body(request)))), requestId)
                        : created(ok(call.call("s3", "CreateBucket", Params.of("Bucket", bucket))), requestId);
                case "DELETE" -> empty(204, ok(call.call("s3", policy ? "DeleteBucketPolicy" : "DeleteBucket",
                        Params.of("Bucket", bucket))), requestId);
                case "GET" -> policy ? policyBody(ok(call.call("s3", "GetBucketPolicy", Params.of("Bucket", bucket))), requestId)
                        : listObjects(ok(call.call("s3", "ListObjectsV2", listParams(request, bucket))), requestId);
                default -> throw notImplemented(method + " /" + bucket);
            };
        }
        Params object = Params.of("Bucket", bucket, "Key", key);
        return switch (method) {
            case "PUT" -> {
                if (request.header("x-amz-copy-source") != null) {
                    throw notImplemented("CopyObject");
                }
                ObjectNode r = ok(call.call("s3", "PutObject", Params.of("Bucket", bucket, "Key", key, "Body", body(request))));
                AwsResponse out = empty(200, r, requestId);
                out.headers().put("ETag", r.path("ETag").asText());
                yield out;
            }
            case "GET", "HEAD" -> getObject(ok(call.call("s3", "GetObject", object)), method.equals("HEAD"), requestId);
            case "DELETE" -> empty(204, ok(call.call("s3", "DeleteObject", object)), requestId);
            default -> throw notImplemented(method + " object");
        };
    }

    private static Params listParams(AwsRequest request, String bucket) {
        Params p = Params.of("Bucket", bucket);
        for (String[] name : new String[][] {{"prefix", "Prefix"}, {"delimiter", "Delimiter"}, {"max-keys", "MaxKeys"}}) {
            String v = request.queryParam(name[0]);
            if (v != null) {
                p.json().put(name[1], v);
            }
        }
        return p;
    }

    private static ObjectNode ok(CallResult result) {
        if (!result.succeeded()) {
            throw result.error();
        }
        return result.response();
    }

    private static String body(AwsRequest request) {
        String encoding = request.header("content-encoding");
        String hash = request.header("x-amz-content-sha256");
        if ((hash != null && hash.startsWith("STREAMING-"))
                || (encoding != null && encoding.contains("aws-chunked"))) {
            return new String(unchunk(request.body()), StandardCharsets.UTF_8);
        }
        return new String(request.body(), StandardCharsets.UTF_8);
    }

    /**
     * The data of an aws-chunked body: chunks of {@code hex-size[;chunk-signature=…]\r\n data \r\n}, ended by a
     * zero-size chunk and optional trailers (checksums, which the sandbox does not keep).
     * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
     */
    static byte[] unchunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < body.length) {
            int lineEnd = indexOfCrlf(body, i);
            if (lineEnd < 0) {
                throw new EndpointException("IncompleteBody", 400, "The aws-chunked body ends inside a chunk header.");
            }
            String header = new String(body, i, lineEnd - i, StandardCharsets.US_ASCII);
            int semicolon = header.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semicolon < 0 ? header : header.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new EndpointException("IncompleteBody", 400, "Bad aws-chunked chunk size: " + header);
            }
            i = lineEnd + 2;
            if (size == 0) {
                break;
            }
            if (size < 0 || i + size > body.length) {
                throw new EndpointException("IncompleteBody", 400, "The aws-chunked body is shorter than its chunk sizes say.");
            }
            out.write(body, i, size);
            i += size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static AwsResponse listBuckets(ObjectNode r, String requestId) {
        StringBuilder xml = new StringBuilder(XML_HEAD).append("<ListAllMyBucketsResult xmlns=\"").append(NS).append("\">");
        xml.append("<Owner><ID>").append(QueryProtocol.escape(r.path("Owner").path("ID").asText())).append("</ID></Owner>");
        xml.append("<Buckets>");
        for (JsonNode b : r.path("Buckets")) {
            xml.append("<Bucket><Name>").append(QueryProtocol.escape(b.path("Name").asText())).append("</Name><CreationDate>")
                    .append(b.path("CreationDate").asText()).append("</CreationDate></Bucket>");
        }
        xml.append("</Buckets></ListAllMyBucketsResult>");
        return AwsResponse.xml(200, xml.toString(), requestId);
    }

    private static AwsResponse listObjects(ObjectNode r, String requestId) {
        StringBuilder xml = new StringBuilder(XML_HEAD).append("<ListBucketResult xmlns=\"").append(NS).append("\">");
        for (String f : List.of("Name", "Prefix", "KeyCount", "MaxKeys", "IsTruncated")) {
            xml.append('<').append(f).append('>').append(QueryProtocol.escape(r.path(f).asText())).append("</").append(f).append('>');
        }
        for (JsonNode o : r.path("Contents")) {
            xml.append("<Contents><Key>").append(QueryProtocol.escape(o.path("Key").asText())).append("</Key><LastModified>")
                    .append(o.path("LastModified").asText()).append("</LastModified><ETag>")
                    .append(QueryProtocol.escape(o.path("ETag").asText())).append("</ETag><Size>").append(o.path("Size").asLong())
                    .append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
        }
        xml.append("</ListBucketResult>");
        return AwsResponse.xml(200, xml.toString(), requestId);
    }

    private static AwsResponse policyBody(ObjectNode r, String requestId) {
        AwsResponse out = empty(200, r, requestId);
        out.headers().put("Content-Type", "application/json");
        return new AwsResponse(200, out.headers(), r.path("Policy").asText().getBytes(StandardCharsets.UTF_8));
    }

    private static AwsResponse getObject(ObjectNode r, boolean head, String requestId) {
        byte[] body = r.path("Body").asText().getBytes(StandardCharsets.UTF_8);
        AwsResponse out = empty(200, r, requestId);
        out.headers().put("Content-Type", "binary/octet-stream");
        out.headers().put("ETag", r.path("ETag").asText());
        out.headers().put("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC)
                .format(Instant.parse(r.path("LastModified").asText())));
        out.headers().put("Content-Length", String.valueOf(body.length));
        return new AwsResponse(200, out.headers(), head ? new byte[0] : body);
    }

    private static AwsResponse created(ObjectNode r, String requestId) {
        AwsResponse out = empty(200, r, requestId);
        out.headers().put("Location", r.path("Location").asText());
        return out;
    }

    private static AwsResponse empty(int status, ObjectNode ignored, String requestId) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("x-amz-request-id", requestId);
        return new AwsResponse(status, h, new byte[0]);
    }

    /**
     * S3's error body {@code <Error><Code/><Message/><RequestId/></Error>}; the credential errors take S3's names
     * (InvalidAccessKeyId for a key S3 does not know).
     */
    static AwsResponse error(AwsException e, String requestId) {
        String code = e.code();
        String message = e.getMessage();
        if (code.equals("InvalidClientTokenId")) {
            code = "InvalidAccessKeyId";
            message = "The AWS Access Key Id you provided does not exist in our records.";
        } else if (code.equals("MissingAuthenticationToken")) {
            code = "AccessDenied";
            message = "Anonymous access is not allowed in the sandbox: sign the request.";
        } else if (code.equals("ExpiredToken")) {
            message = "The provided token has expired.";
        }
        String xml = XML_HEAD + "<Error><Code>" + QueryProtocol.escape(code) + "</Code><Message>"
                + QueryProtocol.escape(message) + "</Message><RequestId>" + requestId + "</RequestId></Error>";
        // S3 answers an expired session token with 400 (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html).
        int status = code.equals("ExpiredToken") ? 400 : e.httpStatus();
        return AwsResponse.xml(status, xml, requestId);
    }

    private static EndpointException notImplemented(String what) {
        return new EndpointException("NotImplemented", 501,
                "A header or request you provided implies functionality that the sandbox's S3 does not have: " + what);
    }
}
