package org.iamdojo.iam.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iamdojo.iam.SandboxFixture.allow;
import static org.iamdojo.iam.SandboxFixture.json;
import static org.iamdojo.iam.SandboxFixture.root;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.iamdojo.iam.SandboxFixture;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.eval.Decision;
import org.iamdojo.iam.eval.PolicyLayer;
import org.junit.jupiter.api.Test;

/**
 * AWS Organizations in the sandbox: the organization, SCPs and RCPs as the engine then evaluates them.
 * API: https://docs.aws.amazon.com/organizations/latest/APIReference/Welcome.html
 */
class OrganizationsOperationsTest {
    static final String MGMT = "111122223333";
    static final String MEMBER = "222233334444";
    static final String OUTSIDE = "444455556666";
    final SandboxFixture f = new SandboxFixture().account(MGMT).account(MEMBER).account(OUTSIDE);
    String rootId;
    String ouId;

    /** Management creates the organization, invites MEMBER, which accepts, and moves it into the OU Workloads. */
    void organization(boolean scps) {
        ObjectNode org = f.setup(MGMT, "organizations", "CreateOrganization", Params.of("FeatureSet", "ALL"));
        assertThat(org.at("/Organization/Id").asText()).matches("o-[a-z0-9]{10}");
        assertThat(org.at("/Organization/MasterAccountId").asText()).isEqualTo(MGMT);
        rootId = f.setup(MGMT, "organizations", "ListRoots", Params.of()).at("/Roots/0/Id").asText();
        assertThat(rootId).matches("r-[a-z0-9]{4}");
        if (scps) {
            f.setup(MGMT, "organizations", "EnablePolicyType", Params.of("RootId", rootId, "PolicyType", "SERVICE_CONTROL_POLICY"));
        }
        ouId = f.setup(MGMT, "organizations", "CreateOrganizationalUnit", Params.of("ParentId", rootId, "Name", "Workloads"))
                .at("/OrganizationalUnit/Id").asText();
        assertThat(ouId).startsWith("ou-" + rootId.substring(2) + "-");
        String handshake = f.setup(MGMT, "organizations", "InviteAccountToOrganization",
                json("{\"Target\":{\"Type\":\"ACCOUNT\",\"Id\":\"" + MEMBER + "\"}}")).at("/Handshake/Id").asText();
        assertThat(f.setup(MEMBER, "organizations", "AcceptHandshake", Params.of("HandshakeId", handshake))
                .at("/Handshake/State").asText()).isEqualTo("ACCEPTED");
        f.setup(MGMT, "organizations", "MoveAccount", Params.of("AccountId", MEMBER, "SourceParentId", rootId,
                "DestinationParentId", ouId));
    }

    String scp(String name, String content) {
        return f.setup(MGMT, "organizations", "CreatePolicy", Params.of("Name", name, "Type", "SERVICE_CONTROL_POLICY",
                "Content", content)).at("/Policy/PolicySummary/Id").asText();
    }

    static final String DENY_S3 = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";

    @Test
    void anScpAttachedToTheOuDeniesInTheMemberButNeverInTheManagementAccount() {
        // "SCPs don't affect users or roles in the management account. They affect only the member accounts in your
        // organization." https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html
        organization(true);
        Credentials member = f.user(MEMBER, "builder", SandboxFixture.ADMIN);
        Credentials manager = f.user(MGMT, "admin", SandboxFixture.ADMIN);
        assertThat(f.call(member, "s3", "ListBuckets", Params.of()).succeeded()).isTrue();
        String id = scp("NoS3", DENY_S3);
        assertThat(id).matches("p-[a-z0-9]{8}");
        f.setup(MGMT, "organizations", "AttachPolicy", Params.of("PolicyId", id, "TargetId", ouId));
        CallResult denied = f.call(member, "s3", "ListBuckets", Params.of());
        assertThat(denied.error().code()).isEqualTo("AccessDenied");
        assertThat(denied.error().getMessage()).contains("with an explicit deny in a service control policy");
        assertThat(((Decision) denied.decision()).decidingLayer()).isEqualTo(PolicyLayer.SCP);
        // The member's root user is bound as well.
        assertThat(f.call(root(MEMBER), "s3", "ListBuckets", Params.of()).succeeded()).isFalse();
        assertThat(f.call(manager, "s3", "ListBuckets", Params.of()).succeeded()).isTrue();
        assertThat(f.call(root(MGMT), "s3", "ListBuckets", Params.of()).succeeded()).isTrue();
        // Detached, it no longer applies.
        f.setup(MGMT, "organizations", "DetachPolicy", Params.of("PolicyId", id, "TargetId", ouId));
        assertThat(f.call(member, "s3", "ListBuckets", Params.of()).succeeded()).isTrue();
    }

