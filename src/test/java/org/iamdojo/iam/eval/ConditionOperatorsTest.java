package org.iamdojo.iam.eval;

import static org.iamdojo.iam.eval.EvalDecision.ALLOW;
import static org.iamdojo.iam.eval.EvalDecision.IMPLICIT_DENY;
import static org.iamdojo.iam.eval.Requests.request;
import static org.iamdojo.iam.eval.Requests.stmt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Condition operator families, each per "IAM JSON policy elements: Condition operators"
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * and set operators per
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 */
class ConditionOperatorsTest {

    private static Requests allowIf(String condition) {
        return request().identity(stmt("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                + "\"Condition\":" + condition));
    }

    @Test
    void stringEqualsIsCaseSensitiveAndValuesAreOred() {
        String c = "{\"StringEquals\":{\"aws:RequestedRegion\":[\"us-east-1\",\"eu-west-1\"]}}";
        assertEquals(ALLOW, allowIf(c).context("aws:RequestedRegion", "eu-west-1").outcome());
        assertEquals(IMPLICIT_DENY, allowIf(c).context("aws:RequestedRegion", "EU-WEST-1").outcome());
        assertEquals(IMPLICIT_DENY, allowIf(c).outcome());
    }

    @Test
    void conditionKeysAreCaseInsensitive() {
        String c = "{\"StringEquals\":{\"AWS:REQUESTEDREGION\":\"us-east-1\"}}";
        assertEquals(ALLOW, allowIf(c).context("aws:requestedregion", "us-east-1").outcome());
    }

    @Test
    void stringNotEqualsWithTwoValuesMeansNeitherAndAbsentKeyIsTrue() {
        String c = "{\"StringNotEquals\":{\"aws:RequestedRegion\":[\"us-east-1\",\"eu-west-1\"]}}";
        assertEquals(IMPLICIT_DENY, allowIf(c).context("aws:RequestedRegion", "us-east-1").outcome());
        assertEquals(IMPLICIT_DENY, allowIf(c).context("aws:RequestedRegion", "eu-west-1").outcome());
        assertEquals(ALLOW, allowIf(c).context("aws:RequestedRegion", "ap-south-1").outcome());
        assertEquals(ALLOW, allowIf(c).outcome());
    }

    @Test
    void ignoreCaseAndLikeOperators() {
        assertEquals(ALLOW, allowIf("{\"StringEqualsIgnoreCase\":{\"s3:prefix\":\"Home/\"}}")
                .context("s3:prefix", "HOME/").outcome());
        assertEquals(IMPLICIT_DENY, allowIf("{\"StringNotEqualsIgnoreCase\":{\"s3:prefix\":\"Home/\"}}")
                .context("s3:prefix", "home/").outcome());
        assertEquals(ALLOW, allowIf("{\"StringLike\":{\"s3:prefix\":[\"home/*\",\"x?z\"]}}")
                .context("s3:prefix", "xyz").outcome());
        assertEquals(IMPLICIT_DENY, allowIf("{\"StringLike\":{\"s3:prefix\":\"home/*\"}}")
                .context("s3:prefix", "HOME/a").outcome());
        assertEquals(IMPLICIT_DENY, allowIf("{\"StringNotLike\":{\"s3:prefix\":\"home/*\"}}")
                .context("s3:prefix", "home/a").outcome());
    }

    @Test
    void numericOperators() {
        assertEquals(ALLOW, allowIf("{\"NumericLessThan\":{\"s3:max-keys\":\"10\"}}")
                .context("s3:max-keys", "9").outcome());
        assertEquals(IMPLICIT_DENY, allowIf("{\"NumericLessThan\":{\"s3:max-keys\":10}}")
                .context("s3:max-keys", "10").outcome());
        assertEquals(ALLOW, allowIf("{\"NumericLessThanEquals\":{\"s3:max-keys\":10}}")
                .context("s3:max-keys", "10").outcome());
        assertEquals(ALLOW, allowIf("{\"NumericGreaterThanEquals\":{\"s3:max-keys\":\"10.0\"}}")
                .context("s3:max-keys", "10").outcome());
        assertEquals(ALLOW, allowIf("{\"NumericNotEquals\":{\"s3:max-keys\":[\"1\",\"2\"]}}")
                .context("s3:max-keys", "3").outcome());
        assertEquals(IMPLICIT_DENY, allowIf("{\"NumericEquals\":{\"s3:max-keys\":\"10\"}}")
                .context("s3:max-keys", "ten").outcome());
    }

