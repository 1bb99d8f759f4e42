package org.iamdojo.iam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check-no-new-access command, flags as in the AWS CLI
 * (https://docs.aws.amazon.com/cli/latest/reference/accessanalyzer/check-no-new-access.html).
 */
class CheckNoNewAccessCommandTest {
    private static final String OLD = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::test-bucket/*\"}]}";
    private static final String WIDE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Wide\",\"Effect\":"
            + "\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::*\"}]}";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return IamCli.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void failPrintsReasonAndCounterexample(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("new.json");
        Files.writeString(f, WIDE);
        int code = run("check-no-new-access", "--existing-policy-document", OLD, "--new-policy-document",
                "file://" + f, "--policy-type", "IDENTITY_POLICY");
        String o = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, o);
        assertTrue(o.contains("\"result\" : \"FAIL\""), o);
        assertTrue(o.contains("\"statementIndex\" : 0"), o);
        assertTrue(o.contains("\"statementId\" : \"Wide\""), o);
        assertTrue(o.contains("\"counterexample\""), o);
    }

    @Test
    void passExitsZero() {
        assertEquals(0, run("check-no-new-access", "--existing-policy-document", WIDE, "--new-policy-document",
                OLD));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"result\" : \"PASS\""));
    }

    @Test
    void badDocumentIsLocatedAndExitsTwo() {
        assertEquals(2, run("check-no-new-access", "--existing-policy-document", OLD, "--new-policy-document",
                "{\"Version\":"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--new-policy-document"),
                err.toString(StandardCharsets.UTF_8));
    }
}
