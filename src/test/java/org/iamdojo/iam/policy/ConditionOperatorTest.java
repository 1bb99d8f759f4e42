package org.iamdojo.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.iamdojo.iam.policy.ConditionOperator.SetOperator;
import org.iamdojo.iam.policy.validation.Finding;
import org.iamdojo.iam.policy.validation.PolicyType;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.junit.jupiter.api.Test;

/**
 * The one list of condition operators (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html):
 * how a written operator is read, and that the validator accepts each of them.
 */
class ConditionOperatorTest {

    @Test
    void theListIsTheOperatorsOfTheAwsPage() {
        assertThat(Arrays.stream(ConditionOperator.values()).map(ConditionOperator::awsName)).containsExactly(
                "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
                "StringLike", "StringNotLike", "NumericEquals", "NumericNotEquals", "NumericLessThan",
                "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals", "DateEquals",
                "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals",
                "Bool", "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals",
                "ArnNotLike", "Null");
    }

    @Test
    void aWrittenOperatorIsPrefixBaseAndSuffix() {
        ConditionOperator.Written w = ConditionOperator.parse("ForAnyValue:StringLikeIfExists");
        assertThat(w.set()).isEqualTo(SetOperator.FOR_ANY_VALUE);
        assertThat(w.base()).isEqualTo(ConditionOperator.STRING_LIKE);
        assertThat(w.ifExists()).isTrue();
        assertThat(ConditionOperator.parse("NullIfExists").base()).isEqualTo(ConditionOperator.NULL);
        assertThat(ConditionOperator.parse("StringEqualz").known()).isFalse();
        assertThat(ConditionOperator.parse("IfExists").known()).isFalse();
    }

    @Test
    void theEvaluatorReadsAwsSpellingAndTheValidatorAnyCase() {
        assertThat(ConditionOperator.parse("forallvalues:stringequals").known()).isFalse();
        ConditionOperator.Written lower = ConditionOperator.parseIgnoringCase("forallvalues:stringequalsifexists");
        assertThat(lower.base()).isEqualTo(ConditionOperator.STRING_EQUALS);
        assertThat(lower.set()).isEqualTo(SetOperator.FOR_ALL_VALUES);
        assertThat(lower.ifExists()).isTrue();
    }

    @Test
    void theValidatorAcceptsEveryOperatorOfTheList() {
        PolicyValidator validator = PolicyValidator.standard();
        for (ConditionOperator op : ConditionOperator.values()) {
            String json = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Deny\", \"Action\": \"s3:GetObject\","
                    + " \"Resource\": \"*\", \"Condition\": {\"" + op.awsName() + "\": {\"aws:SourceIp\": \"x\"}}}}";
            assertThat(validator.validate(json, PolicyType.IDENTITY_POLICY)).as(op.awsName())
                    .extracting(Finding::issueCode).doesNotContain("INVALID_CONDITION_OPERATOR");
        }
    }
}
