package org.iamdojo.awsapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iamdojo.iam.account.AwsException;
import org.iamdojo.iam.account.Params;

/**
 * The AWS Query protocol of IAM and STS (and, with its own dialect, EC2), converted generically to and from the
 * JSON shapes the sandbox's operations take and return: {@code Name.member.N} (EC2: {@code Name.N}) lists become
 * arrays, {@code A.B} nesting becomes objects; responses become
 * {@code <XResponse><XResult>…</XResult><ResponseMetadata><RequestId>}, errors {@code <ErrorResponse>}.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/iam-api.pdf (Making Query requests),
 * https://smithy.io/2.0/aws/protocols/aws-query-protocol.html, https://smithy.io/2.0/aws/protocols/aws-ec2-query-protocol.html
 */
public final class QueryProtocol {
    /** Namespaces and API versions of the query services. */
    public static final Map<String, String> NAMESPACES = Map.of(
            "iam", "https://iam.amazonaws.com/doc/2010-05-08/",
            "sts", "https://sts.amazonaws.com/doc/2011-06-15/",
            "ec2", "http://ec2.amazonaws.com/doc/2016-11-15/");
    /** Parameters of the protocol itself, not of the operation. */
    private static final Set<String> PROTOCOL_PARAMS = Set.of("Action", "Version");
    /** IAM returns policy documents URL-encoded (RFC 3986) inside the XML; clients decode them. */
    private static final Set<String> ENCODED_DOCUMENTS = Set.of("PolicyDocument", "AssumeRolePolicyDocument", "Document");
    /** Members that are maps on the wire (entry/key/value), not structures. */
    private static final Set<String> MAPS = Set.of("SummaryMap");

    private QueryProtocol() {
    }

    /** The operation's parameters from the request's form pairs (Action, Version and X-Amz-* left out). */
    public static Params params(List<Map.Entry<String, String>> form) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, String> e : form) {
            String name = e.getKey();
            if (PROTOCOL_PARAMS.contains(name) || name.startsWith("X-Amz-")) {
                continue;
            }
            put(root, name.split("\\."), e.getValue(), name);
        }
        return new Params(root);
    }

    private static void put(ObjectNode root, String[] path, String value, String fullName) {
        JsonNode node = root;
        for (int i = 0; i < path.length; i++) {
            String segment = path[i];
            if (segment.equals("member") && i + 1 < path.length && isIndex(path[i + 1])) {
                continue;
            }
            boolean last = i == path.length - 1;
            String next = last ? null : path[i + 1].equals("member") && i + 2 < path.length ? path[i + 2] : path[i + 1];
            boolean childIsList = next != null && isIndex(next);
            if (isIndex(segment)) {
                if (!(node instanceof ArrayNode array)) {
                    throw malformed(fullName);
                }
                int index = Integer.parseInt(segment) - 1;
                while (array.size() <= index) {
                    array.addNull();
                }
                if (last) {
                    array.set(index, JsonNodeFactory.instance.textNode(value));
                    return;
                }
                if (array.get(index).isNull()) {
                    array.set(index, childIsList ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.objectNode());
                }
                node = array.get(index);
            } else {
                if (!(node instanceof ObjectNode object)) {
                    throw malformed(fullName);
                }
                if (last) {
                    object.put(segment, value);
                    return;
                }
                JsonNode child = object.get(segment);
                if (child == null || child.isValueNode()) {
                    child = childIsList ? object.putArray(segment) : object.putObject(segment);
                }
                node = child;
            }
        }
    }

    private static boolean isIndex(String s) {
        if (s.isEmpty() || s.length() > 4) {
            return false;
        }
        for (char c : s.toCharArray()) {
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return Integer.parseInt(s) >= 1;
    }

    private static AwsException malformed(String name) {
        return new EndpointException("MalformedQueryString", 400, "Parameter " + name
                + " mixes a list index and a member name; lists are Name.member.N, structures Name.Field.");
    }

    /** A successful IAM/STS response: {@code <ActionResponse><ActionResult>…</ActionResult><ResponseMetadata>}. */
    public static String response(String service, String action, ObjectNode result, String requestId) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append('<').append(action).append("Response xmlns=\"").append(NAMESPACES.get(service)).append("\">");
        if (!result.isEmpty()) {
            xml.append('<').append(action).append("Result>");
            members(xml, result, "member");
            xml.append("</").append(action).append("Result>");
        }
        xml.append("<ResponseMetadata><RequestId>").append(requestId).append("</RequestId></ResponseMetadata>");
        xml.append("</").append(action).append("Response>");
        return xml.toString();
    }

    /** A successful EC2 response: members straight under {@code <ActionResponse>}, lists of {@code <item>}. */
    public static String ec2Response(String action, ObjectNode result, String requestId) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append('<').append(action).append("Response xmlns=\"").append(NAMESPACES.get("ec2")).append("\">");
        xml.append("<requestId>").append(requestId).append("</requestId>");
        members(xml, result, "item");
        xml.append("</").append(action).append("Response>");
        return xml.toString();
    }

    /** An IAM/STS error: {@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>}. */
    public static String error(String service, AwsException e, String requestId) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ErrorResponse xmlns=\""
                + NAMESPACES.getOrDefault(service, NAMESPACES.get("iam")) + "\"><Error><Type>"
                + (e.httpStatus() >= 500 ? "Receiver" : "Sender") + "</Type><Code>" + escape(e.code())
                + "</Code><Message>" + escape(e.getMessage()) + "</Message></Error><RequestId>" + requestId
                + "</RequestId></ErrorResponse>";
    }

    /** An EC2 error: {@code <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/>}. */
    public static String ec2Error(AwsException e, String requestId) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" + escape(e.code())
                + "</Code><Message>" + escape(e.getMessage()) + "</Message></Error></Errors><RequestID>" + requestId
                + "</RequestID></Response>";
    }

    private static void members(StringBuilder xml, ObjectNode object, String listItem) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            element(xml, f.getKey(), f.getValue(), listItem);
        }
    }

    private static void element(StringBuilder xml, String name, JsonNode value, String listItem) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return;
        }
        xml.append('<').append(name).append('>');
        if (MAPS.contains(name) && value.isObject()) {
            value.fields().forEachRemaining(e -> {
                xml.append("<entry><key>").append(escape(e.getKey())).append("</key>");
                element(xml, "value", e.getValue(), listItem);
                xml.append("</entry>");
            });
        } else if (ENCODED_DOCUMENTS.contains(name)) {
            String text = value.isTextual() ? value.asText() : value.toString();
            xml.append(escape(URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20")));
        } else if (value.isObject()) {
            members(xml, (ObjectNode) value, listItem);
        } else if (value.isArray()) {
            for (JsonNode item : value) {
                element(xml, listItem, item, listItem);
            }
        } else {
            xml.append(escape(value.asText()));
        }
        xml.append("</").append(name).append('>');
    }

    /** Escapes text for XML content. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                        out.append("&#").append((int) c).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
