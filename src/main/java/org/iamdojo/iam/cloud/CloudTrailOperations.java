package org.iamdojo.iam.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.iamdojo.iam.account.AccessRequest;
import org.iamdojo.iam.account.AwsException;
import org.iamdojo.iam.account.Operation;
import org.iamdojo.iam.account.OperationContext;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.audit.CloudTrail;
import org.iamdojo.iam.audit.TrailEvent;

/**
 * CloudTrail's event history API: LookupEvents over the events delivered to the caller's account, newest
 * first, at most 50 a page with a NextToken, optionally narrowed by a time range and one lookup attribute.
 * cloudtrail:LookupEvents has no resource types, so it is authorized on "*".
 * https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html
 */
public final class CloudTrailOperations {
    /** AWS's page size limit (and default). */
    static final int MAX_RESULTS = 50;

    /** What each lookup attribute compares; the sandbox keeps no resource list, so ResourceType/Name are refused. */
    private static final Map<String, Function<TrailEvent, String>> ATTRIBUTES = Map.of(
            "EventId", TrailEvent::eventId,
            "EventName", TrailEvent::eventName,
            "EventSource", TrailEvent::eventSource,
            "ReadOnly", e -> String.valueOf(e.readOnly()),
            "Username", CloudTrailOperations::username,
            "AccessKeyId", TrailEvent::accessKeyId);

    private CloudTrailOperations() {
    }

    /** Registers LookupEvents; its own CloudTrail record leaves the response out, as the events are there already. */
    public static void registerAll(Sandbox sb) {
        sb.register(Operation.responseNotLogged(Operation.read("cloudtrail", "LookupEvents",
                (c, p) -> List.of(AccessRequest.withoutResource("cloudtrail:LookupEvents", c.accountId())),
                CloudTrailOperations::lookup)));
    }

    private static ObjectNode lookup(OperationContext c, Params p) {
        Integer max = p.integer("MaxResults");
        if (max != null && (max < 1 || max > MAX_RESULTS)) {
            throw new AwsException("InvalidMaxResultsException", 400,
                    "Value " + max + " for MaxResults is invalid: it must be between 1 and " + MAX_RESULTS + ".");
        }
        int limit = max == null ? MAX_RESULTS : max;
        Instant start = time(p, "StartTime");
        Instant end = time(p, "EndTime");
        if (start != null && end != null && start.isAfter(end)) {
            throw new AwsException("InvalidTimeRangeException", 400, "Start time must be before end time.");
        }
        JsonNode attributes = p.json().path("LookupAttributes");
        if (attributes.size() > 1) {
            throw new AwsException("InvalidLookupAttributesException", 400,
                    "You can specify only one lookup attribute at a time.");
        }
        Function<TrailEvent, String> field = null;
        String value = null;
        if (attributes.size() == 1) {
            String key = attributes.get(0).path("AttributeKey").asText();
            field = ATTRIBUTES.get(key);
            if (field == null) {
                throw new AwsException("InvalidLookupAttributesException", 400, "AttributeKey " + key
                        + " is not supported here; use one of EventId, EventName, EventSource, ReadOnly, Username"
                        + " or AccessKeyId.");
            }
            value = attributes.get(0).path("AttributeValue").asText();
        }
        List<TrailEvent> events = new ArrayList<>(c.sandbox().trail().events(c.accountId()));
        Collections.reverse(events);
        // Insights events are the other category; the sandbox records management events only.
        boolean insight = "insight".equalsIgnoreCase(p.optional("EventCategory"));
        int from = 0;
        String token = p.optional("NextToken");
        if (token != null) {
            String after = decode(token);
            from = -1;
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).eventId().equals(after)) {
                    from = i + 1;
                    break;
                }
            }
            if (from < 0) {
                throw new AwsException("InvalidNextTokenException", 400, "Invalid NextToken: " + token);
            }
        }
        ObjectNode out = c.object();
        ArrayNode list = out.putArray("Events");
        TrailEvent last = null;
        boolean more = false;
        for (int i = from; i < events.size() && !insight; i++) {
            TrailEvent e = events.get(i);
            if (start != null && e.eventTime().isBefore(start) || end != null && e.eventTime().isAfter(end)
                    || field != null && !value.equals(field.apply(e))) {
                continue;
            }
            if (list.size() == limit) {
                more = true;
                break;
            }
            list.add(eventJson(c, e));
            last = e;
        }
        if (more) {
            out.put("NextToken", Base64.getEncoder().encodeToString(last.eventId().getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static ObjectNode eventJson(OperationContext c, TrailEvent e) {
        ObjectNode j = c.object();
        j.put("EventId", e.eventId());
        j.put("EventName", e.eventName());
        j.put("ReadOnly", String.valueOf(e.readOnly()));
        if (e.accessKeyId() != null) {
            j.put("AccessKeyId", e.accessKeyId());
        }
        j.put("EventTime", e.eventTime().toString());
        j.put("EventSource", e.eventSource());
        String user = username(e);
        if (user != null) {
            j.put("Username", user);
        }
        j.putArray("Resources");
        j.put("CloudTrailEvent", CloudTrail.toJson(e).toString());
        return j;
    }

    /** The user name event history shows: root, the IAM user's name, the role session's name, or the service. */
    static String username(TrailEvent e) {
        if (e.byRoot()) {
            return "root";
        }
        String arn = e.principalArn();
        if (arn == null) {
            return null;
        }
        return arn.contains("/") ? arn.substring(arn.lastIndexOf('/') + 1) : arn;
    }

    private static Instant time(Params p, String name) {
        String v = p.optional(name);
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw AwsException.validation("Value '" + v + "' at '" + Character.toLowerCase(name.charAt(0))
                    + name.substring(1) + "' is not a valid timestamp (ISO 8601, e.g. 2025-01-31T12:00:00Z)");
        }
    }

    private static String decode(String token) {
        try {
            return new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AwsException("InvalidNextTokenException", 400, "Invalid NextToken: " + token);
        }
    }
}
