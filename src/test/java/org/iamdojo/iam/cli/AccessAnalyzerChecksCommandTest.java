package org.iamdojo.iam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iamdojo.iam.eval.AuthorizationRequest;
import org.iamdojo.iam.eval.Authorizer;
import org.iamdojo.iam.eval.CompiledPolicy;
import org.iamdojo.iam.eval.RequestContext;
import org.junit.jupiter.api.Test;

/**
 * The three Access Analyzer checks on the command line and in the terminal's {@code aws accessanalyzer}, with the
 * reference policies of the public custom-policy-check samples
 * (https://github.com/aws-samples/iam-access-analyzer-custom-policy-check-samples: "no IAM changes" via
 * check-access-not-granted, "no public bucket" via check-no-public-access, "no new services" via
 * check-no-new-access) and the API pages
 * (https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckAccessNotGranted.html,
 * https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoPublicAccess.html).
 */
class AccessAnalyzerChecksCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return IamCli.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String doc(String statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";
    }

    @Test
    void noIamChangesFailsWithReplayableCounterexample() throws Exception {
        String policy = doc("{\"Sid\":\"Admin\",\"Effect\":\"Allow\",\"NotAction\":\"s3:*\",\"Resource\":\"*\"}");
        int code = run("check-access-not-granted", "--policy-document", policy, "--access",
                "actions=iam:CreateUser,iam:AttachRolePolicy,iam:PutRolePolicy");
        String o = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, o + err);
        JsonNode n = JSON.readTree(o);
        assertEquals("FAIL", n.path("result").asText());
        assertEquals("Admin", n.path("reasons").path(0).path("statementId").asText());
        JsonNode cx = n.path("counterexample");
        assertTrue(cx.path("action").asText().startsWith("iam:"), o);
        Decision d = replay(cx, policy);
        assertTrue(d.allowed, o);
    }

    @Test
    void noIamChangesPassesWhenIamIsDeniedUnderEveryCondition() {
        String policy = doc("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":\"iam:*\",\"Resource\":\"*\"}");
        assertEquals(0, run("check-access-not-granted", "--policy-document", policy, "--access",
                "actions=iam:CreateUser,iam:PassRole"), out.toString(StandardCharsets.UTF_8) + err);
    }

    @Test
    void conditionOnlyDenyIsNotEnough() throws Exception {
        // A deny that holds only when aws:MultiFactorAuthPresent is false: a request without the key gets through.
        String policy = doc("{\"Effect\":\"Allow\",\"Action\":\"iam:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":\"iam:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":"
                + "{\"aws:MultiFactorAuthPresent\":\"false\"}}}");
        assertEquals(1, run("check-access-not-granted", "--policy-document", policy, "--access",
                "actions=iam:CreateUser"));
        JsonNode cx = JSON.readTree(out.toString(StandardCharsets.UTF_8)).path("counterexample");
        assertTrue(replay(cx, policy).allowed, cx.toString());
    }

    @Test
    void noPublicBucket() {
        String pub = doc("{\"Sid\":\"Public\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::site/*\"}");
        assertEquals(1, run("check-no-public-access", "--policy-document", pub, "--resource-type",
                "AWS::S3::Bucket"), out.toString(StandardCharsets.UTF_8));
        out.reset();
        String org = doc("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::site/*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":"
                + "\"o-a1b2c3d4e5\"}}}");
        assertEquals(0, run("check-no-public-access", "--policy-document", org, "--resource-type",
                "AWS::S3::Bucket"), out.toString(StandardCharsets.UTF_8));
        out.reset();
        String account = doc("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::444455556666:root\"},"
                + "\"Action\":\"sts:AssumeRole\"}");
        assertEquals(0, run("check-no-public-access", "--policy-document", account, "--resource-type",
                "AWS::IAM::AssumeRolePolicyDocument"), out.toString(StandardCharsets.UTF_8));
        assertEquals(2, run("check-no-public-access", "--policy-document", account, "--resource-type",
                "AWS::SQS::Queue"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--resource-type"));
    }

    @Test
    void noNewServicesAndResourcePolicies() {
        String existing = doc("{\"Effect\":\"Allow\",\"Action\":[\"s3:*\",\"dynamodb:*\"],\"Resource\":\"*\"}");
        String sameServices = doc("{\"Effect\":\"Allow\",\"Action\":\"s3:Get*\",\"Resource\":\"*\",\"Condition\":"
                + "{\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}}");
        assertEquals(0, run("check-no-new-access", "--existing-policy-document", existing, "--new-policy-document",
                sameServices));
        String newService = doc("{\"Effect\":\"Allow\",\"Action\":\"s*:Get*\",\"Resource\":\"*\"}");
        assertEquals(1, run("check-no-new-access", "--existing-policy-document", existing, "--new-policy-document",
                newService));
        String oldBucket = doc("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::444455556666:root\"},"
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}");
        String newBucket = doc("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"arn:aws:iam::444455556666:root\","
                + "\"arn:aws:iam::777788889999:root\"]},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}");
        assertEquals(1, run("check-no-new-access", "--existing-policy-document", oldBucket, "--new-policy-document",
                newBucket, "--policy-type", "RESOURCE_POLICY"));
        assertEquals(0, run("check-no-new-access", "--existing-policy-document", newBucket, "--new-policy-document",
                oldBucket, "--policy-type", "RESOURCE_POLICY"));
    }

    private record Decision(boolean allowed) { }

    private static Decision replay(JsonNode cx, String policy) throws Exception {
        Map<String, List<String>> ctx = new LinkedHashMap<>();
        cx.path("context").fields().forEachRemaining(e -> {
            List<String> vs = new ArrayList<>();
            e.getValue().forEach(v -> vs.add(v.asText()));
            ctx.put(e.getKey(), vs);
        });
        AuthorizationRequest req = AuthorizationRequest.of(cx.path("principal").asText(), cx.path("action").asText(),
                cx.path("resource").asText(), RequestContext.of(ctx), List.of(CompiledPolicy.parse(policy, "p")));
        return new Decision(new Authorizer().authorize(req).allowed());
    }
}
