package org.iamdojo.iam.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iamdojo.iam.SandboxFixture.root;

import java.util.List;
import org.iamdojo.iam.SandboxFixture;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.ConsoleSignIn;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.junit.jupiter.api.Test;

/** Root-only tasks: the catalogue and SCPs. https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-tasks.html */
class RootOnlyOperationsTest {
    static final String A = "111122223333";
    final SandboxFixture f = new SandboxFixture().account(A);

    @Test
    void everyTaskNamesItsSourceAndAnOperation() {
        RootOnlyTasks tasks = RootOnlyTasks.load();
        assertThat(tasks.tasks()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(tasks.tasks()).allMatch(t -> t.source().startsWith("https://") && t.operation() != null
                && t.name() != null && t.id().matches("[a-z0-9-]+"));
        assertThat(tasks.tasks()).extracting(RootOnlyTasks.Task::id).doesNotHaveDuplicates();
        assertThat(tasks.refusal().source()).startsWith("https://docs.aws.amazon.com/");
        assertThat(f.sandbox.operationNames()).contains("account:CloseAccount", "support:UpdateSupportPlan",
                "ec2:RequestEc2Port25Removal", "cloudfront:CreateCloudFrontKeyPair");
    }

    @Test
    void anScpStillLimitsTheRootUser() {
        // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html
        String allowAll = SandboxFixture.ADMIN;
        String denyClose = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"account:CloseAccount\","
                + "\"Resource\":\"*\"}]}";
        f.sandbox.setServiceControlPolicies(A, List.of(List.of(allowAll), List.of(allowAll, denyClose)));
        assertThat(f.call(root(A), "account", "CloseAccount", Params.of()).error().code()).isEqualTo("AccessDenied");
        assertThat(f.sandbox.account(A).closed()).isFalse();
        assertThat(f.call(root(A), "account", "UpdateAccountName", Params.of("AccountName", "x")).succeeded()).isTrue();
    }

    @Test
    void aClosedAccountLetsOnlyItsRootUserReachBillingSettingsAndSupport() {
        // https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-closing.html: "You will no longer be able
        // to access AWS services that were previously available in your account. However, you can sign-in and access
        // a closed AWS account during the post-closure period only to view past billing information, access account
        // settings, or contact AWS Support." Organizations: "Immediately, the account can no longer be used for any
        // AWS activity other than signing in as the root user to view past bills or to contact AWS Support."
        // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_close.html
        String other = "444455556666";
        f.account(other);
        String roleArn = f.role(A, "Admin", SandboxFixture.trust(A, null), SandboxFixture.ADMIN);
        String shared = f.role(A, "Shared", SandboxFixture.trust(other, null), SandboxFixture.ADMIN);
        var alice = f.user(A, "alice", SandboxFixture.ADMIN);
        f.setup(A, "iam", "CreateLoginProfile", Params.of("UserName", "alice", "Password", "Alice-Passw0rd!"));
        var aliceConsole = ConsoleSignIn.signIn(f.sandbox, A, "alice", "Alice-Passw0rd!", null);
        var session = SandboxFixture.temporary(f.call(alice, "sts", "AssumeRole",
                Params.of("RoleArn", roleArn, "RoleSessionName", "admin")).orThrow());
        var bob = f.user(other, "bob", SandboxFixture.ADMIN);
        Params assumeShared = Params.of("RoleArn", shared, "RoleSessionName", "bob");
        assertThat(f.call(bob, "sts", "AssumeRole", assumeShared).succeeded()).isTrue();

        assertThat(f.call(root(A), "account", "CloseAccount", Params.of()).succeeded()).isTrue();

        for (Credentials gone : List.of(alice, session, aliceConsole)) {
            CallResult r = f.call(gone, "s3", "ListBuckets", Params.of());
            assertThat(r.error().code()).isEqualTo("InvalidClientTokenId");
            assertThat(f.call(gone, "sts", "GetCallerIdentity", Params.of()).succeeded()).isFalse();
        }
        assertThatThrownBy(() -> ConsoleSignIn.signIn(f.sandbox, A, "alice", "Alice-Passw0rd!", null))
                .hasMessage(ConsoleSignIn.INCORRECT);
        CallResult rootS3 = f.call(root(A), "s3", "ListBuckets", Params.of());
        assertThat(rootS3.error().code()).isEqualTo("AccessDenied");
        assertThat(rootS3.error().getMessage()).contains("is closed");
        assertThat(f.call(root(A), "iam", "ListUsers", Params.of()).error().code()).isEqualTo("AccessDenied");
        assertThat(f.call(root(A), "aws-portal", "ViewTaxInvoices", Params.of()).succeeded()).isTrue();
        assertThat(f.call(root(A), "account", "UpdateAccountName", Params.of("AccountName", "old")).succeeded())
                .isTrue();
        assertThat(f.call(root(A), "support", "UpdateSupportPlan", Params.of("SupportPlan", "developer"))
                .succeeded()).isTrue();
        // Its roles are out of reach from other accounts; the other account itself carries on.
        assertThat(f.call(bob, "sts", "AssumeRole", assumeShared).error().code()).isEqualTo("AccessDenied");
        assertThat(f.call(bob, "iam", "ListUsers", Params.of()).succeeded()).isTrue();
    }

    @Test
    void wrongOldRootPasswordIsRejected() {
        assertThat(f.call(root(A), "account", "UpdateRootPassword", Params.of("OldPassword", "wrong",
                "NewPassword", "Another1!")).error().code()).isEqualTo("InvalidInput");
        assertThat(f.sandbox.account(A).root().passwordMatches("RootPassw0rd!")).isTrue();
    }

    @Test
    void roleSessionsAreRefusedToo() {
        String roleArn = f.role(A, "Admin", SandboxFixture.trust(A, null), SandboxFixture.ADMIN);
        var alice = f.user(A, "alice", SandboxFixture.ADMIN);
        var session = SandboxFixture.temporary(f.call(alice, "sts", "AssumeRole",
                Params.of("RoleArn", roleArn, "RoleSessionName", "admin")).orThrow());
        var r = f.call(session, "aws-portal", "ActivateIamAccessToBilling", Params.of());
        assertThat(r.error().getMessage()).startsWith("User: arn:aws:sts::" + A + ":assumed-role/Admin/admin is not "
                + "authorized to perform: aws-portal:ActivateIamAccessToBilling");
        assertThat(f.sandbox.trail().events(A)).anyMatch(e -> "ActivateIamAccessToBilling".equals(e.eventName())
                && "AccessDenied".equals(e.errorCode()));
    }

    /**
     * The Support plan is no longer root-only: the AWS managed policy AWSSupportPlansFullAccess grants
     * supportplans:StartSupportPlanUpdate to IAM identities, so IAM policies decide, as for any call.
     * https://docs.aws.amazon.com/awssupport/latest/user/managed-policies-aws-support-plans.html
     */
    @Test
    void theSupportPlanIsChangedByWhoeverIamPoliciesAllow() {
        var admin = f.user(A, "admin", SandboxFixture.ADMIN);
        assertThat(f.call(admin, "support", "UpdateSupportPlan", Params.of("SupportPlan", "business")).succeeded())
                .isTrue();
        assertThat(f.sandbox.account(A).supportPlan()).isEqualTo("business");
        var reader = f.user(A, "reader", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\"}]}");
        CallResult refused = f.call(reader, "support", "UpdateSupportPlan", Params.of("SupportPlan", "basic"));
        assertThat(refused.error().code()).isEqualTo("AccessDenied");
        assertThat(refused.error().getMessage()).contains("supportplans:StartSupportPlanUpdate")
                .doesNotContain("root user");
        assertThat(f.sandbox.account(A).supportPlan()).isEqualTo("business");
    }
}
