package org.iamdojo.iam.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.iamdojo.iam.analysis.NoNewAccessCheck.Result;
import org.iamdojo.iam.analysis.ReferenceBoundCheck.Probe;
import org.iamdojo.iam.analysis.ReferenceBoundCheck.Verdict;
import org.iamdojo.iam.analysis.SmallestFix.Kind;
import org.iamdojo.iam.analysis.SmallestFix.Suggestion;
import org.iamdojo.iam.eval.AuthorizationRequest;
import org.iamdojo.iam.eval.CompiledPolicy;
import org.iamdojo.iam.eval.RequestContext;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.junit.jupiter.api.Test;

/**
 * The smallest fix of a failed least-privilege check: a narrowing that the check itself proves within the reference
 * (CheckNoNewAccess semantics, https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoNewAccess.html;
 * resource and action wildcards as in https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
 * Every suggestion found is checked again here, independently, on the documents it proposes.
 */
class SmallestFixTest {
    private static final String TOM = "arn:aws:iam::111122223333:user/tom";
    private static final String POLICY_ID = "group/testers inline policy TestersAccess";
    private final ReferenceBoundCheck bound = new ReferenceBoundCheck(PolicyValidator.standard().catalog());
    private final SmallestFix fixer = new SmallestFix(bound);

    private static CompiledPolicy policy(String id, String statements) throws Exception {
        return CompiledPolicy.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}", id);
    }

    private static final String REFERENCE = """
            {"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::dojo-app-artifacts/*"},
            {"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::dojo-app-artifacts"},
            {"Effect":"Allow","Action":"ec2:Describe*","Resource":"*"}""";

    /** Tom's request with the policies given (the real request's identity policies). */
    private static Function<Probe, AuthorizationRequest> replay(List<CompiledPolicy> granted) {
        return p -> AuthorizationRequest.builder(TOM, p.action()).resource(p.resource())
                .context(RequestContext.of(p.context())).identity(granted).build();
    }

    private Suggestion fix(String reference, String granted) throws Exception {
        return fix(reference, granted, POLICY_ID);
    }

    private Suggestion fix(String reference, String granted, String id) throws Exception {
        List<CompiledPolicy> ref = List.of(policy("reference", reference));
        List<CompiledPolicy> mine = List.of(policy(id, granted));
        Verdict failed = bound.check(ref, mine, null, Set.of(), replay(mine));
        assertThat(failed.result()).as(failed.message()).isEqualTo(Result.FAIL);
        Suggestion s = fixer.suggest(ref, mine, null, Set.of(), replay(mine), failed, x -> !x.startsWith("arn:aws:iam::aws:"));
        if (s.found()) {
            // The proof again, from the suggested document alone: never an unproved fix.
            List<CompiledPolicy> fixed = List.of(CompiledPolicy.parse(s.documents().get(id), id));
            Verdict again = bound.check(ref, fixed, null, Set.of(), replay(fixed));
            assertThat(again.result()).as(again.message()).isEqualTo(Result.PASS);
            assertThat(s.proof().result()).isEqualTo(Result.PASS);
        }
        return s;
    }

    @Test
    void readOnEveryBucketIsNarrowedToTheReferenceBucketInBothStatements() throws Exception {
        Suggestion s = fix(REFERENCE, """
                {"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::*"},
                {"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"},
                {"Effect":"Allow","Action":"ec2:Describe*","Resource":"*"}""");
        assertThat(s.found()).as(s.message()).isTrue();
        assertThat(s.changes()).extracting(SmallestFix.Change::kind).containsOnly(Kind.NARROW_RESOURCES);
        assertThat(s.changes()).extracting(SmallestFix.Change::statementIndex).containsExactlyInAnyOrder(0, 1);
        SmallestFix.Change read = s.changes().stream().filter(c -> c.statementIndex() == 0).findFirst().orElseThrow();
        assertThat(read.statementId()).isEqualTo("Read");
        assertThat(read.before()).contains("arn:aws:s3:::*");
        assertThat(read.after()).containsExactly(
                "{\"Sid\":\"Read\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::dojo-app-artifacts/*\"}");
        // The third statement was within: it is kept as written.
        assertThat(s.documents().get(POLICY_ID)).contains("\"ec2:Describe*\"");
    }

    @Test
    void anExtraActionOnTheRightResourceIsDroppedNotTheStatement() throws Exception {
        Suggestion s = fix(REFERENCE, """
                {"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::dojo-app-artifacts/*"}""");
        assertThat(s.found()).as(s.message()).isTrue();
        assertThat(s.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.NARROW_ACTIONS);
            assertThat(c.after()).singleElement().asString().contains("s3:GetObject").doesNotContain("PutObject");
        });
    }

    @Test
    void aServiceWildcardOnEverythingIsSplitIntoTheReferenceGrants() throws Exception {
        Suggestion s = fix(REFERENCE, """
                {"Effect":"Allow","Action":"s3:*","Resource":"*"}""");
        assertThat(s.found()).as(s.message()).isTrue();
        assertThat(s.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.SPLIT);
            assertThat(c.after()).hasSize(2);
            assertThat(String.join(" ", c.after())).contains("s3:GetObject", "s3:ListBucket")
                    .doesNotContain("s3:*");
        });
    }

    @Test
    void aConditionOfTheReferenceIsAdded() throws Exception {
        // aws:SecureTransport: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-securetransport
        String reference = """
                {"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::dojo-app-artifacts/*",
                 "Condition":{"Bool":{"aws:SecureTransport":"true"}}}""";
        Suggestion s = fix(reference, """
                {"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::dojo-app-artifacts/*"}""");
        assertThat(s.found()).as(s.message()).isTrue();
        assertThat(s.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.ADD_CONDITION);
            assertThat(c.after()).singleElement().asString().contains("\"Bool\":{\"aws:SecureTransport\":\"true\"}");
        });
    }

    @Test
    void nothingTheReferenceAllowsIsRemoved() throws Exception {
        Suggestion s = fix(REFERENCE, """
                {"Effect":"Allow","Action":"iam:CreateUser","Resource":"*"},
                {"Effect":"Allow","Action":"ec2:Describe*","Resource":"*"}""");
        assertThat(s.found()).as(s.message()).isTrue();
        assertThat(s.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.REMOVE_STATEMENT);
            assertThat(c.after()).isEmpty();
        });
        assertThat(s.documents().get(POLICY_ID)).doesNotContain("iam:").contains("ec2:Describe*");
    }

    @Test
    void aPolicyThatCannotBeEditedGetsNoSuggestion() throws Exception {
        Suggestion s = fix(REFERENCE, """
                {"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}""", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
        assertThat(s.found()).isFalse();
        assertThat(s.message()).contains("cannot be edited");
        assertThat(s.documents()).isEmpty();
    }

    @Test
    void theJsonOfAStatementKeepsEveryElement() throws Exception {
        CompiledPolicy p = policy("p", """
                {"Sid":"A","Effect":"Allow","NotAction":["iam:*","sts:*"],"NotResource":"arn:aws:s3:::x",
                 "Condition":{"StringEquals":{"aws:PrincipalTag/team":["a","b"]},"Bool":{"aws:SecureTransport":"true"}}}""");
        String json = SmallestFix.documentJson(p.document());
        CompiledPolicy back = CompiledPolicy.parse(json, "p");
        assertThat(back.document().statements()).singleElement().satisfies(st -> {
            assertThat(st.sid()).isEqualTo("A");
            assertThat(st.notActions()).containsExactly("iam:*", "sts:*");
            assertThat(st.notResources()).containsExactly("arn:aws:s3:::x");
            assertThat(st.conditions()).hasSize(2);
            assertThat(st.conditions().get(0).values()).containsExactly("a", "b");
        });
    }
}
