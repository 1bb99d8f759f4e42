package org.iamdojo.iam.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iamdojo.iam.SandboxFixture.json;

import org.iamdojo.iam.SandboxFixture;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.account.Sandbox;
import org.junit.jupiter.api.Test;

/**
 * aws:SourceIp is the address the call came from: the terminal's for a learner, the instance's public address
 * for a program on an EC2 instance (no VPC endpoints in the sandbox), and CloudTrail records the same address.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceip
 */
class SourceIpTest {
    static final String A = "111122223333";
    static final String EC2_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
            + "{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    final SandboxFixture f = new SandboxFixture().account(A);

    /** Allows s3:ListAllMyBuckets only from the given CIDR block. */
    static String listBucketsFrom(String cidr) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:ListAllMyBuckets\","
                + "\"Resource\":\"*\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"" + cidr + "\"}}}]}";
    }

    private String instanceWith(String profile, String policy) {
        f.role(A, profile, EC2_TRUST, policy);
        f.setup(A, "iam", "CreateInstanceProfile", Params.of("InstanceProfileName", profile));
        f.setup(A, "iam", "AddRoleToInstanceProfile", Params.of("InstanceProfileName", profile, "RoleName", profile));
        Credentials admin = f.user(A, "admin-" + profile, SandboxFixture.ADMIN);
        return f.call(admin, "ec2", "RunInstances", json("{\"ImageId\":\"ami-1\",\"IamInstanceProfile\":{\"Name\":\""
                + profile + "\"}}")).orThrow().at("/Instances/0/InstanceId").asText();
    }

    @Test
    void aCallFromAnInstanceCarriesTheInstanceAddress() {
        String fromInstanceOnly = instanceWith("InstanceNet", listBucketsFrom(Ec2Operations.INSTANCE_SOURCE_IP + "/32"));
        String fromOfficeOnly = instanceWith("OfficeNet", listBucketsFrom(Sandbox.DEFAULT_SOURCE_IP + "/32"));

        CallResult allowed = Ec2Operations.runOnInstance(f.sandbox, fromInstanceOnly, "s3", "ListBuckets", Params.of());
        assertThat(allowed.succeeded()).isTrue();
        assertThat(allowed.event().sourceIPAddress()).isEqualTo(Ec2Operations.INSTANCE_SOURCE_IP);

        // Before the fix every call carried the terminal's address, so this one was allowed.
        CallResult denied = Ec2Operations.runOnInstance(f.sandbox, fromOfficeOnly, "s3", "ListBuckets", Params.of());
        assertThat(denied.succeeded()).isFalse();
        assertThat(denied.error().code()).isEqualTo("AccessDenied");
        assertThat(denied.event().sourceIPAddress()).isEqualTo(Ec2Operations.INSTANCE_SOURCE_IP);
    }

    @Test
    void aCallFromTheTerminalCarriesTheTerminalAddress() {
        Credentials office = f.user(A, "office", listBucketsFrom("203.0.113.0/24"));
        assertThat(f.sandbox.call(office, "s3", "ListBuckets", Params.of(), Sandbox.DEFAULT_SOURCE_IP).succeeded())
                .isTrue();
        CallResult elsewhere = f.sandbox.call(office, "s3", "ListBuckets", Params.of(), "192.0.2.44");
        assertThat(elsewhere.error().code()).isEqualTo("AccessDenied");
        assertThat(elsewhere.event().sourceIPAddress()).isEqualTo("192.0.2.44");
    }
}
