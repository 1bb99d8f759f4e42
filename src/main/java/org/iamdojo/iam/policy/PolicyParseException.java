package org.iamdojo.iam.policy;

/** A policy text that is not valid JSON or not shaped like a policy, with the location of the problem. */
public class PolicyParseException extends Exception {
    private final String reason;
    private final int line;
    private final int column;

    /** Creates the exception; line and column are 1-based (0 when unknown). */
    public PolicyParseException(String message, int line, int column) {
        super(message + (line > 0 ? " (line " + line + ", column " + column + ")" : ""));
        this.reason = message;
        this.line = line;
        this.column = column;
    }

    /** The message without the location suffix. */
    public String reason() {
        return reason;
    }

    /** 1-based line of the problem. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem. */
    public int column() {
        return column;
    }
}
