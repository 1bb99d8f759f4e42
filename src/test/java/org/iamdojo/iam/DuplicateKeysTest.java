package org.iamdojo.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.policy.PolicyParseException;
import org.iamdojo.iam.policy.PolicyParser;
import org.iamdojo.iam.policy.validation.Finding;
import org.iamdojo.iam.policy.validation.PolicyType;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.iam.time.SandboxClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 19.5: a key repeated in one JSON object of a policy. JSON readers usually keep the last value; IAM refuses
 * the document as malformed (MalformedPolicyDocument; "More than one Statement element" and "More than one
 * effect, action, or resource element" in https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_policies.html).
 * One reader, one rule: the parser (authorize, the evaluator), the validator and every sandbox refuse it at the
 * repeated key's line and column, and nothing is stored.
 */
class DuplicateKeysTest {
    private static final String ACCOUNT = "111122223333";
    private static final Credentials ROOT = Credentials.ConsoleSession.root(ACCOUNT, false);

    /** Effect repeated: with the last value kept, this statement would allow instead of deny. */
    private static final String DENY_THEN_ALLOW = "{\"Version\": \"2012-10-17\",\n\"Statement\": [{\"Effect\": \"Deny\","
            + " \"Action\": \"s3:*\", \"Resource\": \"*\",\n  \"Effect\": \"Allow\"}]}";
    /** A condition key repeated inside its operator. */
    private static final String CONDITION_KEY = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\","
            + " \"Action\": \"s3:GetObject\", \"Resource\": \"*\",\n \"Condition\": {\"StringEquals\":"
            + " {\"aws:username\": \"alice\",\n  \"aws:username\": \"bob\"}}}}";

    @ParameterizedTest
    @ValueSource(strings = {
            DENY_THEN_ALLOW,
            CONDITION_KEY,
            "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"},"
                    + "\n \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"iam:*\", \"Resource\": \"*\"}}",
            "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"111122223333\","
                    + "\n  \"AWS\": \"*\"}, \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\"}}",
            "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Deny\", \"NotPrincipal\": {\"AWS\": \"111122223333\","
                    + "\n  \"AWS\": \"*\"}, \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\"}}"})
    void theParserAndTheValidatorRefuseTheRepeatedKeyAtTheSamePlace(String policy) {
        PolicyParseException refused = (PolicyParseException) org.assertj.core.api.Assertions
                .catchThrowable(() -> PolicyParser.parse(policy));
        assertThat(refused).isNotNull();
        assertThat(refused.reason()).contains("appears more than once");
        List<Finding> findings = PolicyValidator.standard().validate(policy, PolicyType.RESOURCE_POLICY);
        assertThat(findings).filteredOn(f -> f.issueCode().equals("JSON_SYNTAX_ERROR")).first()
                .satisfies(f -> {
                    assertThat(f.line()).isEqualTo(refused.line());
                    assertThat(f.column()).isEqualTo(refused.column());
                    assertThat(f.message()).contains("appears more than once");
                });
        // Each policy above starts its last line with the repeated key.
        String[] lines = policy.split("\n");
        assertThat(refused.line()).isEqualTo(lines.length);
        assertThat(refused.column()).isEqualTo(lines[lines.length - 1].indexOf('"') + 1);
    }

    @Test
    void theValidatorNamesTheElementHoldingTheRepeatedKey() {
        String notPrincipal = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Deny\", \"NotPrincipal\":"
                + " {\"AWS\": \"111122223333\", \"AWS\": \"*\"}, \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\"}}";
        assertThat(PolicyValidator.standard().validate(notPrincipal, PolicyType.RESOURCE_POLICY)).extracting(Finding::message)
                .contains("The key AWS appears more than once in NotPrincipal; IAM does not accept duplicate keys.");
    }

    @Test
    void theEvaluatorNeverSeesTheLastValue() {
        assertThatThrownBy(() -> org.iamdojo.iam.eval.CompiledPolicy.parse(DENY_THEN_ALLOW, "p"))
                .isInstanceOf(PolicyParseException.class)
                .hasMessageContaining("(line 3, column 3)");
    }

    /** The sandbox of the console and of scenarios: documents checked by the validator. */
    @Test
    void theConsoleSandboxRefusesPutUserPolicyAndCreatePolicyAndStoresNothing() {
        Sandbox sandbox = SandboxFactory.create(SandboxClock.fixed(SandboxFixture.T0), 7);
        refusesAndStoresNothing(sandbox, "3:3 ERROR JSON_SYNTAX_ERROR The element Effect appears more than once in the "
                + "statement; IAM does not accept duplicate keys.", "3:3 ERROR JSON_SYNTAX_ERROR The condition key "
                + "aws:username appears more than once in StringEquals; IAM does not accept duplicate keys.");
    }

    /** A sandbox whose documents are checked only by the policy parser (engine tests, tools). */
    @Test
    void aParserCheckedSandboxRefusesThemToo() {
        Sandbox sandbox = new SandboxFixture().sandbox;
        refusesAndStoresNothing(sandbox, "3:3 Malformed JSON: the key Effect appears more than once in the same object; "
                + "IAM does not accept duplicate keys", "3:3 Malformed JSON: the key aws:username appears more than once "
                + "in the same object; IAM does not accept duplicate keys");
    }

    private static void refusesAndStoresNothing(Sandbox sandbox, String inlineError, String managedError) {
        sandbox.createAccount(ACCOUNT, "root@example.com", "RootPassw0rd!");
        sandbox.call(ROOT, "iam", "CreateUser", Params.of("UserName", "alice"), null).orThrow();
        long before = sandbox.mutations();

        CallResult put = sandbox.call(ROOT, "iam", "PutUserPolicy", Params.of("UserName", "alice", "PolicyName", "p",
                "PolicyDocument", DENY_THEN_ALLOW), null);
        assertThat(put.error().code()).isEqualTo("MalformedPolicyDocument");
        assertThat(put.error().getMessage()).isEqualTo(inlineError);

        CallResult create = sandbox.call(ROOT, "iam", "CreatePolicy", Params.of("PolicyName", "OnlyAlice",
                "PolicyDocument", CONDITION_KEY), null);
        assertThat(create.error().code()).isEqualTo("MalformedPolicyDocument");
        assertThat(create.error().getMessage()).isEqualTo(managedError);

        assertThat(sandbox.account(ACCOUNT).user("alice").inlinePolicies()).isEmpty();
        assertThat(sandbox.account(ACCOUNT).customerPolicies()).isEmpty();
        assertThat(sandbox.mutations()).isEqualTo(before);
    }
}
