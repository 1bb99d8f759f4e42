package org.iamdojo.iam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * help, --help, -h or an unknown word print the usage and exit non-zero instead of running a command or
 * starting the web server (issue 13, "Also").
 */
class IamCliUsageTest {
    /** Standard input that fails the test when read: asking for usage must not wait for input. */
    private static final InputStream NO_INPUT = new InputStream() {
        @Override
        public int read() {
            throw new AssertionError("usage must not read standard input");
        }
    };

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = IamCli.run(args, NO_INPUT, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theJarSendsEveryNonOptionFirstWordToTheCommandLineNotToTheServer() {
        assertTrue(IamCli.handles(new String[] {"authorize"}));
        assertTrue(IamCli.handles(new String[] {"help"}));
        assertTrue(IamCli.handles(new String[] {"--help"}));
        assertTrue(IamCli.handles(new String[] {"-h"}));
        assertTrue(IamCli.handles(new String[] {"authorise"}));
        assertFalse(IamCli.handles(new String[0]));
        assertFalse(IamCli.handles(new String[] {"--server.port=18080"}));
        assertFalse(IamCli.handles(new String[] {"--spring.profiles.active=dev", "--debug"}));
    }

    @Test
    void helpWordsPrintTheOverallUsageAndExitNonZero() {
        for (String word : new String[] {"help", "--help", "-h"}) {
            Run r = run(word);
            assertEquals(2, r.code(), word);
            assertTrue(r.out().contains("usage: iam-dojo <command>"), word + ": " + r.out());
            assertTrue(r.out().contains("validate-policy"), r.out());
        }
        Run r = run("help", "authorize");
        assertEquals(2, r.code());
        assertTrue(r.out().startsWith("usage: authorize"), r.out());
    }

    @Test
    void anUnknownCommandIsNamedWithTheClosestOneAndTheUsage() {
        Run r = run("authorise");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown command 'authorise' (did you mean authorize?)"), r.err());
        assertTrue(r.err().contains("usage: iam-dojo <command>"), r.err());
    }

    @Test
    void everyCommandPrintsItsUsageForHelpAndExitsNonZero() {
        String[][] commands = {{"authorize", "usage: authorize"}, {"validate-policy", "usage: validate-policy"},
                {"simulate-custom-policy", "usage: simulate-custom-policy"},
                {"simulate-principal-policy", "usage: simulate-principal-policy"}};
        for (String[] c : commands) {
            for (String word : new String[] {"help", "--help", "-h"}) {
                Run r = run(c[0], word);
                assertEquals(2, r.code(), c[0] + " " + word);
                assertTrue(r.out().startsWith(c[1]), c[0] + " " + word + ": " + r.out() + r.err());
            }
        }
    }

    @Test
    void everyCommandRefusesAnUnknownWordWithItsUsage() {
        String[][] commands = {{"authorize", "usage: authorize"},
                {"simulate-custom-policy", "usage: simulate-custom-policy"},
                {"simulate-principal-policy", "usage: simulate-principal-policy"}};
        for (String[] c : commands) {
            Run r = run(c[0], "bogus");
            assertEquals(2, r.code(), c[0]);
            assertTrue(r.err().contains("unexpected argument 'bogus'"), c[0] + ": " + r.err());
            assertTrue(r.err().contains(c[1]), c[0] + ": " + r.err());
        }
        Run r = run("validate-policy", "a.json", "bogus");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unexpected argument bogus"), r.err());
        assertTrue(r.err().contains("usage: validate-policy"), r.err());
        r = run("simulate-custom-policy", "--cli-input-json", "{}", "--bogus");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unexpected argument '--bogus'"), r.err());
    }
}