    @Test
    void dateOperatorsAcceptIso8601AndEpochSeconds() {
        String c = "{\"DateLessThan\":{\"aws:CurrentTime\":\"2025-01-01T00:00:00Z\"}}";
        assertEquals(ALLOW, allowIf(c).context("aws:CurrentTime", "2024-12-31T23:59:59Z").outcome());
        assertEquals(IMPLICIT_DENY, allowIf(c).context("aws:CurrentTime", "2025-01-01T00:00:00Z").outcome());
        assertEquals(ALLOW, allowIf(c).context("aws:CurrentTime", "1700000000").outcome());
        assertEquals(ALLOW, allowIf("{\"DateGreaterThan\":{\"aws:EpochTime\":\"1700000000\"}}")
                .context("aws:EpochTime", "2024-01-01").outcome());
        assertEquals(ALLOW, allowIf("{\"DateEquals\":{\"aws:CurrentTime\":\"2024-06-01T02:00:00+02:00\"}}")
                .context("aws:CurrentTime", "2024-06-01T00:00:00Z").outcome());
    }

    @Test
    void boolAndBoolIfExists() {
        String c = "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}";
        assertEquals(ALLOW, allowIf(c).context("aws:MultiFactorAuthPresent", "true").outcome());
        assertEquals(IMPLICIT_DENY, allowIf(c).context("aws:MultiFactorAuthPresent", "false").outcome());
        assertEquals(IMPLICIT_DENY, allowIf(c).outcome());
        assertEquals(ALLOW, allowIf("{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"true\"}}").outcome());
        assertEquals(ALLOW, allowIf("{\"Bool\":{\"aws:SecureTransport\":true}}")
                .context("aws:SecureTransport", "TRUE").outcome());
    }

    @Test
    void binaryEqualsComparesBase64Bytes() {
        assertEquals(ALLOW, allowIf("{\"BinaryEquals\":{\"key\":\"QmluYXJ5VmFsdWU=\"}}")
                .context("key", "QmluYXJ5VmFsdWU=").outcome());
        assertEquals(IMPLICIT_DENY, allowIf("{\"BinaryEquals\":{\"key\":\"QmluYXJ5VmFsdWU=\"}}")
                .context("key", "T3RoZXI=").outcome());
    }

    @Test
    void ipAddressV4AndV6() {
        String c = "{\"IpAddress\":{\"aws:SourceIp\":[\"203.0.113.0/24\",\"2001:DB8:1234:5678::/64\"]}}";
        assertEquals(ALLOW, allowIf(c).context("aws:SourceIp", "203.0.113.7").outcome());
        assertEquals(IMPLICIT_DENY, allowIf(c).context("aws:SourceIp", "203.0.114.7").outcome());
        assertEquals(ALLOW, allowIf(c).context("aws:SourceIp", "2001:db8:1234:5678:0:0:0:1").outcome());
        assertEquals(IMPLICIT_DENY, allowIf(c).context("aws:SourceIp", "2001:db8:1234:5679::1").outcome());
        assertEquals(IMPLICIT_DENY, allowIf(c).outcome());
        String not = "{\"NotIpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}";
        assertEquals(ALLOW, allowIf(not).context("aws:SourceIp", "192.168.1.1").outcome());
        assertEquals(IMPLICIT_DENY, allowIf(not).context("aws:SourceIp", "10.1.2.3").outcome());
        assertEquals(ALLOW, allowIf("{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.1\"}}")
                .context("aws:SourceIp", "10.0.0.1").outcome());
    }

    @Test
    void arnOperators() {
        String c = "{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:sns:*:123456789012:topic-*\"}}";
        assertEquals(ALLOW, allowIf(c).context("aws:SourceArn", "arn:aws:sns:us-east-1:123456789012:topic-a")
                .outcome());
        assertEquals(IMPLICIT_DENY, allowIf(c).context("aws:SourceArn", "arn:aws:sns:us-east-1:999999999999:topic-a")
                .outcome());
        assertEquals(ALLOW, allowIf("{\"ArnEquals\":{\"aws:PrincipalArn\":\"arn:aws:iam::111122223333:user/alice\"}}")
                .outcome());
        assertEquals(IMPLICIT_DENY,
                allowIf("{\"ArnNotEquals\":{\"aws:PrincipalArn\":\"arn:aws:iam::111122223333:user/alice\"}}")
                        .outcome());
        assertEquals(ALLOW, allowIf("{\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/*\"}}").outcome());
    }

    @Test
    void nullChecksPresence() {
        assertEquals(ALLOW, allowIf("{\"Null\":{\"aws:TokenIssueTime\":\"true\"}}").outcome());
        assertEquals(IMPLICIT_DENY, allowIf("{\"Null\":{\"aws:TokenIssueTime\":\"true\"}}")
                .context("aws:TokenIssueTime", "2024-01-01T00:00:00Z").outcome());
        assertEquals(ALLOW, allowIf("{\"Null\":{\"aws:TokenIssueTime\":\"false\"}}")
                .context("aws:TokenIssueTime", "2024-01-01T00:00:00Z").outcome());
    }

    @Test
    void ifExistsFormsAreTrueWhenTheKeyIsAbsent() {
        for (String op : new String[] {"StringEqualsIfExists", "StringLikeIfExists", "NumericLessThanIfExists",
                "DateGreaterThanIfExists", "IpAddressIfExists", "ArnLikeIfExists", "BinaryEqualsIfExists"}) {
            assertEquals(ALLOW, allowIf("{\"" + op + "\":{\"some:Key\":\"1\"}}").outcome(), op);
        }
        assertEquals(IMPLICIT_DENY, allowIf("{\"StringEqualsIfExists\":{\"ec2:InstanceType\":\"t3.micro\"}}")
                .context("ec2:InstanceType", "m5.large").outcome());
    }

