package org.iamdojo.iam.cli;

/** The exit codes of the engine's commands (authorize, validate-policy, simulate-*). */
public final class ExitCode {
    /** The command ran; for validate-policy, no finding is an ERROR. */
    public static final int OK = 0;
    /** validate-policy: at least one finding is an ERROR. */
    public static final int POLICY_HAS_ERRORS = 1;
    /** Bad arguments, an unreadable file or request, or an I/O error; the reason is on standard error. */
    public static final int BAD_INPUT = 2;

    private ExitCode() {
    }
}
