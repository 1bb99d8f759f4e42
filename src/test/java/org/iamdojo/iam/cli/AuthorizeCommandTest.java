package org.iamdojo.iam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The authorize command's line protocol (see docs/ENGINE-CONTRACT). Semantics cited in the eval tests; the
 * IAM user home-folder example is from https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */
class AuthorizeCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final AuthorizeCommand cmd = new AuthorizeCommand();

    private JsonNode handle(String line) throws Exception {
        return MAPPER.readTree(cmd.handle(line));
    }

    @Test
    void allowsWithPolicyAsObjectAndExplains() throws Exception {
        JsonNode out = handle("""
                {"principal":"arn:aws:iam::111122223333:user/alice","action":"s3:GetObject",
                 "resource":"arn:aws:s3:::b/home/alice/x","identityPolicies":[{"Version":"2012-10-17","Statement":[
                 {"Sid":"Home","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/home/${aws:username}/*"}]}]}
                """.replace("\n", ""));
        assertEquals("Allow", out.get("decision").asText());
        JsonNode m = out.get("explanation").get("matchedStatements").get(0);
        assertEquals("identityPolicies[0]", m.get("policyId").asText());
        assertEquals("Home", m.get("sid").asText());
        assertEquals("IDENTITY", out.get("explanation").get("decidingLayer").asText());
    }

    @Test
    void policyAsJsonStringAndConditionMissIsExplained() throws Exception {
        JsonNode out = handle("{\"principal\":\"arn:aws:iam::111122223333:user/alice\",\"action\":\"s3:ListBucket\","
                + "\"identityPolicies\":[\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":{\\\"Effect\\\":"
                + "\\\"Allow\\\",\\\"Action\\\":\\\"s3:*\\\",\\\"Resource\\\":\\\"*\\\",\\\"Condition\\\":{\\\"Bool\\\":"
                + "{\\\"aws:MultiFactorAuthPresent\\\":\\\"true\\\"}}}}\"]}");
        assertEquals("ImplicitDeny", out.get("decision").asText());
        JsonNode miss = out.get("explanation").get("notMatchedStatements").get(0);
        assertEquals("condition", miss.get("reason").asText());
        assertEquals("aws:MultiFactorAuthPresent", miss.get("conditionKey").asText());
        assertEquals("aws:MultiFactorAuthPresent", out.get("explanation").get("missingContextKeys").get(0).asText());
    }

    @Test
    void scpLevelsAndExplicitDeny() throws Exception {
        JsonNode out = handle("{\"principal\":\"arn:aws:iam::111122223333:user/alice\",\"action\":\"ec2:RunInstances\","
                + "\"identityPolicies\":[{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}],"
                + "\"scps\":[[{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}],"
                + "[{\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"ec2:*\",\"Resource\":\"*\"}}]]}");
        assertEquals("ExplicitDeny", out.get("decision").asText());
        assertEquals("SCP", out.get("explanation").get("decidingLayer").asText());
        assertEquals("scps[1][0]", out.get("explanation").get("matchedStatements").get(1).get("policyId").asText());
    }

    @Test
    void badLinesGetAnErrorAndTheRunGoesOn() {
        String in = "not json\n{\"action\":\"s3:GetObject\"}\n{\"principal\":\"x y\",\"action\":\"a:b\"}\n"
                + "{\"principal\":\"anonymous\",\"action\":\"s3:GetObject\",\"identityPolicies\":[\"{\\\"Statement\\\":[}\"]}\n"
                + "{\"principal\":\"anonymous\",\"action\":\"s3:GetObject\",\"bogus\":1}\n"
                + "{\"principal\":\"anonymous\",\"action\":\"s3:GetObject\"}\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int rc = AuthorizeCommand.run(new String[0], new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(bytes), System.err);
        assertEquals(0, rc);
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(6, lines.length);
        for (int i = 0; i < 5; i++) {
            assertTrue(lines[i].startsWith("{\"error\":"), lines[i]);
        }
        assertTrue(lines[3].contains("identityPolicies[0]"), lines[3]);
        assertTrue(lines[5].startsWith("{\"decision\":\"ImplicitDeny\""), lines[5]);
    }

    /**
     * Issue 19, item 1: a date beyond epoch millis (+999999999-12-31, valid ISO 8601) made the whole run exit 1 with
     * no output. Each line gets its own answer, in order; such a date cannot be compared, so the condition does not
     * match (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date).
     */
    @Test
    void extremeDatesAndBlankLinesGetOneAnswerEachAndTheRunGoesOn() throws Exception {
        String allowUntilFarFuture = "{\"principal\":\"arn:aws:iam::111122223333:user/alice\",\"action\":\"s3:GetObject\","
                + "\"context\":{\"aws:CurrentTime\":\"2025-01-01T00:00:00Z\"},\"identityPolicies\":[{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\","
                + "\"Condition\":{\"DateLessThan\":{\"aws:CurrentTime\":\"+999999999-12-31T23:59:59Z\"}}}]}]}";
        String extremeContext = "{\"principal\":\"arn:aws:iam::111122223333:user/alice\",\"action\":\"s3:GetObject\","
                + "\"context\":{\"aws:CurrentTime\":\"+999999999-12-31T23:59:59Z\"},\"identityPolicies\":[{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\","
                + "\"Condition\":{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2020-01-01T00:00:00Z\"}}}]}]}";
        String valid = "{\"principal\":\"anonymous\",\"action\":\"s3:GetObject\"}";
        String in = valid + "\n" + allowUntilFarFuture + "\n\n" + extremeContext + "\n" + valid + "\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int rc = AuthorizeCommand.run(new String[0], new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(bytes), System.err);
        assertEquals(0, rc);
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(5, lines.length);
        assertEquals("ImplicitDeny", MAPPER.readTree(lines[0]).get("decision").asText());
        assertEquals("ImplicitDeny", MAPPER.readTree(lines[1]).get("decision").asText(), lines[1]);
        assertEquals(3, MAPPER.readTree(lines[2]).get("line").asInt(), lines[2]);
        assertEquals("ImplicitDeny", MAPPER.readTree(lines[3]).get("decision").asText(), lines[3]);
        assertEquals("ImplicitDeny", MAPPER.readTree(lines[4]).get("decision").asText());
    }

    @Test
    void malformedJsonIsLocated() throws Exception {
        JsonNode out = handle("{\"principal\": \"anonymous\",\n \"action\": }");
        assertTrue(out.get("error").asText().startsWith("malformed JSON at 2:"), out.toString());
    }

    @Test
    void derivesPrincipalKeysButNeverInventsOthers() throws Exception {
        JsonNode out = handle("{\"principal\":\"arn:aws:sts::111122223333:assumed-role/Dev/s\","
                + "\"sessionIssuer\":\"arn:aws:iam::111122223333:role/team/Dev\",\"action\":\"s3:GetObject\","
                + "\"identityPolicies\":[{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalArn\":\"arn:aws:iam::111122223333:role/team/Dev\","
                + "\"aws:PrincipalType\":\"AssumedRole\"},\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"false\"}}}}]}");
        assertEquals("Allow", out.get("decision").asText());
    }

    /**
     * A role ARN caller is a session of that role whose name is not given; when a policy names one of that role's
     * sessions the answer depends on the missing name, so the line gets an error naming the statement instead of
     * a guess (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-role-session).
     */
    @Test
    void roleArnCallerMeetingOneOfItsSessionsIsAnErrorNotAGuess() throws Exception {
        String bucket = "\"resourcePolicy\":{\"Statement\":[{\"Sid\":\"Nightly\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:sts::111122223333:assumed-role/DataRole/nightly\"},"
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::data/*\"}]}";
        JsonNode out = handle("{\"principal\":\"arn:aws:iam::111122223333:role/DataRole\",\"action\":\"s3:GetObject\","
                + "\"resource\":\"arn:aws:s3:::data/x\"," + bucket + "}");
        String error = out.path("error").asText();
        assertTrue(error.contains("resourcePolicy statement 0 (Nightly)"), out.toString());
        assertTrue(error.contains("give the session ARN"), out.toString());
        // The session itself is decided; and a statement whose action does not match never asks for the name.
        assertEquals("Allow", handle("{\"principal\":\"arn:aws:sts::111122223333:assumed-role/DataRole/nightly\","
                + "\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::data/x\"," + bucket + "}")
                .path("decision").asText());
        assertEquals("ImplicitDeny", handle("{\"principal\":\"arn:aws:iam::111122223333:role/DataRole\","
                + "\"action\":\"s3:PutObject\",\"resource\":\"arn:aws:s3:::data/x\"," + bucket + "}")
                .path("decision").asText());
        // NotPrincipal naming one of its sessions is just as undecidable.
        String notPrincipal = "\"resourcePolicy\":{\"Statement\":[{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":["
                + "\"arn:aws:sts::111122223333:assumed-role/DataRole/nightly\",\"arn:aws:iam::111122223333:role/DataRole\","
                + "\"111122223333\"]},\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
        assertTrue(handle("{\"principal\":\"arn:aws:iam::111122223333:role/DataRole\",\"action\":\"s3:GetObject\","
                + "\"resource\":\"arn:aws:s3:::data/x\"," + notPrincipal + "}").path("error").asText()
                .contains("names a session of that role"));
    }

    /** awsManagedResource marks AWS managed KMS keys only; on anything else it is refused, never ignored. */
    @Test
    void awsManagedResourceIsForKmsKeysOnly() throws Exception {
        JsonNode out = handle("{\"principal\":\"arn:aws:iam::111122223333:user/alice\",\"action\":\"s3:GetObject\","
                + "\"resource\":\"arn:aws:s3:::data/x\",\"awsManagedResource\":true}");
        assertTrue(out.path("error").asText().startsWith("awsManagedResource applies to AWS managed KMS keys"), out.toString());
        assertTrue(handle("{\"principal\":\"arn:aws:iam::111122223333:user/alice\",\"action\":\"kms:Decrypt\","
                + "\"resource\":\"arn:aws:kms:us-east-1:111122223333:key/k\",\"awsManagedResource\":\"yes\"}")
                .path("error").asText().contains("must be true or false"));
    }

    /**
     * Issue 19.5: a key repeated in one JSON object of a policy is malformed for IAM ("More than one effect, action,
     * or resource element", https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_policies.html), so
     * authorize refuses the request with the repeated key's place in that policy instead of deciding on the last
     * value; the run goes on.
     */
    @Test
    void aPolicyWithARepeatedKeyIsRefusedWithItsPosition() throws Exception {
        String allowThenDeny = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Effect\":\"Allow\"}]}";
        String asString = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\","
                + "\n    \"Resource\": \"*\", \"Action\": \"s3:GetObject\"}\n}";
        String in = "{\"principal\":\"arn:aws:iam::111122223333:user/alice\",\"action\":\"s3:GetObject\","
                + "\"identityPolicies\":[" + allowThenDeny + "]}\n"
                + "{\"principal\":\"arn:aws:iam::111122223333:user/alice\",\"action\":\"s3:GetObject\","
                + "\"permissionsBoundary\":" + MAPPER.writeValueAsString(asString) + "}\n"
                + "{\"principal\":\"anonymous\",\"action\":\"s3:GetObject\"}\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AuthorizeCommand.run(new String[0], new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(bytes), System.err);
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(3, lines.length);

        JsonNode first = MAPPER.readTree(lines[0]);
        assertEquals(1, first.get("line").asInt(), lines[0]);
        assertEquals("identityPolicies[0]", first.get("policy").asText());
        assertEquals(1, first.get("policyLine").asInt());
        assertEquals(allowThenDeny.lastIndexOf("\"Effect\"") + 1, first.get("policyColumn").asInt());
        assertTrue(first.get("error").asText().contains("Effect appears more than once"), lines[0]);

        JsonNode second = MAPPER.readTree(lines[1]);
        assertEquals(2, second.get("line").asInt(), lines[1]);
        assertEquals("permissionsBoundary", second.get("policy").asText());
        assertEquals(4, second.get("policyLine").asInt());
        assertEquals(asString.split("\n")[3].indexOf("\"Action\"") + 1, second.get("policyColumn").asInt());
        assertTrue(second.get("error").asText().endsWith("(line 4, column " + second.get("policyColumn").asInt() + ")"),
                lines[1]);

        assertEquals("ImplicitDeny", MAPPER.readTree(lines[2]).get("decision").asText());
    }

    @Test
    void nestingTooDeepIsAnErrorAnswerNotACrash() throws Exception {
        // Found by InputFuzzTest: Jackson's nesting limit error has no location, and reading it threw.
        String deep = "{\"principal\":\"arn:aws:iam::111122223333:user/alice\",\"identityPolicies\":[{\"Statement\":"
                + "[".repeat(1500) + "]".repeat(1500) + "}]}";
        JsonNode out = MAPPER.readTree(cmd.handle(deep, 3));
        assertEquals(3, out.get("line").asInt());
        assertTrue(out.get("error").asText().startsWith("malformed JSON"), out.toString());
        assertTrue(out.get("error").asText().contains("nesting depth"), out.toString());
    }
    /** One line per input line of the run: a mix of allows, denies, errors and blank lines, varied per line. */
    private static String mixedLine(int i) {
        return switch (i % 4) {
            case 0 -> "{\"principal\":\"arn:aws:iam::111122223333:user/u" + i + "\",\"action\":\"s3:GetObject\","
                    + "\"resource\":\"arn:aws:s3:::b/" + i + "\",\"identityPolicies\":[{\"Statement\":{\"Sid\":\"S" + i
                    + "\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/" + (i % 8 == 0 ? i : i + 1)
                    + "\"}}]}";
            case 1 -> "{\"principal\":\"arn:aws:iam::111122223333:user/u" + i + "\",\"action\":\"s3:PutObject\"}";
            case 2 -> "{\"principal\":" + i + "}";
            default -> "";
        };
    }

    @Test
    void answersOnSeveralThreadsComeOutInInputOrder() {
        // 2,000 lines (several batches on every worker): each answer equals the one-at-a-time answer to its own line.
        StringBuilder input = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int i = 1; i <= 2000; i++) {
            String line = mixedLine(i);
            input.append(line).append('\n');
            String one = line.isEmpty() ? null : new AuthorizeCommand().handle(line, i);
            expected.append(one == null ? "{\"error\":\"empty line: one JSON request per line\",\"line\":" + i + "}" : one)
                    .append('\n');
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = AuthorizeCommand.run(new String[0], new ByteArrayInputStream(input.toString().getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, rc);
        assertEquals(expected.toString(), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anAnswerIsWrittenBeforeTheNextLineArrives() throws Exception {
        // An interactive caller (a pipe kept open) gets each answer without closing its input.
        PipedOutputStream feed = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(feed, 1 << 16);
        PipedInputStream answers = new PipedInputStream(1 << 16);
        PrintStream stdout = new PrintStream(new PipedOutputStream(answers), true, StandardCharsets.UTF_8);
        // Own threads: the common pool may have a single thread on a 2-core machine.
        ExecutorService threads = Executors.newCachedThreadPool();
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(
                () -> AuthorizeCommand.run(new String[0], stdin, stdout, System.err), threads);
        BufferedReader reader = new BufferedReader(new InputStreamReader(answers, StandardCharsets.UTF_8));
        for (int i = 1; i <= 3; i++) {
            feed.write((mixedLine(1) + "\n").getBytes(StandardCharsets.UTF_8));
            feed.flush();
            String answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return reader.readLine();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, threads).get(20, TimeUnit.SECONDS);
            assertEquals("ImplicitDeny", MAPPER.readTree(answer).get("decision").asText());
        }
        feed.close();
        assertEquals(0, running.get(20, TimeUnit.SECONDS));
        threads.shutdownNow();
    }
}
