package org.iamdojo.iam.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iamdojo.iam.analysis.NoNewAccessCheck;
import org.iamdojo.iam.analysis.NoNewAccessCheck.Result;
import org.iamdojo.iam.analysis.NoNewAccessCheck.Verdict;
import org.iamdojo.iam.eval.AuthorizationRequest;
import org.iamdojo.iam.eval.CompiledPolicy;
import org.iamdojo.iam.policy.PolicyParseException;

/**
 * {@code check-no-new-access --existing-policy-document DOC --new-policy-document DOC
 * [--policy-type IDENTITY_POLICY]} with the AWS CLI's flags
 * (https://docs.aws.amazon.com/cli/latest/reference/accessanalyzer/check-no-new-access.html); DOC is inline
 * JSON or file://PATH. Prints AWS-shaped JSON plus a {@code counterexample} (an authorize request line without
 * policies). Exit 0 PASS, 1 FAIL, 2 UNKNOWN or bad input.
 */
public final class CheckNoNewAccessCommand {
    /** The usage line. */
    public static final String USAGE = "usage: check-no-new-access --existing-policy-document JSON|file://PATH "
            + "--new-policy-document JSON|file://PATH [--policy-type IDENTITY_POLICY]";

    private CheckNoNewAccessCommand() {
    }

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        String existing = null;
        String proposed = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--existing-policy-document" -> existing = value(args, ++i, a);
                    case "--new-policy-document" -> proposed = value(args, ++i, a);
                    case "--policy-type" -> {
                        String t = value(args, ++i, a);
                        if (!t.equals("IDENTITY_POLICY")) {
                            throw new IllegalArgumentException("--policy-type " + t
                                    + " is not supported yet (only IDENTITY_POLICY)");
                        }
                    }
                    case "-h", "--help", "help" -> {
                        out.println(USAGE);
                        return ExitCode.BAD_INPUT;
                    }
                    default -> throw new IllegalArgumentException("unexpected argument " + a);
                }
            }
            if (existing == null || proposed == null) {
                throw new IllegalArgumentException("--existing-policy-document and --new-policy-document are "
                        + "required");
            }
            CompiledPolicy oldPolicy = parse(existing, "--existing-policy-document");
            CompiledPolicy newPolicy = parse(proposed, "--new-policy-document");
            Verdict v = new NoNewAccessCheck().check(List.of(oldPolicy), List.of(newPolicy));
            out.println(json(v));
            return v.result() == Result.PASS ? ExitCode.OK
                    : v.result() == Result.FAIL ? ExitCode.POLICY_HAS_ERRORS : ExitCode.BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("check-no-new-access: " + e.getMessage());
            err.println(USAGE);
            return ExitCode.BAD_INPUT;
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static CompiledPolicy parse(String doc, String option) {
        String text = doc;
        if (doc.startsWith("file://")) {
            try {
                text = Files.readString(Path.of(doc.substring("file://".length())));
            } catch (IOException e) {
                throw new IllegalArgumentException(option + ": cannot read " + doc + ": " + e.getMessage());
            }
        }
        try {
            return CompiledPolicy.parse(text, option);
        } catch (PolicyParseException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }

    static String json(Verdict v) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("result", v.result().name());
            g.writeStringField("message", v.message());
            g.writeArrayFieldStart("reasons");
            if (v.statementIndex() >= 0) {
                g.writeStartObject();
                g.writeStringField("description", v.message());
                g.writeNumberField("statementIndex", v.statementIndex());
                if (v.statementId() != null) {
                    g.writeStringField("statementId", v.statementId());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            AuthorizationRequest cx = v.counterexample();
            if (cx != null) {
                g.writeObjectFieldStart("counterexample");
                g.writeStringField("principal", cx.principal());
                g.writeStringField("action", cx.action());
                g.writeStringField("resource", cx.resource());
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }
}
