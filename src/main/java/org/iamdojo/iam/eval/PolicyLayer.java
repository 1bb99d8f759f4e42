package org.iamdojo.iam.eval;

/** A kind of policy taking part in an authorization, and the layer that decided it. */
public enum PolicyLayer {
    SCP("service control policy"),
    RCP("resource control policy"),
    RESOURCE_POLICY("resource-based policy"),
    IDENTITY("identity-based policy"),
    PERMISSIONS_BOUNDARY("permissions boundary"),
    SESSION_POLICY("session policy"),
    ROOT_USER("root user"),
    /** No policy decided: the resource is owned by AWS (AWS managed policy, service-linked role, AWS managed key). */
    AWS_MANAGED("AWS managed resource");

    private final String awsName;

    PolicyLayer(String awsName) {
        this.awsName = awsName;
    }

    /** The words AWS uses for this policy type in AccessDenied messages. */
    public String awsName() {
        return awsName;
    }
}