    @Test
    void everyLevelMustAllow_anAllowListWithoutFullAwsAccessGrantsNothingElse() {
        // "every SCP ... in the direct path to the account" must allow (orgs_manage_policies_scps_evaluation.html).
        organization(true);
        Credentials member = f.user(MEMBER, "builder", SandboxFixture.ADMIN);
        String onlyS3 = scp("OnlyS3", allow("s3:*", "*"));
        f.setup(MGMT, "organizations", "AttachPolicy", Params.of("PolicyId", onlyS3, "TargetId", ouId));
        f.setup(MGMT, "organizations", "DetachPolicy", Params.of("PolicyId", OrganizationsState.FULL_AWS_ACCESS, "TargetId", ouId));
        assertThat(f.call(member, "s3", "ListBuckets", Params.of()).succeeded()).isTrue();
        CallResult iam = f.call(member, "iam", "ListUsers", Params.of());
        assertThat(iam.error().getMessage()).contains("because no service control policy allows the iam:ListUsers action");
    }

    @Test
    void policiesMustBeEnabledAndEveryTargetKeepsOneScp() {
        organization(false);
        String id = scp("NoS3", DENY_S3);
        CallResult notEnabled = f.call(root(MGMT), "organizations", "AttachPolicy", Params.of("PolicyId", id, "TargetId", ouId));
        assertThat(notEnabled.error().code()).isEqualTo("PolicyTypeNotEnabledException");
        f.setup(MGMT, "organizations", "EnablePolicyType", Params.of("RootId", rootId, "PolicyType", "SERVICE_CONTROL_POLICY"));
        // Enabling attaches FullAWSAccess to the root, every OU and every account.
        for (String target : new String[] {rootId, ouId, MEMBER, MGMT}) {
            assertThat(f.setup(MGMT, "organizations", "ListPoliciesForTarget", Params.of("TargetId", target, "Filter",
                    "SERVICE_CONTROL_POLICY")).at("/Policies/0/Name").asText()).as(target).isEqualTo("FullAWSAccess");
        }
        // "Every root, OU, and account must have at least one SCP attached." (API_DetachPolicy.html)
        CallResult last = f.call(root(MGMT), "organizations", "DetachPolicy",
                Params.of("PolicyId", OrganizationsState.FULL_AWS_ACCESS, "TargetId", ouId));
        assertThat(last.error().code()).isEqualTo("ConstraintViolationException");
        assertThat(f.call(root(MGMT), "organizations", "AttachPolicy", Params.of("PolicyId", id, "TargetId", ouId)).succeeded()).isTrue();
        assertThat(f.call(root(MGMT), "organizations", "AttachPolicy", Params.of("PolicyId", id, "TargetId", ouId))
                .error().code()).isEqualTo("DuplicatePolicyAttachmentException");
        assertThat(f.call(root(MGMT), "organizations", "DeletePolicy", Params.of("PolicyId", id)).error().code())
                .isEqualTo("PolicyInUseException");
        assertThat(f.setup(MGMT, "organizations", "ListTargetsForPolicy", Params.of("PolicyId", id))
                .at("/Targets/0/Type").asText()).isEqualTo("ORGANIZATIONAL_UNIT");
    }

    @Test
    void memberAccountsCannotManageTheOrganization() {
        organization(true);
        // "This operation can be called only from the organization's management account."
        CallResult fromMember = f.call(root(MEMBER), "organizations", "ListAccounts", Params.of());
        assertThat(fromMember.error().code()).isEqualTo("AccessDeniedException");
        assertThat(f.call(root(MEMBER), "organizations", "DescribeOrganization", Params.of()).succeeded()).isTrue();
        assertThat(f.call(root(OUTSIDE), "organizations", "DescribeOrganization", Params.of()).error().code())
                .isEqualTo("AWSOrganizationsNotInUseException");
        // An IAM user of the management account needs organizations permissions: denied in Organizations' words.
        Credentials reader = f.user(MGMT, "reader", allow("s3:ListAllMyBuckets", "*"));
        CallResult noPermission = f.call(reader, "organizations", "ListRoots", Params.of());
        assertThat(noPermission.error().code()).isEqualTo("AccessDeniedException");
        assertThat(noPermission.error().getMessage()).contains("organizations:ListRoots");
        assertThat(f.setup(MGMT, "organizations", "ListAccounts", Params.of()).path("Accounts")).hasSize(2);
    }

    @Test
    void aMalformedScpIsRefusedWithOrganizationsError() {
        organization(true);
        CallResult r = f.call(root(MGMT), "organizations", "CreatePolicy", Params.of("Name", "Bad", "Type",
                "SERVICE_CONTROL_POLICY", "Content", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:*\""));
        assertThat(r.error().code()).isEqualTo("MalformedPolicyDocumentException");
        assertThat(f.setup(MGMT, "organizations", "ListPolicies", Params.of("Filter", "SERVICE_CONTROL_POLICY"))
                .path("Policies")).hasSize(1);
    }

