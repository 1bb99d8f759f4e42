package org.iamdojo.iam.eval;

import static org.iamdojo.iam.eval.EvalDecision.ALLOW;
import static org.iamdojo.iam.eval.EvalDecision.EXPLICIT_DENY;
import static org.iamdojo.iam.eval.EvalDecision.IMPLICIT_DENY;
import static org.iamdojo.iam.eval.Requests.allowAll;
import static org.iamdojo.iam.eval.Requests.request;
import static org.iamdojo.iam.eval.Requests.stmt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Evaluation layers per "Policy evaluation logic"
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html, single-account
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html,
 * cross-account https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html,
 * boundaries https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html,
 * session policies https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session,
 * principals https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */
class EvaluationLayersTest {
    static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    static final String ROLE = "arn:aws:iam::111122223333:role/app/Reader";
    static final String SESSION = "arn:aws:sts::111122223333:assumed-role/Reader/s1";
    static final String BUCKET_OBJ = "arn:aws:s3:::bucket/key";

    static CompiledPolicy allowS3() {
        return stmt("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"");
    }

    static CompiledPolicy denyS3() {
        return stmt("\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"");
    }

    static CompiledPolicy bucketPolicyFor(String principal) {
        return stmt("\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + principal
                + "\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::bucket/*\"");
    }

    @Test
    void nothingAllowsMeansImplicitDeny() {
        Decision d = request().decide();
        assertEquals(IMPLICIT_DENY, d.decision());
        assertEquals(PolicyLayer.IDENTITY, d.decidingLayer());
    }

    @Test
    void identityAllowAndExplicitDenyWins() {
        assertEquals(ALLOW, request().identity(allowS3()).outcome());
        Decision d = request().identity(allowS3(), denyS3()).decide();
        assertEquals(EXPLICIT_DENY, d.decision());
        assertEquals(2, d.matchedStatements().size());
    }

    @Test
    void actionMatchingIsCaseInsensitiveAndNotActionInverts() {
        assertEquals(ALLOW, request().action("S3:getobject")
                .identity(stmt("\"Effect\":\"Allow\",\"Action\":\"s3:Get*\",\"Resource\":\"*\"")).outcome());
        assertEquals(IMPLICIT_DENY, request().identity(
                stmt("\"Effect\":\"Allow\",\"NotAction\":\"s3:*\",\"Resource\":\"*\"")).outcome());
        assertEquals(ALLOW, request().action("ec2:RunInstances").identity(
                stmt("\"Effect\":\"Allow\",\"NotAction\":\"s3:*\",\"Resource\":\"*\"")).outcome());
        assertEquals(ALLOW, request().resource("arn:aws:s3:::other/x").identity(
                stmt("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"NotResource\":\"arn:aws:s3:::bucket/*\"")).outcome());
    }

    @Test
    void everyScpLevelMustAllowAndScpDenyWins() {
        assertEquals(ALLOW, request().identity(allowS3()).scpLevel(allowAll()).scpLevel(allowS3()).outcome());
        Decision d = request().identity(allowS3()).scpLevel(allowAll())
                .scpLevel(stmt("\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"")).decide();
        assertEquals(IMPLICIT_DENY, d.decision());
        assertEquals(PolicyLayer.SCP, d.decidingLayer());
        assertEquals(EXPLICIT_DENY, request().identity(allowS3()).scpLevel(allowAll(), denyS3()).outcome());
    }

    @Test
    void scpsRestrictTheRootUserButNotServicePrincipals() {
        assertEquals(ALLOW, request().principal("arn:aws:iam::111122223333:root").outcome());
        assertEquals(IMPLICIT_DENY, request().principal("arn:aws:iam::111122223333:root")
                .scpLevel(stmt("\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"")).outcome());
        CompiledPolicy bucket = stmt("\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"cloudtrail.amazonaws.com\"},"
                + "\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::bucket/*\"");
        assertEquals(ALLOW, request().principal("cloudtrail.amazonaws.com").action("s3:PutObject")
                .resourcePolicy(bucket).scpLevel(denyS3()).outcome());
    }

    @Test
    void rcpsApplyToSupportedServicesOnly() {
        // RCPFullAWSAccess is attached at every level and cannot be detached: a level that allows only kms:*
        // does not block s3 (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_evaluation.html).
        assertEquals(ALLOW, request().identity(allowS3())
                .rcpLevel(stmt("\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\""))
                .outcome());
        assertEquals(ALLOW, request().identity(allowAll()).action("iam:ListUsers").resource("*")
                .rcpLevel(stmt("\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\""))
                .outcome());
        assertEquals(EXPLICIT_DENY, request().identity(allowS3())
                .rcpLevel(allowAllRcp(), stmt("\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
                        + "\"Resource\":\"*\"")).outcome());
    }

    static CompiledPolicy allowAllRcp() {
        return stmt("\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"");
    }

    @Test
    void boundaryAndSessionPolicyIntersect() {
        assertEquals(IMPLICIT_DENY, request().identity(allowS3())
                .boundary(stmt("\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"")).outcome());
        assertEquals(ALLOW, request().identity(allowS3()).boundary(allowAll()).outcome());
        Decision d = request().principal(SESSION).identity(allowS3())
                .session(stmt("\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"")).decide();
        assertEquals(IMPLICIT_DENY, d.decision());
        assertEquals(PolicyLayer.SESSION_POLICY, d.decidingLayer());
        assertEquals(IMPLICIT_DENY, request().boundary(allowAll()).outcome());
    }

    @Test
    void sameAccountResourcePolicyNamingTheUserGrantsAloneEvenPastItsBoundary() {
        Decision d = request().resourcePolicy(bucketPolicyFor(ALICE))
                .boundary(stmt("\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"")).decide();
        assertEquals(ALLOW, d.decision());
        assertEquals(PolicyLayer.RESOURCE_POLICY, d.decidingLayer());
    }

    @Test
    void resourcePolicyNamingTheAccountDelegatesToIdentityPolicies() {
        assertEquals(IMPLICIT_DENY, request().resourcePolicy(bucketPolicyFor("111122223333")).outcome());
        assertEquals(ALLOW, request().resourcePolicy(bucketPolicyFor("arn:aws:iam::111122223333:root"))
                .identity(allowS3()).outcome());
    }

    @Test
    void roleArnInResourcePolicyIsLimitedByBoundaryAndSessionPolicySessionArnIsNot() {
        CompiledPolicy ec2Only = stmt("\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"");
        assertEquals(ALLOW, request().principal(SESSION).sessionIssuer(ROLE).resourcePolicy(bucketPolicyFor(ROLE))
                .outcome());
        assertEquals(IMPLICIT_DENY, request().principal(SESSION).sessionIssuer(ROLE)
                .resourcePolicy(bucketPolicyFor(ROLE)).boundary(ec2Only).outcome());
        assertEquals(IMPLICIT_DENY, request().principal(SESSION).sessionIssuer(ROLE)
                .resourcePolicy(bucketPolicyFor(ROLE)).session(ec2Only).outcome());
        assertEquals(ALLOW, request().principal(SESSION).sessionIssuer(ROLE)
                .resourcePolicy(bucketPolicyFor(SESSION)).boundary(ec2Only).session(ec2Only).outcome());
        // Without sessionIssuer the role is matched by account and name.
        assertEquals(ALLOW, request().principal(SESSION).resourcePolicy(bucketPolicyFor(ROLE)).outcome());
    }

    @Test
    void crossAccountNeedsBothSides() {
        String bob = "arn:aws:iam::444455556666:user/bob";
        assertEquals(IMPLICIT_DENY, request().principal(bob).resourceAccount("111122223333")
                .identity(allowS3()).outcome());
        assertEquals(IMPLICIT_DENY, request().principal(bob).resourceAccount("111122223333")
                .resourcePolicy(bucketPolicyFor(bob)).outcome());
        assertEquals(ALLOW, request().principal(bob).resourceAccount("111122223333")
                .resourcePolicy(bucketPolicyFor("444455556666")).identity(allowS3()).outcome());
        assertEquals(EXPLICIT_DENY, request().principal(bob).resourceAccount("111122223333")
                .resourcePolicy(bucketPolicyFor(bob)).identity(allowS3(), denyS3()).outcome());
    }

    @Test
    void anonymousOnlyThroughAPublicResourcePolicy() {
        assertEquals(ALLOW, request().principal("anonymous").resourcePolicy(
                stmt("\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
                        + "\"Resource\":\"arn:aws:s3:::bucket/*\"")).outcome());
        assertEquals(ALLOW, request().principal("anonymous").resourcePolicy(bucketPolicyFor("*")).outcome());
        assertEquals(IMPLICIT_DENY, request().principal("anonymous").resourcePolicy(bucketPolicyFor(ALICE))
                .identity(allowAll()).outcome());
    }

    @Test
    void rootUserOfAnotherAccountNeedsTheResourcePolicy() {
        String otherRoot = "arn:aws:iam::444455556666:root";
        assertEquals(IMPLICIT_DENY, request().principal(otherRoot).resourceAccount("111122223333").outcome());
        assertEquals(ALLOW, request().principal(otherRoot).resourceAccount("111122223333")
                .resourcePolicy(bucketPolicyFor("444455556666")).outcome());
        assertEquals(EXPLICIT_DENY, request().principal("arn:aws:iam::111122223333:root").resourcePolicy(
                stmt("\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"")).outcome());
    }

    @Test
    void assumeRoleUsesTheTrustPolicy() {
        String role = "arn:aws:iam::111122223333:role/Admin";
        CompiledPolicy trustsAlice = stmt("\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ALICE
                + "\"},\"Action\":\"sts:AssumeRole\"");
        CompiledPolicy trustsAccount = stmt("\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111122223333\"},"
                + "\"Action\":\"sts:AssumeRole\"");
        CompiledPolicy mayAssume = stmt("\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"" + role
                + "\"");
        assertEquals(ALLOW, request().action("sts:AssumeRole").resource(role).resourcePolicy(trustsAlice).outcome());
        assertEquals(IMPLICIT_DENY, request().action("sts:AssumeRole").resource(role).resourcePolicy(trustsAccount)
                .outcome());
        assertEquals(ALLOW, request().action("sts:AssumeRole").resource(role).resourcePolicy(trustsAccount)
                .identity(mayAssume).outcome());
        assertEquals(IMPLICIT_DENY, request().action("sts:AssumeRole").resource(role).identity(mayAssume).outcome());
        String bob = "arn:aws:iam::444455556666:user/bob";
        assertEquals(IMPLICIT_DENY, request().principal(bob).action("sts:AssumeRole").resource(role)
                .resourcePolicy(stmt("\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + bob
                        + "\"},\"Action\":\"sts:AssumeRole\"")).outcome());
    }

    @Test
    void notPrincipalExcludesOnlyWhenEveryIdentityOfTheCallerIsListed() {
        CompiledPolicy denyAllBut = stmt("\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":[\"" + SESSION + "\",\""
                + ROLE + "\",\"arn:aws:iam::111122223333:root\"]},\"Action\":\"s3:*\",\"Resource\":\"*\"");
        CompiledPolicy denyButSessionOnly = stmt("\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":\"" + SESSION
                + "\"},\"Action\":\"s3:*\",\"Resource\":\"*\"");
        assertEquals(ALLOW, request().principal(SESSION).sessionIssuer(ROLE).identity(allowS3())
                .resourcePolicy(denyAllBut).outcome());
        assertEquals(EXPLICIT_DENY, request().principal(SESSION).sessionIssuer(ROLE).identity(allowS3())
                .resourcePolicy(denyButSessionOnly).outcome());
        assertEquals(EXPLICIT_DENY, request().principal(SESSION).sessionIssuer(ROLE).identity(allowS3())
                .boundary(allowAll()).resourcePolicy(denyAllBut).outcome());
    }

    @Test
    void traceListsMatchedAndMissedStatements() {
        Decision d = request().identity(allowS3(),
                stmt("\"Sid\":\"Ec2\",\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\""),
                stmt("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::other/*\"")).decide();
        assertEquals(1, d.matchedStatements().size());
        assertEquals(MissReason.ACTION, d.notMatchedStatements().get(0).reason());
        assertEquals("Ec2", d.notMatchedStatements().get(0).sid());
        assertEquals(MissReason.RESOURCE, d.notMatchedStatements().get(1).reason());
    }
}
