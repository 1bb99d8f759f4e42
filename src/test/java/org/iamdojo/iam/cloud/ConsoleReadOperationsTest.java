package org.iamdojo.iam.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iamdojo.iam.SandboxFixture.allow;
import static org.iamdojo.iam.SandboxFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.iamdojo.iam.SandboxFixture;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.account.PrincipalSimulation;
import org.iamdojo.iam.audit.TrailEvent;
import org.iamdojo.iam.eval.EvalDecision;
import org.junit.jupiter.api.Test;

/**
 * The read operations the console shows its pages with, each authorized as the caller: CloudTrail's
 * LookupEvents, EC2's DescribeInstanceAttribute, IAM's ListInstanceProfilesForRole, and the engine's working
 * that SimulatePrincipalPolicy hands over with its response.
 */
class ConsoleReadOperationsTest {
    static final String A = "111122223333";
    static final String B = "444455556666";
    final SandboxFixture f = new SandboxFixture().account(A).account(B);
    final Credentials root = SandboxFixture.root(A);

    /**
     * Newest first, 50 a page by default, NextToken to the next page, one lookup attribute, the caller's own
     * account only; needs cloudtrail:LookupEvents.
     * https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html
     */
    @Test
    void lookupEventsPagesNewestFirstAndFiltersByOneAttribute() {
        for (int i = 0; i < 60; i++) {
            f.call(root, "iam", "CreateUser", Params.of("UserName", "u" + i)).orThrow();
        }
        f.call(SandboxFixture.root(B), "iam", "CreateUser", Params.of("UserName", "elsewhere")).orThrow();
        JsonNode first = f.call(root, "cloudtrail", "LookupEvents", Params.of()).orThrow();
        assertThat(first.path("Events")).hasSize(50);
        JsonNode newest = first.path("Events").get(0);
        assertThat(newest.path("EventName").asText()).isEqualTo("CreateUser");
        assertThat(newest.path("Username").asText()).isEqualTo("root");
        assertThat(newest.path("ReadOnly").asText()).isEqualTo("false");
        assertThat(newest.path("EventSource").asText()).isEqualTo("iam.amazonaws.com");
        JsonNode record = SandboxFixture.json(newest.path("CloudTrailEvent").asText()).json();
        assertThat(record.at("/requestParameters/UserName").asText()).isEqualTo("u59");
        assertThat(first.path("NextToken").asText()).isNotEmpty();

        JsonNode second = f.call(root, "cloudtrail", "LookupEvents",
                Params.of("NextToken", first.path("NextToken").asText())).orThrow();
        List<String> names = new ArrayList<>();
        second.path("Events").forEach(e -> names.add(SandboxFixture.json(e.path("CloudTrailEvent").asText()).json()
                .at("/requestParameters/UserName").asText()));
        // The first page's own LookupEvents record is newer than everything on the second page.
        assertThat(names).containsExactly("u9", "u8", "u7", "u6", "u5", "u4", "u3", "u2", "u1", "u0");
        assertThat(second.has("NextToken")).isFalse();
        assertThat(names).doesNotContain("elsewhere");

        JsonNode lookups = f.call(root, "cloudtrail", "LookupEvents", json("{\"LookupAttributes\":[{\"AttributeKey\":"
                + "\"EventName\",\"AttributeValue\":\"LookupEvents\"}],\"MaxResults\":1}")).orThrow();
        assertThat(lookups.path("Events")).hasSize(1);
        assertThat(lookups.path("NextToken").asText()).isNotEmpty();
        // A lookup's own record carries no response: it would repeat the events it returned.
        TrailEvent lookupRecord = f.sandbox.trail().find(e -> e.eventName().equals("LookupEvents")).get(0);
        assertThat(lookupRecord.responseElements()).isNull();
        assertThat(lookupRecord.eventSource()).isEqualTo("cloudtrail.amazonaws.com");
    }

