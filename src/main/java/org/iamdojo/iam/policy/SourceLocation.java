package org.iamdojo.iam.policy;

/** A 1-based line and column in a policy document's source text. */
public record SourceLocation(int line, int column) {
    /** Location used when a document was built in code rather than parsed. */
    public static final SourceLocation UNKNOWN = new SourceLocation(0, 0);
}
