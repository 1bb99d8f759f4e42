package org.iamdojo.awsapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iamdojo.iam.analysis.NoNewAccessCheck.Verdict;
import org.iamdojo.iam.cli.CheckNoNewAccessCommand;
import org.iamdojo.iam.cli.CheckNoNewAccessCommand.Access;

/**
 * IAM Access Analyzer's custom policy checks over its REST-JSON protocol (SigV4 service name
 * {@code access-analyzer}): POST /policy/check-no-new-access, /policy/check-access-not-granted and
 * /policy/check-no-public-access with the API's members (existingPolicyDocument, newPolicyDocument, policyDocument,
 * policyType, access[{actions, resources}], resourceType), answering {@code result}, {@code message} and
 * {@code reasons[{description, statementIndex, statementId}]}
 * (https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoNewAccess.html). The checks only
 * read the documents given, so no sandbox call is made. Bad input is a 400 ValidationException.
 */
final class AccessAnalyzerRest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AccessAnalyzerRest() {
    }

    static AwsResponse handle(AwsRequest request, String requestId) {
        String path = request.rawPath();
        if (!"POST".equals(request.method())) {
            return error(405, "ValidationException", "Access Analyzer checks are POST requests", requestId);
        }
        JsonNode body;
        try {
            body = request.body() == null || request.body().length == 0 ? JSON.createObjectNode()
                    : JSON.readTree(request.body());
        } catch (IOException e) {
            return error(400, "ValidationException", "The request body is not JSON: " + e.getMessage(), requestId);
        }
        try {
            Verdict v = switch (path) {
                case "/policy/check-no-new-access" -> CheckNoNewAccessCommand.noNewAccess(
                        text(body, "existingPolicyDocument"), text(body, "newPolicyDocument"), optional(body, "policyType"));
                case "/policy/check-access-not-granted" -> {
                    List<Access> access = new ArrayList<>();
                    for (JsonNode a : body.path("access")) {
                        access.add(new Access(strings(a.path("actions")), strings(a.path("resources"))));
                    }
                    yield CheckNoNewAccessCommand.accessNotGranted(text(body, "policyDocument"), access,
                            optional(body, "policyType"));
                }
                case "/policy/check-no-public-access" -> CheckNoNewAccessCommand.noPublicAccess(
                        text(body, "policyDocument"), text(body, "resourceType"));
                default -> throw new EndpointException("UnknownOperationException", 404,
                        "No Access Analyzer operation at " + path);
            };
            ObjectNode out = (ObjectNode) JSON.readTree(CheckNoNewAccessCommand.json(v, false));
            return json(200, out.toString(), requestId, null);
        } catch (IllegalArgumentException e) {
            return error(400, "ValidationException", e.getMessage(), requestId);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode body, String member) {
        JsonNode n = body.path(member);
        if (!n.isTextual()) {
            throw new IllegalArgumentException("1 validation error detected: Value at '" + member
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return n.asText();
    }

    private static String optional(JsonNode body, String member) {
        JsonNode n = body.path(member);
        return n.isTextual() ? n.asText() : null;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }

    static AwsResponse error(int status, String type, String message, String requestId) {
        ObjectNode o = JSON.createObjectNode();
        o.put("message", message);
        return json(status, o.toString(), requestId, type);
    }

    private static AwsResponse json(int status, String body, String requestId, String errorType) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        h.put("x-amzn-RequestId", requestId);
        if (errorType != null) {
            h.put("x-amzn-ErrorType", errorType);
        }
        return new AwsResponse(status, h, body.getBytes(StandardCharsets.UTF_8));
    }
}
