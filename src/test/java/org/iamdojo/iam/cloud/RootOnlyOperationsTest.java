package org.iamdojo.iam.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iamdojo.iam.SandboxFixture.root;

import java.util.List;
import org.iamdojo.iam.SandboxFixture;
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
        var r = f.call(session, "support", "UpdateSupportPlan", Params.of("SupportPlan", "enterprise"));
        assertThat(r.error().getMessage()).startsWith("User: arn:aws:sts::" + A + ":assumed-role/Admin/admin is not "
                + "authorized to perform: support:UpdateSupportPlan");
        assertThat(f.sandbox.trail().events(A)).anyMatch(e -> "UpdateSupportPlan".equals(e.eventName())
                && "AccessDenied".equals(e.errorCode()));
    }
}
