package org.iamdojo.iam.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.iamdojo.iam.audit.TrailEvent;

/**
 * The outcome of a sandbox call: the response in AWS's shape, or the error; the engine's Decision when
 * access was denied (for "Why?"); and the CloudTrail event it left.
 */
public record CallResult(ObjectNode response, AwsException error, Object decision, TrailEvent event) {

    static CallResult ok(ObjectNode response, TrailEvent event) {
        return new CallResult(response, null, null, event);
    }

    static CallResult failed(AwsException error, Object decision, TrailEvent event) {
        return new CallResult(null, error, decision, event);
    }

    /** Whether the call succeeded. */
    public boolean succeeded() {
        return error == null;
    }

    /** The response, or throws the error: convenient for tests and reference solutions. */
    public ObjectNode orThrow() {
        if (error != null) {
            throw error;
        }
        return response;
    }
}
