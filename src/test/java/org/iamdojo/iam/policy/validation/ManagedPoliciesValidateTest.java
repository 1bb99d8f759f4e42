package org.iamdojo.iam.policy.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.iamdojo.iam.policy.catalog.AwsManagedPolicy;
import org.iamdojo.iam.policy.catalog.AwsManagedPolicyCatalog;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Real AWS managed policies are valid documents: the validator must find no ERROR in any of them. */
class ManagedPoliciesValidateTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final PolicyValidator validator = PolicyValidator.standard();

    @TestFactory
    Stream<DynamicTest> everyShippedManagedPolicyValidatesWithoutErrors() {
        return AwsManagedPolicyCatalog.load().all().stream().map(policy -> DynamicTest.dynamicTest(
                policy.policyName(), () -> {
                    // Pretty-printed as a learner would see it in the console, so positions are realistic.
                    String pretty = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(
                            MAPPER.readTree(policy.document()));
                    List<Finding> errors = validator.validate(pretty, PolicyType.IDENTITY_POLICY).stream()
                            .filter(f -> f.severity() == Severity.ERROR).toList();
                    assertThat(errors).as(policy.policyName()).isEmpty();
                }));
    }

    @TestFactory
    Stream<DynamicTest> shippedManagedPoliciesOnlyWarnWhereAwsWould() {
        AwsManagedPolicy admin = AwsManagedPolicyCatalog.load().byName("AdministratorAccess").orElseThrow();
        return Stream.of(DynamicTest.dynamicTest("AdministratorAccess is full access", () ->
                assertThat(validator.validate(admin.document(), PolicyType.IDENTITY_POLICY))
                        .extracting(Finding::issueCode).containsExactly("ALLOW_ALL_ACTIONS_ON_ALL_RESOURCES")));
    }
}
