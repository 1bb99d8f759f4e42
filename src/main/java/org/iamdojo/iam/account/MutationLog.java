package org.iamdojo.iam.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.iamdojo.iam.audit.CloudTrail;

/**
 * Turns successful mutations into JSON for the durable event log of an attempt, and back for replay.
 * The params are kept whole (replay needs them); they hold only sandbox practice credentials.
 */
public final class MutationLog {
    private MutationLog() {
    }

    /** The JSON form of a mutation. */
    public static ObjectNode toJson(Sandbox.MutationRecord r) {
        ObjectNode j = Sandbox.json().objectNode();
        j.put("time", r.time().toString());
        j.put("service", r.service());
        j.put("operation", r.operation());
        j.set("params", r.params().json());
        Caller c = r.caller();
        ObjectNode caller = j.putObject("caller");
        caller.put("type", c.type().awsName());
        caller.put("accountId", c.accountId());
        caller.put("arn", c.arn());
        caller.put("principalId", c.principalId());
        caller.put("userName", c.userName());
        caller.put("accessKeyId", c.accessKeyId());
        caller.put("mfa", c.mfaAuthenticated());
        caller.put("issuerArn", c.issuerArn());
        return j;
    }

    /** The mutation a JSON form describes (its CloudTrail event is not part of it). */
    public static Sandbox.MutationRecord fromJson(JsonNode j) {
        JsonNode c = j.get("caller");
        Caller caller = new Caller(CallerType.fromAwsName(text(c, "type")), text(c, "accountId"), text(c, "arn"), text(c, "principalId"),
                text(c, "userName"), text(c, "accessKeyId"), c.path("mfa").asBoolean(), text(c, "issuerArn"), null);
        return new Sandbox.MutationRecord(Instant.parse(j.get("time").asText()), caller, j.get("service").asText(),
                j.get("operation").asText(), new Params((ObjectNode) j.get("params").deepCopy()), null);
    }

    /** The CloudTrail JSON of the event the mutation left (for the durable trail). */
    public static ObjectNode eventJson(Sandbox.MutationRecord r) {
        return r.event() == null ? Sandbox.json().objectNode() : CloudTrail.toJson(r.event());
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
