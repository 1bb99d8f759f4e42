package org.iamdojo.iam.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iamdojo.iam.SandboxFixture.allow;
import static org.iamdojo.iam.SandboxFixture.json;
import static org.iamdojo.iam.SandboxFixture.root;
import static org.iamdojo.iam.SandboxFixture.temporary;
import static org.iamdojo.iam.SandboxFixture.trust;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.iamdojo.iam.SandboxFixture;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.junit.jupiter.api.Test;

/** The four core stories of issue 4, end to end through the sandbox and the real engine. */
class CoreStoriesTest {
    static final String A = "111122223333";
    static final String MONITORING = "444455556666";
    final SandboxFixture f = new SandboxFixture().account(A).account(MONITORING);

    /** (a) https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-tasks.html */
    @Test
    void rootOnlyTasksAreRefusedToAnAdministratorAndAllowedToRoot() {
        Credentials admin = f.user(A, "admin", SandboxFixture.ADMIN);
        List<RootOnlyTasks.Task> tasks = new ArrayList<>(RootOnlyTasks.load().rootOnly());
        // Closing the account ends its use for everything but billing, settings and Support, so it comes last.
        tasks.sort(Comparator.comparing(t -> "CloseAccount".equals(t.operation())));
        for (RootOnlyTasks.Task task : tasks) {
            CallResult refused = f.call(admin, task.service(), task.operation(), params(task));
            assertThat(refused.error().code()).as(task.id()).isEqualTo("AccessDenied");
            assertThat(refused.error().getMessage()).as(task.id())
                    .contains("You must sign in as the AWS account root user");
            assertThat(refused.event().errorCode()).isEqualTo("AccessDenied");
            CallResult allowed = f.call(root(A), task.service(), task.operation(), params(task));
            assertThat(allowed.succeeded()).as(task.id()).isTrue();
            assertThat(allowed.event().byRoot()).isTrue();
        }
        assertThat(f.sandbox.account(A).closed()).isTrue();
        assertThat(f.sandbox.account(A).root().passwordMatches("N3wRootPassw0rd!")).isTrue();
    }

    private static Params params(RootOnlyTasks.Task task) {
        return switch (task.operation()) {
            case "UpdateAccountName" -> Params.of("AccountName", "Dojo Prod");
            case "UpdateAccountEmail" -> Params.of("NewEmailAddress", "owner@example.com");
            case "UpdateRootPassword" -> Params.of("OldPassword", "RootPassw0rd!", "NewPassword", "N3wRootPassw0rd!");
            case "UpdateSupportPlan" -> Params.of("SupportPlan", "business");
            default -> Params.of();
        };
    }

    /** (b) https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups.html */
    @Test
    void aUserInTwoGroupsGetsTheUnionOfTheirPermissionsAndNothingMore() {
        f.setup(A, "iam", "CreateGroup", Params.of("GroupName", "Readers"));
        f.setup(A, "iam", "CreateGroup", Params.of("GroupName", "Monitoring"));
        f.setup(A, "iam", "PutGroupPolicy", Params.of("GroupName", "Readers", "PolicyName", "s3read",
                "PolicyDocument", allow("s3:ListAllMyBuckets", "*")));
        f.setup(A, "iam", "PutGroupPolicy", Params.of("GroupName", "Monitoring", "PolicyName", "cw",
                "PolicyDocument", allow("cloudwatch:ListMetrics", "*")));
        Credentials erin = f.user(A, "erin");
        assertThat(f.call(erin, "s3", "ListBuckets", Params.of()).succeeded()).isFalse();
        f.setup(A, "iam", "AddUserToGroup", Params.of("GroupName", "Readers", "UserName", "erin"));
        f.setup(A, "iam", "AddUserToGroup", Params.of("GroupName", "Monitoring", "UserName", "erin"));
        assertThat(f.call(erin, "s3", "ListBuckets", Params.of()).succeeded()).isTrue();
        assertThat(f.call(erin, "cloudwatch", "ListMetrics", Params.of()).succeeded()).isTrue();
        assertThat(f.call(erin, "cloudwatch", "GetMetricData", json("{\"StartTime\":\"2026-03-02T00:00:00Z\","
                + "\"EndTime\":\"2026-03-02T09:00:00Z\",\"MetricDataQueries\":[]}")).error().code()).isEqualTo("AccessDenied");
        assertThat(f.call(erin, "s3", "CreateBucket", Params.of("Bucket", "erins-bucket")).error().code())
                .isEqualTo("AccessDenied");
        assertThat(f.call(erin, "iam", "ListUsers", Params.of()).error().code()).isEqualTo("AccessDenied");
        f.setup(A, "iam", "RemoveUserFromGroup", Params.of("GroupName", "Readers", "UserName", "erin"));
        assertThat(f.call(erin, "s3", "ListBuckets", Params.of()).succeeded()).isFalse();
    }

