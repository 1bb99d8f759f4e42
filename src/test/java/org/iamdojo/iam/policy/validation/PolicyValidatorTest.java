package org.iamdojo.iam.policy.validation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iamdojo.iam.policy.validation.PolicyType.IDENTITY_POLICY;
import static org.iamdojo.iam.policy.validation.PolicyType.RESOURCE_POLICY;
import static org.iamdojo.iam.policy.validation.PolicyType.SERVICE_CONTROL_POLICY;
import static org.iamdojo.iam.policy.validation.PolicyType.TRUST_POLICY;
import static org.iamdojo.iam.policy.validation.Severity.ERROR;
import static org.iamdojo.iam.policy.validation.Severity.SECURITY_WARNING;
import static org.iamdojo.iam.policy.validation.Severity.SUGGESTION;
import static org.iamdojo.iam.policy.validation.Severity.WARNING;

/**
 * One test per finding code, each asserting the code, severity, line and column.
 * Codes and severities follow https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
 * and the grammar of https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
class PolicyValidatorTest {
    private final PolicyValidator validator = PolicyValidator.standard();

    /** Joins lines with newlines so each test can count lines and columns by eye. */
    private static String doc(String... lines) {
        return String.join("\n", lines);
    }

    /** A 2012-10-17 identity policy with one statement made of {@code statementLines} (statement starts at line 3, column 3). */
    private static String identity(String... statementLines) {
        StringBuilder sb = new StringBuilder("{\"Version\": \"2012-10-17\",\n\"Statement\": [\n  {");
        for (String l : statementLines) {
            sb.append('\n').append(l);
        }
        return sb.append("\n  }\n]}").toString();
    }

    private List<Finding> check(String json, PolicyType type) {
        return validator.validate(json, type);
    }

    private static void assertHas(List<Finding> findings, Severity severity, String code, int line, int column) {
        assertThat(findings).as(findings.toString())
                .anySatisfy(f -> assertThat(f).extracting(Finding::severity, Finding::issueCode, Finding::line, Finding::column)
                        .containsExactly(severity, code, line, column));
    }

    @Test
    void aValidIdentityPolicyHasNoFindings() {
        String json = identity(
                "    \"Sid\": \"ReadReports\",",
                "    \"Effect\": \"Allow\",",
                "    \"Action\": [\"s3:GetObject\", \"s3:List*\"],",
                "    \"Resource\": [\"arn:aws:s3:::reports\", \"arn:aws:s3:::reports/${aws:username}/*\"],",
                "    \"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"true\"}, \"StringLike\": {\"s3:prefix\": [\"home/\"]}}");
        assertThat(check(json, IDENTITY_POLICY)).isEmpty();
    }

    @Test
    void malformedJsonIsReportedWhereTheParserStopped() {
        String json = doc(
                "{",
                "  \"Version\": \"2012-10-17\",",
                "  \"Statement\": [",
                "  }");
        List<Finding> findings = check(json, IDENTITY_POLICY);
        assertThat(findings).hasSize(1);
        assertHas(findings, ERROR, "JSON_SYNTAX_ERROR", 4, 3);
    }

    @Test
    void trailingContentIsASyntaxError() {
        assertHas(check(doc("{\"Version\": \"2012-10-17\", \"Statement\": []}", "  {}"), IDENTITY_POLICY),
                ERROR, "JSON_SYNTAX_ERROR", 2, 3);
    }

    @Test
    void aRepeatedElementIsReportedAtTheSecondKey() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": \"s3:GetObject\",",
                "    \"Resource\": \"*\",", "    \"Effect\": \"Deny\"");
        assertHas(check(json, IDENTITY_POLICY), ERROR, "JSON_SYNTAX_ERROR", 7, 5);
    }

    @Test
    void aDocumentThatIsNotAnObjectIsADataTypeMismatch() {
        assertHas(check("  [1, 2]", IDENTITY_POLICY), ERROR, "DATA_TYPE_MISMATCH", 1, 3);
    }

    @Test
    void anEffectThatIsNotAStringIsADataTypeMismatch() {
        String json = identity("    \"Effect\": true,", "    \"Action\": \"s3:GetObject\",", "    \"Resource\": \"*\"");
        assertHas(check(json, IDENTITY_POLICY), ERROR, "DATA_TYPE_MISMATCH", 4, 15);
    }

    @Test
    void aMissingVersionIsAWarningAtTheDocument() {
        String json = doc("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:ListAllMyBuckets\", \"Resource\": \"*\"}}");
        List<Finding> findings = check(json, IDENTITY_POLICY);
        assertThat(findings).extracting(Finding::issueCode).containsExactly("MISSING_VERSION");
        assertHas(findings, WARNING, "MISSING_VERSION", 1, 1);
    }

    @Test
    void anInvalidVersionIsAnErrorAtItsValue() {
        String json = doc("{", "  \"Version\": \"2012-10-18\",",
                "  \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:ListAllMyBuckets\", \"Resource\": \"*\"}}");
        assertHas(check(json, IDENTITY_POLICY), ERROR, "INVALID_VERSION", 2, 14);
    }

    @Test
    void aMissingStatementIsAnError() {
        assertHas(check("{\"Version\": \"2012-10-17\"}", IDENTITY_POLICY), ERROR, "MISSING_STATEMENT", 1, 1);
    }

    @Test
    void anUnknownTopLevelElementIsReportedAtItsKey() {
        String json = doc("{\"Version\": \"2012-10-17\",", "  \"Statements\": []}");
        List<Finding> findings = check(json, IDENTITY_POLICY);
        assertHas(findings, ERROR, "INVALID_POLICY_ELEMENT", 2, 3);
        assertHas(findings, ERROR, "MISSING_STATEMENT", 1, 1);
    }

    @Test
    void anUnknownStatementElementIsReportedAtItsKeyWithTheCaseHint() {
        String json = identity("    \"effect\": \"Allow\",", "    \"Action\": \"s3:GetObject\",", "    \"Resource\": \"*\"");
        List<Finding> findings = check(json, IDENTITY_POLICY);
        assertHas(findings, ERROR, "INVALID_POLICY_ELEMENT", 4, 5);
        assertThat(findings).filteredOn(f -> f.issueCode().equals("INVALID_POLICY_ELEMENT"))
                .singleElement().extracting(Finding::message).asString().contains("use Effect");
        assertHas(findings, ERROR, "MISSING_EFFECT", 3, 3);
    }

    @Test
    void aMissingEffectIsReportedAtTheStatement() {
        String json = identity("    \"Action\": \"s3:GetObject\",", "    \"Resource\": \"*\"");
        assertHas(check(json, IDENTITY_POLICY), ERROR, "MISSING_EFFECT", 3, 3);
    }

    @Test
    void anInvalidEffectIsReportedAtItsValue() {
        String json = identity("    \"Effect\": \"allow\",", "    \"Action\": \"s3:GetObject\",", "    \"Resource\": \"*\"");
        List<Finding> findings = check(json, IDENTITY_POLICY);
        assertHas(findings, ERROR, "INVALID_EFFECT", 4, 15);
        assertThat(findings.get(0).message()).contains("case-sensitive");
    }

    @Test
    void actionAndNotActionTogetherAreAnUnsupportedCombination() {
        String json = identity("    \"Effect\": \"Deny\",", "    \"Action\": \"s3:GetObject\",",
                "    \"NotAction\": \"s3:PutObject\",", "    \"Resource\": \"*\"");
        assertHas(check(json, IDENTITY_POLICY), ERROR, "UNSUPPORTED_ELEMENT_COMBINATION", 6, 5);
    }

    @Test
    void resourceAndNotResourceTogetherAreAnUnsupportedCombination() {
        String json = identity("    \"Effect\": \"Deny\",", "    \"Action\": \"s3:GetObject\",",
                "    \"Resource\": \"*\",", "    \"NotResource\": \"arn:aws:s3:::b/*\"");
        assertHas(check(json, IDENTITY_POLICY), ERROR, "UNSUPPORTED_ELEMENT_COMBINATION", 7, 5);
    }

    @Test
    void principalAndNotPrincipalTogetherAreAnUnsupportedCombination() {
        String json = identity("    \"Effect\": \"Deny\",", "    \"Principal\": \"*\",",
                "    \"NotPrincipal\": {\"AWS\": \"111122223333\"},", "    \"Action\": \"s3:GetObject\",",
                "    \"Resource\": \"arn:aws:s3:::b/*\"");
        assertHas(check(json, RESOURCE_POLICY), ERROR, "UNSUPPORTED_ELEMENT_COMBINATION", 6, 5);
    }

    @Test
    void aMissingActionIsReportedAtTheStatement() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Resource\": \"*\"");
        assertHas(check(json, IDENTITY_POLICY), ERROR, "MISSING_ACTION", 3, 3);
    }

    @Test
    void aMissingResourceIsReportedAtTheStatement() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": \"s3:GetObject\"");
        assertHas(check(json, IDENTITY_POLICY), ERROR, "MISSING_RESOURCE", 3, 3);
    }

    @Test
    void aPrincipalInAnIdentityPolicyIsUnsupported() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Principal\": {\"AWS\": \"*\"},",
                "    \"Action\": \"s3:GetObject\",", "    \"Resource\": \"*\"");
        assertHas(check(json, IDENTITY_POLICY), ERROR, "UNSUPPORTED_PRINCIPAL", 5, 5);
    }

    @Test
    void aPrincipalInAnScpIsAnScpSyntaxError() {
        String json = identity("    \"Effect\": \"Deny\",", "    \"Principal\": \"*\",", "    \"Action\": \"s3:*\"");
        List<Finding> findings = check(json, SERVICE_CONTROL_POLICY);
        assertHas(findings, ERROR, "SCP_SYNTAX_ERROR_PRINCIPAL", 5, 5);
        assertThat(findings).extracting(Finding::issueCode).doesNotContain("MISSING_RESOURCE");
    }

    @Test
    void aResourcePolicyWithoutPrincipalIsMissingItsPrincipal() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": \"s3:GetObject\",",
                "    \"Resource\": \"arn:aws:s3:::b/*\"");
        assertHas(check(json, RESOURCE_POLICY), ERROR, "MISSING_PRINCIPAL", 3, 3);
    }

    @Test
    void aTrustPolicyWithoutPrincipalIsMissingItsPrincipal() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": \"sts:AssumeRole\"");
        List<Finding> findings = check(json, TRUST_POLICY);
        assertThat(findings).extracting(Finding::issueCode).containsExactly("MISSING_PRINCIPAL");
        assertHas(findings, ERROR, "MISSING_PRINCIPAL", 3, 3);
    }

    @Test
    void aTrustPolicyMayNotNameAResource() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Principal\": {\"Service\": \"ec2.amazonaws.com\"},",
                "    \"Action\": \"sts:AssumeRole\",", "    \"Resource\": \"*\"");
        assertHas(check(json, TRUST_POLICY), ERROR, "INVALID_POLICY_ELEMENT", 7, 5);
    }

    @Test
    void aPrincipalStringOtherThanStarIsAnInvalidFormat() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Principal\": \"alice\",",
                "    \"Action\": \"sts:AssumeRole\"");
        assertHas(check(json, TRUST_POLICY), ERROR, "INVALID_PRINCIPAL_FORMAT", 5, 18);
    }

    @Test
    void anAwsPrincipalThatIsNeitherAccountNorArnIsAnInvalidFormat() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Principal\": {\"AWS\": [\"111122223333\", \"alice\"]},",
                "    \"Action\": \"sts:AssumeRole\"");
        assertHas(check(json, TRUST_POLICY), ERROR, "INVALID_PRINCIPAL_FORMAT", 5, 43);
    }

    @Test
    void anUnknownPrincipalKeyIsReportedAtTheKey() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Principal\": {\"User\": \"alice\"},",
                "    \"Action\": \"sts:AssumeRole\"");
        assertHas(check(json, TRUST_POLICY), ERROR, "INVALID_PRINCIPAL_KEY", 5, 19);
    }

    @Test
    void aServicePrincipalMustLookLikeAServiceName() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Principal\": {\"Service\": \"ec2\"},",
                "    \"Action\": \"sts:AssumeRole\"");
        assertHas(check(json, TRUST_POLICY), ERROR, "INVALID_SERVICE_PRINCIPAL_FORMAT", 5, 30);
    }

    @Test
    void allowWithNotPrincipalIsASecurityWarning() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"NotPrincipal\": {\"AWS\": \"111122223333\"},",
                "    \"Action\": \"s3:GetObject\",", "    \"Resource\": \"arn:aws:s3:::b/*\"");
        assertHas(check(json, RESOURCE_POLICY), SECURITY_WARNING, "ALLOW_WITH_NOT_PRINCIPAL", 5, 5);
    }

    @Test
    void anUnknownActionOfACataloguedServiceIsInvalid() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": [\"s3:GetObject\", \"s3:GetObjekt\"],",
                "    \"Resource\": \"*\"");
        List<Finding> findings = check(json, IDENTITY_POLICY);
        assertThat(findings).extracting(Finding::issueCode).containsExactly("INVALID_ACTION");
        assertHas(findings, ERROR, "INVALID_ACTION", 5, 32);
    }

    @Test
    void aWildcardActionThatMatchesNothingIsInvalid() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": \"iam:Fly*\",", "    \"Resource\": \"*\"");
        assertHas(check(json, IDENTITY_POLICY), ERROR, "INVALID_ACTION", 5, 15);
    }

    @Test
    void anActionWithoutServicePrefixIsInvalid() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": \"GetObject\",", "    \"Resource\": \"*\"");
        assertHas(check(json, IDENTITY_POLICY), ERROR, "INVALID_ACTION", 5, 15);
    }

    @Test
    void anUnknownServicePrefixIsInvalidEvenForServicesNotCatalogued() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": [\"dynamodb:GetItem\", \"s4:GetObject\"],",
                "    \"Resource\": \"*\"");
        List<Finding> findings = check(json, IDENTITY_POLICY);
        assertThat(findings).extracting(Finding::issueCode).containsExactly("INVALID_SERVICE_IN_ACTION");
        assertHas(findings, ERROR, "INVALID_SERVICE_IN_ACTION", 5, 36);
    }

    @Test
    void aResourceThatIsNotAnArnHasAnInvalidPrefix() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": \"s3:GetObject\",", "    \"Resource\": \"reports/*\"");
        assertHas(check(json, IDENTITY_POLICY), ERROR, "INVALID_ARN_PREFIX", 6, 17);
    }

    @Test
    void anArnWithTooFewFieldsIsMissingAField() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": \"s3:GetObject\",", "    \"Resource\": \"arn:aws:s3:reports\"");
        assertHas(check(json, IDENTITY_POLICY), ERROR, "MISSING_ARN_FIELD", 6, 17);
    }

    @Test
    void anUnknownPartitionIsInvalid() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": \"s3:GetObject\",", "    \"Resource\": \"arn:amazon:s3:::b/*\"");
        assertHas(check(json, IDENTITY_POLICY), ERROR, "INVALID_PARTITION", 6, 17);
    }

    @Test
    void anUppercaseArnServiceIsInvalid() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": \"s3:GetObject\",", "    \"Resource\": \"arn:aws:S3:::b/*\"");
        assertHas(check(json, IDENTITY_POLICY), ERROR, "INVALID_ARN_SERVICE_CASE", 6, 17);
    }

    @Test
    void anUnknownArnServiceIsInvalid() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": \"s3:GetObject\",", "    \"Resource\": \"arn:aws:s4:::b/*\"");
        assertHas(check(json, IDENTITY_POLICY), ERROR, "INVALID_SERVICE", 6, 17);
    }

    @Test
    void aMalformedRegionIsInvalid() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": \"logs:PutLogEvents\",",
                "    \"Resource\": \"arn:aws:logs:useast1:111122223333:log-group:app:*\"");
        assertHas(check(json, IDENTITY_POLICY), ERROR, "INVALID_ARN_REGION", 6, 17);
    }

    @Test
    void aRegionInAnIamArnIsNotAllowed() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": \"iam:GetRole\",",
                "    \"Resource\": \"arn:aws:iam:us-east-1:111122223333:role/app\"");
        assertHas(check(json, IDENTITY_POLICY), ERROR, "ARN_REGION_NOT_ALLOWED", 6, 17);
    }

    @Test
    void aMalformedAccountIdIsInvalid() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": \"iam:GetRole\",",
                "    \"Resource\": \"arn:aws:iam::1111-2222-3333:role/app\"");
        assertHas(check(json, IDENTITY_POLICY), ERROR, "INVALID_ARN_ACCOUNT", 6, 17);
    }

    @Test
    void anAccountInAnS3BucketArnIsNotAllowed() {
        // The example of the AWS page: S3 bucket names are global, so bucket ARNs carry no account.
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": \"s3:ListBucket\",",
                "    \"Resource\": \"arn:aws:s3::111122223333:reports\"");
        assertHas(check(json, IDENTITY_POLICY), ERROR, "ARN_ACCOUNT_NOT_ALLOWED", 6, 17);
    }

    @Test
    void anArnWithoutResourcePartIsMissingAField() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": \"s3:ListBucket\",", "    \"Resource\": \"arn:aws:s3:::\"");
        assertHas(check(json, IDENTITY_POLICY), ERROR, "MISSING_ARN_FIELD", 6, 17);
    }

    @Test
    void anUnknownConditionOperatorIsReportedAtTheOperator() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": \"s3:GetObject\",", "    \"Resource\": \"*\",",
                "    \"Condition\": {\"StringEqualz\": {\"aws:PrincipalTag/team\": \"red\"}}");
        assertHas(check(json, IDENTITY_POLICY), ERROR, "INVALID_CONDITION_OPERATOR", 7, 19);
    }

    @Test
    void qualifiedAndIfExistsOperatorsAreValid() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": \"s3:GetObject\",", "    \"Resource\": \"*\",",
                "    \"Condition\": {\"ForAllValues:StringLikeIfExists\": {\"aws:TagKeys\": [\"a*\"]},",
                "                  \"ForAnyValue:StringEquals\": {\"aws:TagKeys\": \"b\"}, \"Null\": {\"aws:TokenIssueTime\": \"true\"}}");
        assertThat(check(json, IDENTITY_POLICY)).isEmpty();
    }

    @Test
    void nullWithIfExistsIsAnError() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": \"s3:GetObject\",", "    \"Resource\": \"*\",",
                "    \"Condition\": {\"NullIfExists\": {\"aws:TokenIssueTime\": \"true\"}}");
        assertHas(check(json, IDENTITY_POLICY), ERROR, "NULL_WITH_IF_EXISTS", 7, 19);
    }

    @Test
    void aConditionKeyWithoutPrefixHasAnInvalidFormat() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": \"s3:GetObject\",", "    \"Resource\": \"*\",",
                "    \"Condition\": {\"Bool\": {\"SecureTransport\": \"true\"}}");
        assertHas(check(json, IDENTITY_POLICY), ERROR, "INVALID_CONDITION_KEY_FORMAT", 7, 28);
    }

    @Test
    void anUnknownKeyOfACataloguedServiceIsInvalid() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": \"iam:PassRole\",",
                "    \"Resource\": \"arn:aws:iam::111122223333:role/app\",",
                "    \"Condition\": {\"StringEquals\": {\"iam:PassedToServices\": \"ec2.amazonaws.com\"}}");
        assertHas(check(json, IDENTITY_POLICY), ERROR, "INVALID_SERVICE_CONDITION_KEY", 7, 36);
    }

    @Test
    void templatedServiceConditionKeysAreKnown() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": \"s3:GetObject\",", "    \"Resource\": \"*\",",
                "    \"Condition\": {\"StringEquals\": {\"s3:ExistingObjectTag/team\": \"red\", \"ec2:ResourceTag/env\": \"dev\"}}");
        assertThat(check(json, IDENTITY_POLICY)).isEmpty();
    }

    @Test
    void theSameConditionKeyInTwoCasesIsAnError() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": \"s3:GetObject\",", "    \"Resource\": \"*\",",
                "    \"Condition\": {\"StringEquals\": {\"aws:username\": \"a\",", "      \"aws:UserName\": \"b\"}}");
        assertHas(check(json, IDENTITY_POLICY), ERROR, "DUPLICATE_KEYS_WITH_DIFFERENT_CASE", 8, 7);
    }

    @Test
    void duplicateSidsAreReportedAtTheSecondSid() {
        String json = doc("{\"Version\": \"2012-10-17\", \"Statement\": [",
                "  {\"Sid\": \"One\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"},",
                "  {\"Sid\": \"One\", \"Effect\": \"Deny\", \"Action\": \"s3:PutObject\", \"Resource\": \"*\"}]}");
        List<Finding> findings = check(json, IDENTITY_POLICY);
        assertThat(findings).extracting(Finding::issueCode).containsExactly("UNIQUE_SIDS_REQUIRED");
        assertHas(findings, ERROR, "UNIQUE_SIDS_REQUIRED", 3, 11);
    }

    @Test
    void anIdentityPolicySidMustBeAlphanumeric() {
        String json = identity("    \"Sid\": \"read reports\",", "    \"Effect\": \"Allow\",",
                "    \"Action\": \"s3:GetObject\",", "    \"Resource\": \"*\"");
        assertHas(check(json, IDENTITY_POLICY), ERROR, "UNSUPPORTED_SID", 4, 12);
        String resourcePolicy = identity("    \"Sid\": \"read reports\",", "    \"Effect\": \"Allow\",",
                "    \"Principal\": \"*\",", "    \"Action\": \"s3:GetObject\",", "    \"Resource\": \"arn:aws:s3:::b/*\"");
        assertThat(check(resourcePolicy, RESOURCE_POLICY)).extracting(Finding::issueCode).doesNotContain("UNSUPPORTED_SID");
    }

    @Test
    void policyVariablesInA2008DocumentAreAWarning() {
        String json = doc("{\"Version\": \"2008-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\",",
                "  \"Resource\": \"arn:aws:s3:::home/${aws:username}/*\"}}");
        assertHas(check(json, IDENTITY_POLICY), WARNING, "VARIABLE_UNSUPPORTED_IN_VERSION", 2, 15);
    }

    @Test
    void policyVariablesWithoutVersionAreAWarningToo() {
        String json = doc("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\",",
                "  \"Resource\": \"arn:aws:s3:::home/${aws:username}/*\"}}");
        assertHas(check(json, IDENTITY_POLICY), WARNING, "VARIABLE_UNSUPPORTED_IN_VERSION", 2, 15);
    }

    @Test
    void anUnclosedPolicyVariableIsAnError() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": \"s3:GetObject\",",
                "    \"Resource\": \"arn:aws:s3:::home/${aws:username/*\"");
        assertHas(check(json, IDENTITY_POLICY), ERROR, "MISSING_BRACE_IN_VARIABLE", 6, 17);
    }

    @Test
    void allowWithNotActionIsASecurityWarning() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"NotAction\": \"iam:*\",", "    \"Resource\": \"*\"");
        List<Finding> findings = check(json, IDENTITY_POLICY);
        assertThat(findings).extracting(Finding::issueCode).containsExactly("ALLOW_WITH_NOT_ACTION");
        assertHas(findings, SECURITY_WARNING, "ALLOW_WITH_NOT_ACTION", 5, 5);
    }

    @Test
    void denyWithNotActionIsFine() {
        String json = identity("    \"Effect\": \"Deny\",", "    \"NotAction\": \"iam:*\",", "    \"Resource\": \"*\"");
        assertThat(check(json, IDENTITY_POLICY)).isEmpty();
    }

    @Test
    void allowWithNotResourceIsASecurityWarning() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": \"s3:GetObject\",",
                "    \"NotResource\": \"arn:aws:s3:::secret/*\"");
        assertHas(check(json, IDENTITY_POLICY), SECURITY_WARNING, "ALLOW_WITH_NOT_RESOURCE", 6, 5);
    }

    @Test
    void allowingAllActionsOnAllResourcesIsASecurityWarning() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": \"*\",", "    \"Resource\": \"*\"");
        assertHas(check(json, IDENTITY_POLICY), SECURITY_WARNING, "ALLOW_ALL_ACTIONS_ON_ALL_RESOURCES", 5, 15);
        String deny = identity("    \"Effect\": \"Deny\",", "    \"Action\": \"*\",", "    \"Resource\": \"*\"");
        assertThat(check(deny, IDENTITY_POLICY)).isEmpty();
    }

    @Test
    void passRoleOnAllResourcesIsASecurityWarning() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": [\"ec2:RunInstances\", \"iam:PassRole\"],",
                "    \"Resource\": \"*\"");
        assertHas(check(json, IDENTITY_POLICY), SECURITY_WARNING, "PASS_ROLE_WITH_STAR_IN_RESOURCE", 5, 36);
    }

    @Test
    void passRoleLimitedByPassedToServiceIsNotWarned() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": \"iam:PassRole\",", "    \"Resource\": \"*\",",
                "    \"Condition\": {\"StringEquals\": {\"iam:PassedToService\": \"ec2.amazonaws.com\"}}");
        assertThat(check(json, IDENTITY_POLICY)).isEmpty();
    }

    @Test
    void aWildcardActionCoveringPassRoleOnAllRolesIsASecurityWarning() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": \"iam:Pass*\",",
                "    \"Resource\": \"arn:aws:iam::111122223333:role/*\"");
        assertHas(check(json, IDENTITY_POLICY), SECURITY_WARNING, "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE", 5, 15);
    }

    @Test
    void emptyActionAndResourceArraysAreSuggestions() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": [],", "    \"Resource\": []");
        List<Finding> findings = check(json, IDENTITY_POLICY);
        assertHas(findings, SUGGESTION, "EMPTY_ARRAY_ACTION", 5, 15);
        assertHas(findings, SUGGESTION, "EMPTY_ARRAY_RESOURCE", 6, 17);
    }

    @Test
    void aPolicyOverTheUserInlineQuotaIsAnError() {
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html: whitespace is not counted.
        StringBuilder actions = new StringBuilder();
        for (int i = 0; i < 160; i++) {
            actions.append(i == 0 ? "" : ",\n        ").append("\"s3:GetObject\"");
        }
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": [" + actions + "],", "    \"Resource\": \"*\"");
        assertThat(validator.validate(json, IDENTITY_POLICY, PolicyQuota.ROLE_INLINE)).isEmpty();
        List<Finding> findings = validator.validate(json, IDENTITY_POLICY, PolicyQuota.USER_INLINE);
        assertHas(findings, ERROR, "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA", 1, 1);
        assertThat(validator.validate(json, IDENTITY_POLICY)).isEmpty();
    }

    @Test
    void whitespaceDoesNotCountTowardsTheQuota() {
        String compact = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}}";
        String padded = compact + " ".repeat(3_000);
        assertThat(validator.validate(padded, IDENTITY_POLICY, PolicyQuota.USER_INLINE)).isEmpty();
    }

    @Test
    void aTrustPolicyOverItsQuotaIsAnError() {
        String principals = "\"arn:aws:iam::111122223333:role/some-rather-long-role-name-for-the-test\",".repeat(40);
        String json = identity("    \"Effect\": \"Allow\",", "    \"Principal\": {\"AWS\": [" + principals + "\"111122223333\"]},",
                "    \"Action\": \"sts:AssumeRole\"");
        assertHas(validator.validate(json, TRUST_POLICY, PolicyQuota.ROLE_TRUST_POLICY),
                ERROR, "POLICY_SIZE_EXCEEDS_TRUST_POLICY_QUOTA", 1, 1);
    }

    @Test
    void findingsAreSortedByPosition() {
        String json = doc("{\"Statement\": [",
                "  {\"Effect\": \"Allow\", \"Action\": \"s3:GetObjekt\", \"Resource\": \"*\"},",
                "  {\"Effect\": \"Maybe\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]}");
        assertThat(check(json, IDENTITY_POLICY)).extracting(Finding::issueCode)
                .containsExactly("MISSING_VERSION", "INVALID_ACTION", "INVALID_EFFECT");
    }

    @Test
    void retiredServicesNamedInAwsManagedPoliciesAreKnown() {
        String json = identity("    \"Effect\": \"Allow\",", "    \"Action\": \"deepcomposer:ListModels\",", "    \"Resource\": \"*\"");
        assertThat(check(json, IDENTITY_POLICY)).isEmpty();
    }

    @Test
    void aValidTrustPolicyHasNoFindings() {
        String json = doc("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\",",
                "  \"Principal\": {\"AWS\": \"arn:aws:iam::444455556666:root\"}, \"Action\": \"sts:AssumeRole\",",
                "  \"Condition\": {\"StringEquals\": {\"sts:ExternalId\": \"monitoring-123\"}}}]}");
        assertThat(check(json, TRUST_POLICY)).isEmpty();
    }
}
