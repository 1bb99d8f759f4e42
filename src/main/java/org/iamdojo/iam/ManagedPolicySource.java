package org.iamdojo.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
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
        // Read into strings once: every sandbox then shares the same document texts (about 156 kB for the 32
        // policies) instead of writing its own copy of each from the JSON tree.
        List<Entry> entries = new ArrayList<>();
        for (JsonNode p : root.path("policies")) {
            entries.add(new Entry(p.path("name").asText(), p.path("path").asText("/"), p.path("arn").asText(),
                    p.path("defaultVersionId").asText("v1"), p.path("document").toString()));
        }
        List<Entry> policies = List.copyOf(entries);
        return sandbox -> {
            for (Entry e : policies) {
                sandbox.addAwsManagedPolicy(e.name(), e.path(), e.arn(), e.versionId(), e.document());
            }
        };
    }

    /** One AWS managed policy as read from the resource. */
    record Entry(String name, String path, String arn, String versionId, String document) {
    }
}
