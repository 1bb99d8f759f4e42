package org.iamdojo.iam.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

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

    /**
     * Does the work as {@link #execute} does and also hands over what the engine worked out beyond the response
     * (the policy simulator's requests and decisions), or null; a call's {@link CallResult#detail()}.
     */
    default Outcome run(OperationContext ctx, Params params) {
        return new Outcome(execute(ctx, params), null);
    }

    /**
     * Whether CloudTrail keeps the response in the event's responseElements; an event lookup does not, or each
     * lookup would carry the events it returned.
     */
    default boolean logsResponse() {
        return true;
    }

    /** A response with the engine's working behind it (the simulator's evaluations, the access map), else null. */
    record Outcome(ObjectNode response, @Nullable CallDetail detail) {
    }

    /** An operation that only reads: CloudTrail marks it readOnly and it is never replayed. */
    static Operation read(String service, String name, AccessRule access, Action execute) {
        return of(service, name, true, access, execute);
    }

    /** An operation that changes state: it draws seeded ids, is logged for replay and tells mutation listeners. */
    static Operation write(String service, String name, AccessRule access, Action execute) {
        return of(service, name, false, access, execute);
    }

    private static Operation of(String service, String name, boolean readOnly, AccessRule access, Action execute) {
        return new Operation() {
            @Override public String service() { return service; }
            @Override public String name() { return name; }
            @Override public boolean readOnly() { return readOnly; }
            @Override public List<AccessRequest> access(OperationContext ctx, Params p) { return access.access(ctx, p); }
            @Override public ObjectNode execute(OperationContext ctx, Params p) { return execute.execute(ctx, p); }
        };
    }

    /** A read whose work also hands over the engine's working (see {@link #run}). */
    static Operation readWithDetail(String service, String name, AccessRule access,
                                    BiFunction<OperationContext, Params, Outcome> run) {
        return new Operation() {
            @Override public String service() { return service; }
            @Override public String name() { return name; }
            @Override public boolean readOnly() { return true; }
            @Override public List<AccessRequest> access(OperationContext ctx, Params p) { return access.access(ctx, p); }
            @Override public ObjectNode execute(OperationContext ctx, Params p) { return run.apply(ctx, p).response(); }
            @Override public Outcome run(OperationContext ctx, Params p) { return run.apply(ctx, p); }
        };
    }

    /** The same operation with its response left out of CloudTrail's record (responseElements null). */
    static Operation responseNotLogged(Operation op) {
        return new Operation() {
            @Override public String service() { return op.service(); }
            @Override public String name() { return op.name(); }
            @Override public boolean readOnly() { return op.readOnly(); }
            @Override public List<AccessRequest> access(OperationContext ctx, Params p) { return op.access(ctx, p); }
            @Override public ObjectNode execute(OperationContext ctx, Params p) { return op.execute(ctx, p); }
            @Override public Outcome run(OperationContext ctx, Params p) { return op.run(ctx, p); }
            @Override public boolean logsResponse() { return false; }
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
