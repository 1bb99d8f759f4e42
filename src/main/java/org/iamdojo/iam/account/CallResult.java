package org.iamdojo.iam.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.iamdojo.iam.audit.TrailEvent;
import org.iamdojo.iam.eval.Decision;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a sandbox call: the response in AWS's shape, or the error; the engine's Decision when
 * access was denied (for "Why?"), else null; the CloudTrail event it left; and, for the policy simulator, the
 * requests and decisions behind its response ({@link PrincipalSimulation.Evaluations}), for the access map the
 * map ({@link CallDetail}), else null.
 */
public record CallResult(@Nullable ObjectNode response, @Nullable AwsException error, @Nullable Decision decision,
                         @Nullable TrailEvent event, @Nullable CallDetail detail) {

    /** A result without the simulator's evaluations. */
    public CallResult(@Nullable ObjectNode response, @Nullable AwsException error, @Nullable Decision decision,
                      @Nullable TrailEvent event) {
        this(response, error, decision, event, null);
    }

    static CallResult ok(ObjectNode response, @Nullable TrailEvent event, @Nullable CallDetail detail) {
        return new CallResult(response, null, null, event, detail);
    }

    static CallResult failed(AwsException error, @Nullable Decision decision, @Nullable TrailEvent event) {
        return new CallResult(null, error, decision, event, null);
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
