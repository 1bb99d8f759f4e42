package org.iamdojo.iam.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iamdojo.iam.SandboxFixture.allow;
import static org.iamdojo.iam.SandboxFixture.json;

import java.time.Duration;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import org.iamdojo.iam.SandboxFixture;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.junit.jupiter.api.Test;

/**
 * Simulated EC2: PassRole on launch, the instance metadata service, lifecycle errors, keys in user data.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html
 */
class Ec2OperationsTest {
    static final String A = "111122223333";
    static final String EC2_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
            + "{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    final SandboxFixture f = new SandboxFixture().account(A);

    private void profile(String name, String trust) {
        f.role(A, name, trust, allow("s3:ListAllMyBuckets", "*"));
        f.setup(A, "iam", "CreateInstanceProfile", Params.of("InstanceProfileName", name));
        f.setup(A, "iam", "AddRoleToInstanceProfile", Params.of("InstanceProfileName", name, "RoleName", name));
    }

    private String launch(Credentials who, String profile, String userData) {
        String body = "{\"ImageId\":\"ami-1\"" + (profile == null ? "" : ",\"IamInstanceProfile\":{\"Name\":\"" + profile + "\"}")
                + (userData == null ? "" : ",\"UserData\":\"" + userData + "\"") + "}";
        return f.call(who, "ec2", "RunInstances", json(body)).orThrow().at("/Instances/0/InstanceId").asText();
    }

    @Test
    void launchingWithAProfileNeedsPassRole() {
        profile("Web", EC2_TRUST);
        Credentials noPass = f.user(A, "dev", allow("ec2:*", "*"));
        CallResult denied = f.call(noPass, "ec2", "RunInstances", json("{\"ImageId\":\"ami-1\",\"IamInstanceProfile\":"
                + "{\"Name\":\"Web\"}}"));
        assertThat(denied.error().code()).isEqualTo("AccessDenied");
        assertThat(denied.error().getMessage()).contains("iam:PassRole");
        String passToEc2 = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"iam:PassedToService\":\"ec2.amazonaws.com\"}}}]}";
        Credentials ops = f.user(A, "ops", allow("ec2:*", "*"), passToEc2);
        String id = launch(ops, "Web", null);
        assertThat(id).matches("i-[0-9a-f]{17}");
        assertThat(f.call(ops, "ec2", "DescribeInstances", Params.of()).orThrow()
                .at("/Reservations/0/Instances/0/IamInstanceProfile/Arn").asText())
                .isEqualTo("arn:aws:iam::" + A + ":instance-profile/Web");
        assertThat(f.call(ops, "ec2", "RunInstances", json("{\"ImageId\":\"ami-1\",\"IamInstanceProfile\":"
                + "{\"Name\":\"Nope\"}}")).error().code()).isEqualTo("InvalidParameterValue");
    }

    @Test
    void metadataCredentialsNeedARoleThatTrustsEc2AndAreRenewedBeforeExpiry() {
        profile("Trusting", EC2_TRUST);
        profile("NotTrusting", SandboxFixture.trust(A, null));
        Credentials admin = f.user(A, "admin", SandboxFixture.ADMIN);
        String good = launch(admin, "Trusting", null);
        String bad = launch(admin, "NotTrusting", null);
        String bare = launch(admin, null, null);
        InstanceMetadata imds = InstanceMetadata.of(f.sandbox);
        assertThat(imds.credentials(bad)).isEmpty();
        assertThat(imds.credentials(bare)).isEmpty();
        InstanceCredentials first = imds.credentials(good).orElseThrow();
        assertThat(first.accessKeyId()).startsWith("ASIA");
        assertThat(imds.roleName(good)).contains("Trusting");
        f.clock.advance(Duration.ofMinutes(50));
        assertThat(imds.credentials(good).orElseThrow().accessKeyId()).isEqualTo(first.accessKeyId());
        f.clock.advance(Duration.ofMinutes(6));
        InstanceCredentials renewed = imds.credentials(good).orElseThrow();
        assertThat(renewed.accessKeyId()).isNotEqualTo(first.accessKeyId());
        assertThat(Ec2Operations.runOnInstance(f.sandbox, good, "s3", "ListBuckets", Params.of()).succeeded()).isTrue();
        f.call(admin, "ec2", "StopInstances", json("{\"InstanceIds\":[\"" + good + "\"]}")).orThrow();
        assertThat(imds.credentials(good)).isEmpty();
    }

    @Test
    void lifecycleAndErrors() {
        Credentials admin = f.user(A, "admin", SandboxFixture.ADMIN);
        Credentials viewer = f.user(A, "viewer", allow("ec2:DescribeInstances", "*"));
        String id = launch(admin, null, null);
        String ids = "{\"InstanceIds\":[\"" + id + "\"]}";
        assertThat(f.call(viewer, "ec2", "StopInstances", json(ids)).error().code()).isEqualTo("AccessDenied");
        assertThat(f.call(admin, "ec2", "StopInstances", json(ids)).orThrow().at("/StoppingInstances/0/CurrentState/Name")
                .asText()).isEqualTo("stopped");
        f.call(admin, "ec2", "StartInstances", json(ids)).orThrow();
        f.call(admin, "ec2", "TerminateInstances", json(ids)).orThrow();
        assertThat(f.call(admin, "ec2", "StartInstances", json(ids)).error().code()).isEqualTo("IncorrectInstanceState");
        assertThat(f.call(admin, "ec2", "StopInstances", json("{\"InstanceIds\":[\"i-00000000000000000\"]}")).error()
                .code()).isEqualTo("InvalidInstanceID.NotFound");
    }

