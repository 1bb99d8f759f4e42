package org.iamdojo.iam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The validate-policy command: output lines and exit codes (0 clean or warnings, 1 errors, 2 usage). */
class ValidatePolicyCommandTest {
    private static final String VALID = "{\"Version\": \"2012-10-17\", \"Statement\": "
            + "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\"}}";
    private static final String BAD_EFFECT = "{\"Version\": \"2012-10-17\",\n\"Statement\": "
            + "{\"Effect\": \"Permit\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}}";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        return ValidatePolicyCommand.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aValidFileExitsZeroWithNoFindings(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("policy.json");
        Files.writeString(file, VALID);
        assertThat(run("", file.toString())).isZero();
        assertThat(stdout()).isEmpty();
    }

    @Test
    void errorsFromStdinPrintLineColumnSeverityCodeAndExitOne() {
        assertThat(run(BAD_EFFECT, "-")).isEqualTo(1);
        assertThat(stdout()).startsWith("2:25 ERROR INVALID_EFFECT The effect Permit is not valid.");
    }

    @Test
    void warningsAloneExitZero() {
        String allowNotAction = "{\"Version\": \"2012-10-17\", \"Statement\": "
                + "{\"Effect\": \"Allow\", \"NotAction\": \"iam:*\", \"Resource\": \"*\"}}";
        assertThat(run(allowNotAction, "-")).isZero();
        assertThat(stdout()).contains("SECURITY_WARNING ALLOW_WITH_NOT_ACTION");
    }

    @Test
    void policyTypeAndQuotaOptionsAreHonoured() {
        assertThat(run(VALID, "-", "--policy-type", "RESOURCE_POLICY")).isEqualTo(1);
        assertThat(stdout()).contains("MISSING_PRINCIPAL");
        out.reset();
        String big = VALID.replace("\"s3:GetObject\"", "[" + "\"s3:GetObject\",".repeat(200) + "\"s3:PutObject\"]");
        assertThat(run(big, "-", "--quota=USER_INLINE")).isEqualTo(1);
        assertThat(stdout()).contains("POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA");
    }

    @Test
    void jsonFormatUsesAccessAnalyzerFieldNames() throws Exception {
        assertThat(run(BAD_EFFECT, "-", "--format", "json")).isEqualTo(1);
        JsonNode finding = new ObjectMapper().readTree(stdout()).path("findings").get(0);
        assertThat(finding.path("findingType").asText()).isEqualTo("ERROR");
        assertThat(finding.path("issueCode").asText()).isEqualTo("INVALID_EFFECT");
        assertThat(finding.path("line").asInt()).isEqualTo(2);
        assertThat(finding.path("column").asInt()).isEqualTo(25);
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("")).isEqualTo(2);
        assertThat(run(VALID, "-", "--policy-type", "BUCKET_POLICY")).isEqualTo(2);
        assertThat(run(VALID, "-", "--format", "xml")).isEqualTo(2);
        assertThat(run(VALID, "-", "--quota")).isEqualTo(2);
        assertThat(run(VALID, "a.json", "b.json")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: validate-policy");
        assertThat(run("", "/no/such/policy.json")).isEqualTo(2);
    }
}