    @Test
    void forAllValuesIsTrueForMissingOrEmptyKeyAndChecksEveryValue() {
        String c = "{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"env\",\"team\"]}}";
        assertEquals(ALLOW, allowIf(c).outcome());
        assertEquals(ALLOW, allowIf(c).context("aws:TagKeys").outcome());
        assertEquals(ALLOW, allowIf(c).context("aws:TagKeys", "env", "team").outcome());
        assertEquals(IMPLICIT_DENY, allowIf(c).context("aws:TagKeys", "env", "cost").outcome());
    }

    @Test
    void forAnyValueIsFalseForMissingKeyAndNeedsOneMatch() {
        String c = "{\"ForAnyValue:StringEquals\":{\"aws:TagKeys\":[\"env\",\"team\"]}}";
        assertEquals(IMPLICIT_DENY, allowIf(c).outcome());
        assertEquals(IMPLICIT_DENY, allowIf(c).context("aws:TagKeys").outcome());
        assertEquals(ALLOW, allowIf(c).context("aws:TagKeys", "cost", "team").outcome());
        assertEquals(IMPLICIT_DENY, allowIf(c).context("aws:TagKeys", "cost").outcome());
    }

    @Test
    void negatedSetOperators() {
        String all = "{\"ForAllValues:StringNotEquals\":{\"aws:TagKeys\":[\"secret\"]}}";
        assertEquals(ALLOW, allowIf(all).context("aws:TagKeys", "a", "b").outcome());
        assertEquals(IMPLICIT_DENY, allowIf(all).context("aws:TagKeys", "a", "secret").outcome());
        String any = "{\"ForAnyValue:StringNotLike\":{\"aws:TagKeys\":[\"env*\"]}}";
        assertEquals(ALLOW, allowIf(any).context("aws:TagKeys", "env1", "team").outcome());
        assertEquals(IMPLICIT_DENY, allowIf(any).context("aws:TagKeys", "env1", "env2").outcome());
    }

    @Test
    void severalKeysAreAndedAndSeveralOperatorsToo() {
        String c = "{\"StringEquals\":{\"aws:RequestedRegion\":\"us-east-1\",\"s3:prefix\":\"a\"},"
                + "\"Bool\":{\"aws:SecureTransport\":\"true\"}}";
        assertEquals(ALLOW, allowIf(c).context("aws:RequestedRegion", "us-east-1").context("s3:prefix", "a")
                .context("aws:SecureTransport", "true").outcome());
        assertEquals(IMPLICIT_DENY, allowIf(c).context("aws:RequestedRegion", "us-east-1").context("s3:prefix", "b")
                .context("aws:SecureTransport", "true").outcome());
    }

    @Test
    void unknownOperatorNeverMatches() {
        assertEquals(IMPLICIT_DENY, allowIf("{\"StringEqualz\":{\"s3:prefix\":\"a\"}}").context("s3:prefix", "a")
                .outcome());
        assertEquals(IMPLICIT_DENY, allowIf("{\"StringNotEqualz\":{\"s3:prefix\":\"a\"}}").outcome());
    }

    @Test
    void traceNamesTheFailingConditionAndMissingKeys() {
        Decision d = allowIf("{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}").decide();
        StatementMiss miss = d.notMatchedStatements().get(0);
        assertEquals(MissReason.CONDITION, miss.reason());
        assertEquals("aws:MultiFactorAuthPresent", miss.condition().key());
        assertEquals("Bool", miss.condition().operator());
        assertTrue(d.missingContextKeys().contains("aws:MultiFactorAuthPresent"));
    }

    /** The evaluator knows every operator of the one list, with and without IfExists, in AWS's spelling only. */
    @Test
    void theEvaluatorKnowsEveryOperatorOfTheList() {
        for (org.iamdojo.iam.policy.ConditionOperator op : org.iamdojo.iam.policy.ConditionOperator.values()) {
            for (String written : java.util.List.of(op.awsName(), op.awsName() + "IfExists")) {
                org.iamdojo.iam.policy.Condition c = new org.iamdojo.iam.policy.Condition(written, "aws:SourceIp",
                        java.util.List.of("x"), org.iamdojo.iam.policy.SourceLocation.UNKNOWN);
                assertTrue(CompiledCondition.compile(c, true).known(), written);
            }
        }
        org.iamdojo.iam.policy.Condition lower = new org.iamdojo.iam.policy.Condition("stringequals", "aws:SourceIp",
                java.util.List.of("x"), org.iamdojo.iam.policy.SourceLocation.UNKNOWN);
        assertTrue(!CompiledCondition.compile(lower, true).known());
    }
}
