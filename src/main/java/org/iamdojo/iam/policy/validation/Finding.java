package org.iamdojo.iam.policy.validation;

/** One validation finding at a 1-based line and column of the policy text. */
public record Finding(Severity severity, String code, String message, int line, int column) {
    /** The finding as one CLI line: {@code LINE:COL SEVERITY CODE message}. */
    public String format() {
        return line + ":" + column + " " + severity + " " + code + " " + message;
    }
}