    /** (c) https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html */
    @Test
    void aMonitoringAccountReadsMetricsThroughARoleWithExternalId() {
        CloudWatchOperations.seedEc2Cpu(f.sandbox, A, "i-0abc", SandboxFixture.T0.minusSeconds(3600), 10, 20, 30, 40);
        String roleArn = f.role(A, "MonitoringReadOnly",
                trust(MONITORING, "{\"StringEquals\":{\"sts:ExternalId\":\"dojo-7Hq2\"}}"),
                allow("cloudwatch:Get*", "*"), allow("cloudwatch:List*", "*"));
        Credentials watcher = f.user(MONITORING, "watcher", allow("sts:AssumeRole", roleArn));
        Params missing = Params.of("RoleArn", roleArn, "RoleSessionName", "watch");
        Params wrong = Params.of("RoleArn", roleArn, "RoleSessionName", "watch", "ExternalId", "guess");
        Params right = Params.of("RoleArn", roleArn, "RoleSessionName", "watch", "ExternalId", "dojo-7Hq2");
        assertThat(f.call(watcher, "sts", "AssumeRole", missing).error().code()).isEqualTo("AccessDenied");
        assertThat(f.call(watcher, "sts", "AssumeRole", wrong).error().code()).isEqualTo("AccessDenied");
        Credentials session = temporary(f.call(watcher, "sts", "AssumeRole", right).orThrow());
        ObjectNode data = f.call(session, "cloudwatch", "GetMetricData", json("{\"StartTime\":\"2026-03-02T07:00:00Z\","
                + "\"EndTime\":\"2026-03-02T09:00:00Z\",\"MetricDataQueries\":[{\"Id\":\"cpu\",\"MetricStat\":{"
                + "\"Metric\":{\"Namespace\":\"AWS/EC2\",\"MetricName\":\"CPUUtilization\",\"Dimensions\":[{\"Name\":"
                + "\"InstanceId\",\"Value\":\"i-0abc\"}]},\"Period\":3600,\"Stat\":\"Average\"}}]}")).orThrow();
        assertThat(data.at("/MetricDataResults/0/Values/0").asDouble()).isEqualTo(25.0);
        assertThat(f.call(session, "cloudwatch", "ListMetrics", Params.of("Namespace", "AWS/EC2")).orThrow()
                .get("Metrics")).hasSize(1);
        // Read-only: the session cannot write metrics, and account 111122223333 has no IAM user for it.
        assertThat(f.call(session, "cloudwatch", "PutMetricData", json("{\"Namespace\":\"Custom\",\"MetricData\":"
                + "[{\"MetricName\":\"x\",\"Value\":1}]}")).error().code()).isEqualTo("AccessDenied");
        assertThat(f.sandbox.account(A).users()).isEmpty();
        assertThat(f.sandbox.trail().events(A)).anyMatch(e -> e.eventName().equals("GetMetricData")
                && e.principalArn().equals("arn:aws:sts::" + A + ":assumed-role/MonitoringReadOnly/watch"));
    }

    /** (d) https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html */
    @Test
    void anInstanceWritesToS3ThroughItsRoleWithoutAccessKeys() {
        Credentials admin = f.user(A, "admin", SandboxFixture.ADMIN);
        f.call(admin, "s3", "CreateBucket", Params.of("Bucket", "app-uploads")).orThrow();
        String ec2Trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        f.role(A, "AppWriter", ec2Trust, allow("s3:PutObject", "arn:aws:s3:::app-uploads/*"));
        f.setup(A, "iam", "CreateInstanceProfile", Params.of("InstanceProfileName", "AppWriter"));
        f.setup(A, "iam", "AddRoleToInstanceProfile", Params.of("InstanceProfileName", "AppWriter", "RoleName", "AppWriter"));
        ObjectNode run = f.call(admin, "ec2", "RunInstances", json("{\"ImageId\":\"ami-0abcdef1234567890\","
                + "\"IamInstanceProfile\":{\"Name\":\"AppWriter\"},\"UserData\":\"#!/bin/bash\\necho hello\"}")).orThrow();
        String instanceId = run.at("/Instances/0/InstanceId").asText();
        CallResult put = Ec2Operations.runOnInstance(f.sandbox, instanceId, "s3", "PutObject",
                Params.of("Bucket", "app-uploads", "Key", "from-instance.txt", "Body", "hi"));
        assertThat(put.succeeded()).isTrue();
        assertThat(S3Operations.state(f.sandbox).bucket("app-uploads").objects().get("from-instance.txt").writerArn())
                .isEqualTo("arn:aws:sts::" + A + ":assumed-role/AppWriter/" + instanceId);
        assertThat(Ec2Operations.runOnInstance(f.sandbox, instanceId, "s3", "GetObject",
                Params.of("Bucket", "app-uploads", "Key", "from-instance.txt")).error().code()).isEqualTo("AccessDenied");
        assertThat(Ec2Inspection.accessKeysInUserData(f.sandbox)).isEmpty();
        assertThat(f.sandbox.account(A).users()).allMatch(u -> !u.name().equals("app"));
        assertThat(f.sandbox.trail().find(e -> e.eventName().equals("AssumeRole"))).anyMatch(e ->
                e.userIdentityType().equals("AWSService") && e.recipientAccountId().equals(A) && e.succeeded());
    }
}