    @Test
    void lookupEventsRefusesBadInputAndCallersWithoutThePermission() {
        assertThat(f.call(root, "cloudtrail", "LookupEvents", json("{\"MaxResults\":51}")).error().code())
                .isEqualTo("InvalidMaxResultsException");
        assertThat(f.call(root, "cloudtrail", "LookupEvents", json("{\"LookupAttributes\":[{\"AttributeKey\":"
                + "\"EventName\",\"AttributeValue\":\"A\"},{\"AttributeKey\":\"Username\",\"AttributeValue\":\"b\"}]}"))
                .error().code()).isEqualTo("InvalidLookupAttributesException");
        assertThat(f.call(root, "cloudtrail", "LookupEvents", json("{\"StartTime\":\"2026-03-03T00:00:00Z\","
                + "\"EndTime\":\"2026-03-02T00:00:00Z\"}")).error().code()).isEqualTo("InvalidTimeRangeException");
        assertThat(f.call(root, "cloudtrail", "LookupEvents", Params.of("NextToken", "bm8tc3VjaC1ldmVudA=="))
                .error().code()).isEqualTo("InvalidNextTokenException");
        Credentials reader = f.user(A, "reader", allow("iam:ListUsers", "*"));
        CallResult denied = f.call(reader, "cloudtrail", "LookupEvents", Params.of());
        assertThat(denied.error().code()).isEqualTo("AccessDeniedException");
        assertThat(denied.error().getMessage()).contains("cloudtrail:LookupEvents");
        Credentials auditor = f.user(A, "auditor", allow("cloudtrail:LookupEvents", "*"));
        assertThat(f.call(auditor, "cloudtrail", "LookupEvents", json("{\"LookupAttributes\":[{\"AttributeKey\":"
                + "\"Username\",\"AttributeValue\":\"reader\"}]}")).orThrow().path("Events").get(0)
                .path("EventName").asText()).isEqualTo("LookupEvents");
    }

