package org.iamdojo.iam.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/** The event history of a sandbox, in the order calls happened, in CloudTrail's record format. */
public final class CloudTrail {
    private final List<TrailEvent> events = new ArrayList<>();

    /** Appends an event. */
    public synchronized void record(TrailEvent event) {
        events.add(event);
    }

    /** All events, oldest first. */
    public synchronized List<TrailEvent> events() {
        return Collections.unmodifiableList(new ArrayList<>(events));
    }

    /** Events delivered to one account: its own calls and calls by others on its resources (one copy each). */
    public synchronized List<TrailEvent> events(String accountId) {
        return events.stream().filter(e -> accountId.equals(e.recipientAccountId())).toList();
    }

    /** Events that satisfy a filter. */
    public synchronized List<TrailEvent> find(Predicate<TrailEvent> filter) {
        return events.stream().filter(filter).toList();
    }

    /** The event as CloudTrail's JSON record. */
    public static ObjectNode toJson(TrailEvent e) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode r = f.objectNode();
        r.put("eventVersion", "1.09");
        ObjectNode identity = r.putObject("userIdentity");
        identity.put("type", e.userIdentityType());
        identity.put("principalId", e.principalId());
        identity.put("arn", e.principalArn());
        identity.put("accountId", e.accountId());
        if (e.accessKeyId() != null) {
            identity.put("accessKeyId", e.accessKeyId());
        }
        ObjectNode sessionContext = identity.putObject("sessionContext");
        if (e.sessionIssuerArn() != null) {
            ObjectNode issuer = sessionContext.putObject("sessionIssuer");
            issuer.put("type", e.sessionIssuerArn().contains(":role/") ? "Role" : "IAMUser");
            issuer.put("arn", e.sessionIssuerArn());
            issuer.put("accountId", e.accountId());
        }
        sessionContext.putObject("attributes").put("mfaAuthenticated", String.valueOf(e.mfaAuthenticated()));
        r.put("eventTime", e.eventTime().toString());
        r.put("eventSource", e.eventSource());
        r.put("eventName", e.eventName());
        r.put("awsRegion", e.awsRegion());
        r.put("sourceIPAddress", e.sourceIPAddress());
        r.set("requestParameters", e.requestParameters() == null ? f.nullNode() : e.requestParameters());
        r.set("responseElements", e.responseElements() == null ? f.nullNode() : e.responseElements());
        if (e.errorCode() != null) {
            r.put("errorCode", e.errorCode());
            r.put("errorMessage", e.errorMessage());
        }
        r.put("eventID", e.eventId());
        r.put("readOnly", e.readOnly());
        r.put("eventType", "AwsApiCall");
        r.put("recipientAccountId", e.recipientAccountId());
        return r;
    }

    /** Removes secrets (secret keys, session tokens, passwords) from request or response JSON before it is logged. */
    public static JsonNode redact(JsonNode node) {
        if (node == null) {
            return null;
        }
        JsonNode copy = node.deepCopy();
        redactInPlace(copy);
        return copy;
    }

    private static void redactInPlace(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            List<String> names = new ArrayList<>();
            obj.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String lower = name.toLowerCase();
                if (lower.contains("secret") || lower.contains("password") || lower.equals("sessiontoken")
                        || lower.startsWith("authenticationcode") || lower.contains("seed") || lower.contains("qrcode")) {
                    obj.put(name, "HIDDEN_DUE_TO_SECURITY_REASONS");
                } else {
                    redactInPlace(obj.get(name));
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(CloudTrail::redactInPlace);
        }
    }
}
