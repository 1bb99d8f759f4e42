package org.iamdojo.iam.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Set;

/**
 * The engine on the command line, without the web server: {@code authorize}, {@code validate-policy},
 * {@code simulate-custom-policy}, {@code simulate-principal-policy}.
 */
public final class IamCli {
    /** The command names the application jar hands to this class instead of starting Spring. */
    public static final Set<String> COMMANDS = Set.of("authorize", "validate-policy", "simulate-custom-policy",
            "simulate-principal-policy");

    private IamCli() {
    }

    /** Entry point for {@code mvn exec:java} and for the application's main method. */
    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs one command; returns its exit code. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0 || !COMMANDS.contains(args[0])) {
            err.println("usage: iam-dojo <command> [options]\n"
                    + "  authorize                      JSON Lines requests on stdin → one decision per line\n"
                    + "  validate-policy FILE           findings with line:column (exit 1 on ERROR)\n"
                    + "  simulate-custom-policy --cli-input-json file://request.json\n"
                    + "  simulate-principal-policy --account-authorization-details FILE --policy-source-arn ARN "
                    + "--action-names ACTION...");
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "authorize" -> AuthorizeCommand.run(rest, in, out, err);
            case "validate-policy" -> ValidatePolicyCommand.run(rest, in, out, err);
            case "simulate-custom-policy" -> SimulateCustomPolicyCommand.run(rest, in, out, err);
            default -> SimulatePrincipalPolicyCommand.run(rest, in, out, err);
        };
    }
}
