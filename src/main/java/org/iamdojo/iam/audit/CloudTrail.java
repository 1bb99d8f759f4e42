package org.iamdojo.iam.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** The event history of a sandbox, in the order calls happened, in CloudTrail's record format. */
public final class CloudTrail {
    /** Events kept in memory per sandbox; older ones live on only in the durable log of an attempt. */
    public static final int MAX_RETAINED = 50_000;
    private final List<TrailEvent> events = new ArrayList<>();
    private long dropped;
    private final List<Consumer<TrailEvent>> listeners = new CopyOnWriteArrayList<>();

    /** Appends an event and tells the listeners (the durable log of an attempt). */
    public void record(TrailEvent event) {
        synchronized (this) {
            add(event);
        }
        listeners.forEach(l -> l.accept(event));
    }

    /** Puts back an event read from the durable log, without telling the listeners. */
    public synchronized void restore(TrailEvent event) {
        add(event);
    }

    private void add(TrailEvent event) {
        events.add(event);
        if (events.size() > MAX_RETAINED) {
            int drop = MAX_RETAINED / 10;
            events.subList(0, drop).clear();
            dropped += drop;
        }
    }

    /** How many events were ever recorded (positions count from the first one). */
    public synchronized long total() {
        return dropped + events.size();
    }

    /** The retained events at or after an absolute position (see {@link #total()}). */
    public synchronized List<TrailEvent> since(long position) {
        int from = (int) Math.max(0, Math.min(events.size(), position - dropped));
        return List.copyOf(events.subList(from, events.size()));
    }

    /** Receives every new event. */
    public void addListener(Consumer<TrailEvent> listener) {
        listeners.add(listener);
    }

    /** Reads a record made by {@link #toJson}. */
    public static TrailEvent fromJson(JsonNode r) {
        JsonNode id = r.path("userIdentity");
        JsonNode issuer = id.path("sessionContext").path("sessionIssuer");
        return new TrailEvent(text(r, "eventID"), Instant.parse(r.path("eventTime").asText()),
                text(r, "eventSource"), text(r, "eventName"), text(r, "awsRegion"), text(id, "type"), text(id, "arn"),
                text(id, "principalId"), text(id, "accountId"), text(id, "accessKeyId"),
                issuer.isMissingNode() ? null : text(issuer, "arn"),
                "true".equals(id.path("sessionContext").path("attributes").path("mfaAuthenticated").asText()),
                text(r, "sourceIPAddress"), r.get("requestParameters"), r.get("responseElements"),
                text(r, "errorCode"), text(r, "errorMessage"), text(r, "recipientAccountId"),
                r.path("readOnly").asBoolean(), text(r, "userAgent"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
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
        if (e.userAgent() != null) {
            r.put("userAgent", e.userAgent());
        }
        JsonNode request = e.requestParameters();
        JsonNode response = e.responseElements();
        r.set("requestParameters", request == null ? f.nullNode() : request);
        r.set("responseElements", response == null ? f.nullNode() : response);
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