    @Test
    void associatingAProfileLaterGivesTheInstanceCredentials() {
        profile("Later", EC2_TRUST);
        Credentials admin = f.user(A, "admin", SandboxFixture.ADMIN);
        String id = launch(admin, null, null);
        assertThat(InstanceMetadata.of(f.sandbox).credentials(id)).isEmpty();
        f.call(admin, "ec2", "AssociateIamInstanceProfile", json("{\"InstanceId\":\"" + id
                + "\",\"IamInstanceProfile\":{\"Arn\":\"arn:aws:iam::" + A + ":instance-profile/Later\"}}")).orThrow();
        assertThat(InstanceMetadata.of(f.sandbox).credentials(id)).isPresent();
        assertThat(f.call(admin, "ec2", "AssociateIamInstanceProfile", json("{\"InstanceId\":\"" + id
                + "\",\"IamInstanceProfile\":{\"Name\":\"Later\"}}")).error().code()).isEqualTo("IncorrectState");
    }

    @Test
    void accessKeysInUserDataAreDetectedInTextAndBase64() {
        Credentials admin = f.user(A, "admin", SandboxFixture.ADMIN);
        String script = "#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n"
                + "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n";
        String id = launch(admin, null, Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8)));
        launch(admin, null, "#!/bin/bash\\necho clean");
        var findings = Ec2Inspection.accessKeysInUserData(f.sandbox);
        assertThat(findings).extracting(Ec2Inspection.UserDataFinding::kind)
                .containsExactly("AccessKeyId", "SecretAccessKey");
        assertThat(findings).allMatch(x -> x.instanceId().equals(id));
        assertThat(findings.get(1).evidence()).doesNotContain("wJalr");
    }

    /**
     * Tags on instances: aws:RequestTag and aws:TagKeys when tagging (at launch CreateTags carries ec2:CreateAction),
     * aws:ResourceTag on the instance afterwards.
     * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/supported-iam-actions-tagging.html
     */
    @Test
    void tagsAreRequestTagsWhenGivenAndResourceTagsAfterwards() {
        String abac = "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"ec2:DescribeInstances\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Allow\",\"Action\":\"ec2:StopInstances\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/project\":\"${aws:PrincipalTag/project}\"}}},"
                + "{\"Effect\":\"Allow\",\"Action\":\"ec2:RunInstances\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:RequestTag/project\":\"${aws:PrincipalTag/project}\"},\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"project\"]}}},"
                + "{\"Effect\":\"Allow\",\"Action\":\"ec2:CreateTags\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"ec2:CreateAction\":\"RunInstances\"}}}]}";
        f.setup(A, "iam", "CreateUser", json("{\"UserName\":\"ana\",\"Tags\":[{\"Key\":\"project\",\"Value\":\"phoenix\"}]}"));
        f.setup(A, "iam", "PutUserPolicy", Params.of("UserName", "ana", "PolicyName", "abac", "PolicyDocument", abac));
        var key = f.setup(A, "iam", "CreateAccessKey", Params.of("UserName", "ana")).get("AccessKey");
        Credentials ana = Credentials.AccessKeyPair.longTerm(key.get("AccessKeyId").asText(), key.get("SecretAccessKey").asText());
        String tagged = "{\"ImageId\":\"ami-1\",\"TagSpecifications\":[{\"ResourceType\":\"instance\",\"Tags\":[{\"Key\":\"project\",\"Value\":\"%s\"}]}]}";
        String mine = f.call(ana, "ec2", "RunInstances", json(tagged.formatted("phoenix"))).orThrow().at("/Instances/0/InstanceId").asText();
        assertThat(f.call(ana, "ec2", "RunInstances", json(tagged.formatted("atlas"))).error().code()).isEqualTo("AccessDenied");
        assertThat(f.call(ana, "ec2", "RunInstances", json("{\"ImageId\":\"ami-1\"}")).succeeded()).isFalse();
        String theirs = f.setup(A, "ec2", "RunInstances", json(tagged.formatted("atlas"))).at("/Instances/0/InstanceId").asText();
        assertThat(f.call(ana, "ec2", "DescribeInstances", json("{\"Filters\":[{\"Name\":\"tag:project\",\"Values\":[\"atlas\"]}]}"))
                .orThrow().at("/Reservations/0/Instances/0/InstanceId").asText()).isEqualTo(theirs);
        assertThat(f.call(ana, "ec2", "StopInstances", json("{\"InstanceIds\":[\"" + mine + "\"]}")).succeeded()).isTrue();
        assertThat(f.call(ana, "ec2", "StopInstances", json("{\"InstanceIds\":[\"" + theirs + "\"]}")).succeeded()).isFalse();
        // Re-tagging someone else's instance is CreateTags without ec2:CreateAction: refused, and nothing changes.
        String retag = "{\"Resources\":[\"" + theirs + "\"],\"Tags\":[{\"Key\":\"project\",\"Value\":\"phoenix\"}]}";
        assertThat(f.call(ana, "ec2", "CreateTags", json(retag)).succeeded()).isFalse();
        assertThat(Ec2Operations.state(f.sandbox).instance(theirs).tags()).containsEntry("project", "atlas");
        f.setup(A, "ec2", "CreateTags", json(retag));
        assertThat(f.call(ana, "ec2", "StopInstances", json("{\"InstanceIds\":[\"" + theirs + "\"]}")).succeeded()).isTrue();
        f.setup(A, "ec2", "DeleteTags", json("{\"Resources\":[\"" + theirs + "\"],\"Tags\":[{\"Key\":\"project\",\"Value\":\"atlas\"}]}"));
        assertThat(Ec2Operations.state(f.sandbox).instance(theirs).tags()).as("a value that does not match deletes nothing")
                .containsEntry("project", "phoenix");
    }
}
