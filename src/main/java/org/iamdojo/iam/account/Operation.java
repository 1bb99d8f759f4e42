package org.iamdojo.iam.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One API operation of the sandbox under its AWS name: what it needs authorized, and what it does. */
public interface Operation {

    /** The service prefix of its actions: iam, sts, s3, ec2, cloudwatch, account… */
    String service();

    /** The API name, e.g. CreateUser. */
    String name();

    /** Whether it only reads (CloudTrail's readOnly; read-only calls are not replayed). */
    boolean readOnly();

    /** The permissions the caller needs, each authorized by the engine before anything changes. */
    List<AccessRequest> access(OperationContext ctx, Params params);

    /** Does the work and returns the response in AWS's shape; throws {@link AwsException} on errors. */
    ObjectNode execute(OperationContext ctx, Params params);

    /** An operation made of two functions. */
    static Operation of(String service, String name, boolean readOnly, AccessRule access, Action execute) {
        return new Operation() {
            @Override public String service() { return service; }
            @Override public String name() { return name; }
            @Override public boolean readOnly() { return readOnly; }
            @Override public List<AccessRequest> access(OperationContext ctx, Params p) { return access.access(ctx, p); }
            @Override public ObjectNode execute(OperationContext ctx, Params p) { return execute.execute(ctx, p); }
        };
    }

    /** Computes the permissions an operation needs. */
    @FunctionalInterface
    interface AccessRule {
        List<AccessRequest> access(OperationContext ctx, Params params);
    }

    /** Performs an operation. */
    @FunctionalInterface
    interface Action {
        ObjectNode execute(OperationContext ctx, Params params);
    }
}
