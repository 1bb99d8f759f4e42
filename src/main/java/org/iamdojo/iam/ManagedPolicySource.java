package org.iamdojo.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.iamdojo.iam.account.Sandbox;

/** Supplies the AWS managed policies a new sandbox knows (AdministratorAccess, ReadOnlyAccess…). */
@FunctionalInterface
public interface ManagedPolicySource {
    /** The classpath resource read by {@link #classpath()}. */
    String RESOURCE = "/iam/managed-policies.json";

    /** Adds the policies to a sandbox with {@link Sandbox#addAwsManagedPolicy}. */
    void addTo(Sandbox sandbox);

    /** No AWS managed policies. */
    ManagedPolicySource NONE = sandbox -> { };

    /**
     * The policies of {@value #RESOURCE} ({"policies":[{name, arn, path, defaultVersionId, document}]}, the
     * catalog's generated format) when the resource is present, else none.
     */
    static ManagedPolicySource classpath() {
        JsonNode root;
        try (InputStream in = ManagedPolicySource.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return NONE;
            }
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        return sandbox -> {
            for (JsonNode p : root.path("policies")) {
                sandbox.addAwsManagedPolicy(p.path("name").asText(), p.path("path").asText("/"), p.path("arn").asText(),
                        p.path("defaultVersionId").asText("v1"), p.path("document").toString());
            }
        };
    }
}
