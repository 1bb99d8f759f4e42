package org.iamdojo.iam.access;

import org.iamdojo.iam.eval.AuthorizationRequest;
import org.iamdojo.iam.eval.Decision;

/** One authorization the map asked the engine: the action, the resource ("*" for none), the request and its decision. */
public record EngineCheck(String action, String resource, AuthorizationRequest request, Decision decision) {

    /** Whether the engine allowed it. */
    public boolean allowed() {
        return decision.allowed();
    }
}