    /**
     * userData comes back base64-encoded under UserData.Value; needs ec2:DescribeInstanceAttribute.
     * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstanceAttribute.html
     */
    @Test
    void describeInstanceAttributeReturnsUserDataBase64Encoded() {
        String script = "#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAABCDEFGHIJKLMNOP\n";
        String id = f.call(root, "ec2", "RunInstances", json("{\"ImageId\":\"ami-1\",\"UserData\":\""
                + Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8)) + "\"}")).orThrow()
                .at("/Instances/0/InstanceId").asText();
        JsonNode out = f.call(root, "ec2", "DescribeInstanceAttribute",
                Params.of("InstanceId", id, "Attribute", "userData")).orThrow();
        assertThat(out.path("InstanceId").asText()).isEqualTo(id);
        assertThat(new String(Base64.getDecoder().decode(out.at("/UserData/Value").asText()), StandardCharsets.UTF_8))
                .isEqualTo(script);
        assertThat(f.call(root, "ec2", "DescribeInstanceAttribute", Params.of("InstanceId", id, "Attribute",
                "instanceType")).orThrow().at("/InstanceType/Value").asText()).isEqualTo("t3.micro");
        assertThat(f.call(root, "ec2", "DescribeInstanceAttribute", Params.of("InstanceId", id, "Attribute", "colour"))
                .error().code()).isEqualTo("InvalidParameterValue");
        assertThat(f.call(root, "ec2", "DescribeInstanceAttribute", Params.of("InstanceId", "i-0000000000000000f",
                "Attribute", "userData")).error().code()).isEqualTo("InvalidInstanceID.NotFound");
        Credentials viewer = f.user(A, "viewer", allow("ec2:DescribeInstances", "*"));
        assertThat(f.call(viewer, "ec2", "DescribeInstanceAttribute", Params.of("InstanceId", id, "Attribute",
                "userData")).error().getMessage()).contains("ec2:DescribeInstanceAttribute");
        assertThat(Ec2Inspection.accessKeysIn(id, A, script)).singleElement()
                .satisfies(x -> assertThat(x.line()).isEqualTo(2));
    }

    /** https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListInstanceProfilesForRole.html */
    @Test
    void listInstanceProfilesForRoleListsOnlyThatRolesProfiles() {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        f.role(A, "Web", trust);
        f.role(A, "Batch", trust);
        f.setup(A, "iam", "CreateInstanceProfile", Params.of("InstanceProfileName", "WebProfile"));
        f.setup(A, "iam", "AddRoleToInstanceProfile", Params.of("InstanceProfileName", "WebProfile", "RoleName", "Web"));
        f.setup(A, "iam", "CreateInstanceProfile", Params.of("InstanceProfileName", "BatchProfile"));
        f.setup(A, "iam", "AddRoleToInstanceProfile", Params.of("InstanceProfileName", "BatchProfile", "RoleName", "Batch"));
        JsonNode out = f.call(root, "iam", "ListInstanceProfilesForRole", Params.of("RoleName", "Web")).orThrow();
        assertThat(out.path("InstanceProfiles")).hasSize(1);
        assertThat(out.at("/InstanceProfiles/0/InstanceProfileName").asText()).isEqualTo("WebProfile");
        assertThat(out.at("/InstanceProfiles/0/Roles/0/RoleName").asText()).isEqualTo("Web");
        assertThat(out.path("IsTruncated").asBoolean()).isFalse();
        assertThat(f.call(root, "iam", "ListInstanceProfilesForRole", Params.of("RoleName", "Nope")).error().code())
                .isEqualTo("NoSuchEntity");
        Credentials onlyBatch = f.user(A, "ops", allow("iam:ListInstanceProfilesForRole",
                "arn:aws:iam::" + A + ":role/Batch"));
        assertThat(f.call(onlyBatch, "iam", "ListInstanceProfilesForRole", Params.of("RoleName", "Web")).error().code())
                .isEqualTo("AccessDenied");
        assertThat(f.call(onlyBatch, "iam", "ListInstanceProfilesForRole", Params.of("RoleName", "Batch")).succeeded())
                .isTrue();
    }

    /** The requests and decisions behind SimulatePrincipalPolicy's EvaluationResults, one each and in order. */
    @Test
    void simulatePrincipalPolicyHandsOverTheEvaluationsBehindItsResults() {
        f.user(A, "dana", allow("s3:GetObject", "arn:aws:s3:::artifacts/*"));
        CallResult r = f.call(root, "iam", "SimulatePrincipalPolicy", json("{\"PolicySourceArn\":\"arn:aws:iam::" + A
                + ":user/dana\",\"ActionNames\":[\"s3:GetObject\",\"s3:PutObject\"],\"ResourceArns\":"
                + "[\"arn:aws:s3:::artifacts/a.jar\"]}"));
        JsonNode results = r.orThrow().path("EvaluationResults");
        assertThat(r.detail()).isInstanceOf(PrincipalSimulation.Evaluations.class);
        List<PrincipalSimulation.Evaluation> evaluations = ((PrincipalSimulation.Evaluations) r.detail()).list();
        assertThat(evaluations).hasSize(2);
        for (int i = 0; i < 2; i++) {
            PrincipalSimulation.Evaluation e = evaluations.get(i);
            assertThat(e.action()).isEqualTo(results.get(i).path("EvalActionName").asText());
            assertThat(e.request().principal()).isEqualTo("arn:aws:iam::" + A + ":user/dana");
            assertThat(e.request().resource()).isEqualTo("arn:aws:s3:::artifacts/a.jar");
        }
        assertThat(evaluations.get(0).decision().allowed()).isTrue();
        assertThat(results.get(0).path("EvalDecision").asText()).isEqualTo("allowed");
        assertThat(evaluations.get(1).decision().decision()).isEqualTo(EvalDecision.IMPLICIT_DENY);
        assertThat(results.get(1).path("EvalDecision").asText()).isEqualTo("implicitDeny");
    }
}
