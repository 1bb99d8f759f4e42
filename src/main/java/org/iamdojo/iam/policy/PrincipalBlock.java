package org.iamdojo.iam.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Principal or NotPrincipal element: either the bare wildcard {@code "*"} or a map from principal type
 * (AWS, Service, Federated, CanonicalUser; other names are kept for the validator) to its values.
 */
public record PrincipalBlock(boolean wildcard, Map<String, List<String>> values) {
    /** Principal type key for AWS accounts, users, roles and sessions. */
    public static final String AWS = "AWS";
    /** Principal type key for AWS service principals. */
    public static final String SERVICE = "Service";
    /** Principal type key for identity providers (SAML, OIDC, Cognito). */
    public static final String FEDERATED = "Federated";
    /** Principal type key for S3 canonical user ids. */
    public static final String CANONICAL_USER = "CanonicalUser";

    /** Copies the values so the block is immutable. */
    public PrincipalBlock {
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The bare {@code "*"} principal. */
    public static PrincipalBlock any() {
        return new PrincipalBlock(true, Map.of());
    }

    /** The values listed for one principal type, empty if none. */
    public List<String> valuesOf(String type) {
        return values.getOrDefault(type, List.of());
    }
}
