package org.iamdojo.iam.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.iamdojo.iam.policy.validation.Finding;
import org.iamdojo.iam.policy.validation.PolicyQuota;
import org.iamdojo.iam.policy.validation.PolicyType;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.iam.policy.validation.Severity;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code validate-policy FILE [--policy-type TYPE] [--quota QUOTA] [--format text|json]}: prints the findings
 * for a policy document ({@code -} reads standard input). Exit code 1 if any ERROR, 2 on a usage error or a
 * request for usage (help, --help, -h), else 0.
 */
public final class ValidatePolicyCommand {
    /** The usage text printed on a usage error. */
    public static final String USAGE = "usage: validate-policy FILE|- [--policy-type IDENTITY_POLICY|RESOURCE_POLICY|"
            + "SERVICE_CONTROL_POLICY|RESOURCE_CONTROL_POLICY|TRUST_POLICY] [--quota USER_INLINE|GROUP_INLINE|"
            + "ROLE_INLINE|MANAGED|ROLE_TRUST_POLICY] [--format text|json]";

    private ValidatePolicyCommand() {
    }

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        String file = null;
        PolicyType type = PolicyType.IDENTITY_POLICY;
        PolicyQuota quota = null;
        boolean json = false;
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String option = arg;
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    option = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                }
                switch (option) {
                    case "--policy-type":
                        type = PolicyType.valueOf(upper(value != null ? value : next(args, ++i, option)));
                        break;
                    case "--quota":
                        quota = PolicyQuota.valueOf(upper(value != null ? value : next(args, ++i, option)));
                        break;
                    case "--format":
                        String format = value != null ? value : next(args, ++i, option);
                        if (!format.equals("text") && !format.equals("json")) {
                            throw new IllegalArgumentException("--format must be text or json, not " + format);
                        }
                        json = format.equals("json");
                        break;
                    case "-h":
                    case "--help":
                    case "help":
                        out.println(USAGE);
                        return ExitCode.BAD_INPUT;
                    default:
                        if (arg.startsWith("--") || file != null) {
                            throw new IllegalArgumentException("unexpected argument " + arg);
                        }
                        file = arg;
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("a policy file (or - for standard input) is required");
            }
        } catch (IllegalArgumentException e) {
            err.println("validate-policy: " + e.getMessage());
            err.println(USAGE);
            return ExitCode.BAD_INPUT;
        }
        String policy;
        try {
            policy = file.equals("-") ? new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            err.println("validate-policy: cannot read " + file + ": " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        List<Finding> findings = PolicyValidator.standard().validate(policy, type, quota);
        if (json) {
            out.println(toJson(findings));
        } else {
            findings.forEach(f -> out.println(f.format()));
        }
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR) ? ExitCode.POLICY_HAS_ERRORS : ExitCode.OK;
    }

    private static String next(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static String upper(String value) {
        return value.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static String toJson(List<Finding> findings) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode list = root.putArray("findings");
        for (Finding f : findings) {
            list.addObject().put("findingType", f.severity().name()).put("issueCode", f.issueCode())
                    .put("findingDetails", f.message()).put("line", f.line()).put("column", f.column());
        }
        return root.toString();
    }
}
