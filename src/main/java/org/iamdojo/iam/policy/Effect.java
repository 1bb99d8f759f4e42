package org.iamdojo.iam.policy;

/** The Effect element of a statement. */
public enum Effect {
    ALLOW("Allow"),
    DENY("Deny");

    private final String awsName;

    Effect(String awsName) {
        this.awsName = awsName;
    }

    /** The spelling AWS uses in policy JSON ("Allow" / "Deny"). */
    public String awsName() {
        return awsName;
    }

    /** Parses AWS's exact, case-sensitive spelling; returns null for anything else. */
    public static Effect fromAws(String text) {
        if ("Allow".equals(text)) {
            return ALLOW;
        }
        if ("Deny".equals(text)) {
            return DENY;
        }
        return null;
    }
}