    @Test
    void anRcpLimitsEveryCallerOfAMemberAccountsResourcesButNotTheManagementAccounts() {
        // "RCPs don't affect resources in the management account." RCPFullAWSAccess is attached everywhere when RCPs
        // are enabled and cannot be detached.
        // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html
        organization(false);
        f.setup(MEMBER, "s3", "CreateBucket", Params.of("Bucket", "member-data"));
        f.setup(MGMT, "s3", "CreateBucket", Params.of("Bucket", "mgmt-data"));
        String shareWithOutside = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                + OUTSIDE + ":root\"},\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::%s\"}]}";
        f.setup(MEMBER, "s3", "PutBucketPolicy", Params.of("Bucket", "member-data", "Policy", shareWithOutside.formatted("member-data")));
        f.setup(MGMT, "s3", "PutBucketPolicy", Params.of("Bucket", "mgmt-data", "Policy", shareWithOutside.formatted("mgmt-data")));
        Credentials stranger = f.user(OUTSIDE, "partner", allow("s3:ListBucket", "*"));
        assertThat(f.call(stranger, "s3", "ListObjectsV2", Params.of("Bucket", "member-data")).succeeded()).isTrue();
        f.setup(MGMT, "organizations", "EnablePolicyType", Params.of("RootId", rootId, "PolicyType", "RESOURCE_CONTROL_POLICY"));
        String orgId = f.setup(MGMT, "organizations", "DescribeOrganization", Params.of()).at("/Organization/Id").asText();
        String perimeter = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringNotEqualsIfExists\":{\"aws:PrincipalOrgID\":\"" + orgId + "\"},"
                + "\"BoolIfExists\":{\"aws:PrincipalIsAWSService\":\"false\"}}}]}";
        String rcp = f.setup(MGMT, "organizations", "CreatePolicy", Params.of("Name", "Perimeter", "Type",
                "RESOURCE_CONTROL_POLICY", "Content", perimeter)).at("/Policy/PolicySummary/Id").asText();
        f.setup(MGMT, "organizations", "AttachPolicy", Params.of("PolicyId", rcp, "TargetId", rootId));
        CallResult denied = f.call(stranger, "s3", "ListObjectsV2", Params.of("Bucket", "member-data"));
        assertThat(denied.error().getMessage()).contains("with an explicit deny in a resource control policy");
        assertThat(f.call(stranger, "s3", "ListObjectsV2", Params.of("Bucket", "mgmt-data")).succeeded()).isTrue();
        // Inside the organization the same bucket stays reachable: aws:PrincipalOrgID matches.
        Credentials insider = f.user(MEMBER, "steward", allow("s3:ListBucket", "*"));
        assertThat(f.call(insider, "s3", "ListObjectsV2", Params.of("Bucket", "member-data")).succeeded()).isTrue();
        assertThat(f.call(root(MGMT), "organizations", "DetachPolicy", Params.of("PolicyId",
                OrganizationsState.RCP_FULL_AWS_ACCESS, "TargetId", rootId)).error().code()).isEqualTo("ConstraintViolationException");
    }

    @Test
    void organizationKeysAreInTheRequestContext() {
        // aws:PrincipalOrgID / aws:PrincipalOrgPaths, aws:ResourceOrgID
        // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html)
        organization(false);
        String orgId = f.setup(MGMT, "organizations", "DescribeOrganization", Params.of()).at("/Organization/Id").asText();
        f.setup(MEMBER, "s3", "CreateBucket", Params.of("Bucket", "paths"));
        f.setup(MEMBER, "s3", "PutBucketPolicy", Params.of("Bucket", "paths", "Policy",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:ListBucket\","
                        + "\"Resource\":\"arn:aws:s3:::paths\",\"Condition\":{\"ForAnyValue:StringLike\":{\"aws:PrincipalOrgPaths\":\""
                        + orgId + "/" + rootId + "/" + ouId + "/*\"}}}]}"));
        Credentials inOu = f.user(MEMBER, "in-ou", allow("s3:ListBucket", "*"));
        Credentials atRoot = f.user(MGMT, "at-root", allow("s3:ListBucket", "*"));
        Credentials outside = f.user(OUTSIDE, "out", allow("s3:ListBucket", "*"));
        assertThat(f.call(inOu, "s3", "ListObjectsV2", Params.of("Bucket", "paths")).succeeded()).isTrue();
        assertThat(f.call(atRoot, "s3", "ListObjectsV2", Params.of("Bucket", "paths")).succeeded()).isFalse();
        assertThat(f.call(outside, "s3", "ListObjectsV2", Params.of("Bucket", "paths")).succeeded()).isFalse();
    }
}
