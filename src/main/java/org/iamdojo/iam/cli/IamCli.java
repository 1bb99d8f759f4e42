package org.iamdojo.iam.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The engine on the command line, without the web server: {@code authorize}, {@code validate-policy},
 * {@code simulate-custom-policy}, {@code simulate-principal-policy}. {@code help}, {@code --help}, {@code -h}
 * or a word that is no command print the usage and exit 2, before (and instead of) the web server.
 */
public final class IamCli {
    /** The command names the application jar hands to this class instead of starting Spring. */
    public static final Set<String> COMMANDS = Set.of("authorize", "validate-policy", "simulate-custom-policy",
            "simulate-principal-policy", "check-no-new-access", "check-access-not-granted", "check-no-public-access");
    /** Exit code for a usage error or a request for usage. */
    /** The usage of the whole command line. */
    public static final String USAGE = "usage: iam-dojo <command> [options]   (no command, or only --name=value "
            + "options: the web app)\n"
            + "  authorize                      JSON Lines requests on stdin -> one decision per line\n"
            + "  validate-policy FILE|-         findings with line:column (exit 1 on ERROR)\n"
            + "  simulate-custom-policy --cli-input-json file://request.json\n"
            + "  simulate-principal-policy --account-authorization-details FILE --policy-source-arn ARN "
            + "--action-names ACTION...\n"
            + "  check-no-new-access --existing-policy-document DOC --new-policy-document DOC   PASS/FAIL "
            + "with a counterexample\n"
            + "  check-access-not-granted --policy-document DOC --access actions=A,...[,resources=R,...]\n"
            + "  check-no-public-access --policy-document DOC --resource-type AWS::S3::Bucket|AWS::IAM::AssumeRolePolicyDocument\n"
            + "  help                           this text; COMMAND --help for one command";

    private IamCli() {
    }

    /**
     * Whether the command line is for this class rather than the web server: a command, a help word, or any
     * first word that is not an option (a typo must not start the server).
     */
    public static boolean handles(String[] args) {
        if (args.length == 0) {
            return false;
        }
        String first = args[0];
        return COMMANDS.contains(first) || isHelp(first) || !first.startsWith("-");
    }

    /** help, --help, -h. */
    static boolean isHelp(String arg) {
        return "help".equals(arg) || "--help".equals(arg) || "-h".equals(arg);
    }

    /** Entry point for {@code mvn exec:java} and for the application's main method. */
    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs one command; returns its exit code. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length > 0 && isHelp(args[0])) {
            if (args.length > 1 && COMMANDS.contains(args[1])) {
                return run(new String[] {args[1], "--help"}, in, out, err);
            }
            out.println(USAGE);
            return ExitCode.BAD_INPUT;
        }
        if (args.length == 0 || !COMMANDS.contains(args[0])) {
            if (args.length > 0) {
                List<String> near = CliOptions.closest(args[0], COMMANDS);
                err.println("iam-dojo: unknown command '" + args[0] + "'"
                        + (near.isEmpty() ? "" : " (did you mean " + String.join(" or ", near) + "?)"));
            }
            err.println(USAGE);
            return ExitCode.BAD_INPUT;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "authorize" -> AuthorizeCommand.run(rest, in, out, err);
            case "validate-policy" -> ValidatePolicyCommand.run(rest, in, out, err);
            case "simulate-custom-policy" -> SimulateCustomPolicyCommand.run(rest, in, out, err);
            case "check-no-new-access", "check-access-not-granted", "check-no-public-access" ->
                    CheckNoNewAccessCommand.run(args[0], rest, out, err);
            default -> SimulatePrincipalPolicyCommand.run(rest, in, out, err);
        };
    }

    /**
     * For a command's arguments: prints the usage and returns the exit code when they ask for help (stdout) or
     * hold a word the command does not take (stderr, with the word); returns -1 when they are fine.
     */
    static int usageIfAsked(String command, String usage, String[] args, Set<String> known, PrintStream out,
            PrintStream err) {
        for (String a : args) {
            if (isHelp(a)) {
                out.println(usage);
                return ExitCode.BAD_INPUT;
            }
        }
        for (String a : args) {
            if (known != null && !known.contains(a)) {
                err.println(command + ": unexpected argument '" + a + "'");
                err.println(usage);
                return ExitCode.BAD_INPUT;
            }
        }
        return -1;
    }
}
