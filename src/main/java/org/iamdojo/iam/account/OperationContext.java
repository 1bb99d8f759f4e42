package org.iamdojo.iam.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** What an operation sees while it runs: the sandbox, the resolved caller and its account, the time. */
public record OperationContext(Sandbox sandbox, Caller caller, SandboxAccount account, Instant now) {

    /** A new empty JSON object for responses. */
    public ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A response with one element, e.g. {"User": {...}} for GetUser or {"Root": {...}} for EnablePolicyType. */
    public ObjectNode response(String field, JsonNode value) {
        ObjectNode out = object();
        out.set(field, value);
        return out;
    }

    /** The caller's account id. */
    public String accountId() {
        return account.accountId();
    }

    /** The id generator of the sandbox. */
    public IdGenerator ids() {
        return sandbox.ids();
    }
}
