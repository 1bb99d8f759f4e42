package org.iamdojo.iam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The request/response shapes follow https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html
 * and https://docs.aws.amazon.com/cli/latest/reference/iam/simulate-custom-policy.html.
 */
class SimulateCustomPolicyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String READ_REPORTS = """
            {"Version":"2012-10-17","Statement":[
              {"Sid":"ReadReports","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"},
              {"Sid":"NoSecrets","Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/secret/*"}]}""";

    @Test
    void evaluatesEveryActionAndResourceWithAwsDecisionNames() throws Exception {
        JsonNode out = run("""
                {"PolicyInputList": [%s],
                 "ActionNames": ["s3:GetObject", "s3:PutObject"],
                 "ResourceArns": ["arn:aws:s3:::reports/q1.csv", "arn:aws:s3:::reports/secret/pay.csv"]}"""
                .formatted(JSON.writeValueAsString(READ_REPORTS)));
        JsonNode results = out.get("EvaluationResults");
        assertThat(results).hasSize(4);
        assertThat(results.get(0).get("EvalDecision").asText()).isEqualTo("allowed");
        assertThat(results.get(0).get("MatchedStatements").get(0).get("SourcePolicyId").asText())
                .isEqualTo("PolicyInputList.1");
        assertThat(results.get(0).get("MatchedStatements").get(0).get("StartPosition").get("Line").asInt()).isEqualTo(2);
        assertThat(results.get(1).get("EvalDecision").asText()).isEqualTo("explicitDeny");
        assertThat(results.get(2).get("EvalDecision").asText()).isEqualTo("implicitDeny");
        assertThat(results.get(2).get("MatchedStatements")).isEmpty();
        assertThat(out.get("IsTruncated").asBoolean()).isFalse();
    }

    @Test
    void contextEntriesDecideConditions() throws Exception {
        String policy = """
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"ec2:StopInstances","Resource":"*",
                 "Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}}""";
        String base = """
                {"PolicyInputList": [%s], "ActionNames": ["ec2:StopInstances"] %s}""";
        JsonNode inside = run(base.formatted(JSON.writeValueAsString(policy),
                ", \"ContextEntries\": [{\"ContextKeyName\":\"aws:SourceIp\",\"ContextKeyValues\":[\"203.0.113.7\"],\"ContextKeyType\":\"ip\"}]"));
        JsonNode missing = run(base.formatted(JSON.writeValueAsString(policy), ""));
        assertThat(inside.get("EvaluationResults").get(0).get("EvalDecision").asText()).isEqualTo("allowed");
        assertThat(missing.get("EvaluationResults").get(0).get("EvalDecision").asText()).isEqualTo("implicitDeny");
        assertThat(missing.get("EvaluationResults").get(0).get("MissingContextValues").toString()).contains("aws:SourceIp");
    }

    @Test
    void unknownParameterIsAUsageErrorLikeTheAwsCli() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SimulateCustomPolicyCommand.run(new String[]{"--cli-input-json", "-"},
                new ByteArrayInputStream("{\"PolicyInputs\": []}".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown parameter in input: \"PolicyInputs\"");
    }

    private static JsonNode run(String request) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SimulateCustomPolicyCommand.run(new String[]{"--cli-input-json", "-"},
                new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)), new PrintStream(out), new PrintStream(err));
        assertThat(code).as(err.toString()).isZero();
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }
}
