package org.iamdojo.iam.policy.catalog;

/** The access level AWS's Service Authorization Reference gives an action, in the console's order. */
public enum AccessLevel {
    LIST("List"),
    READ("Read"),
    WRITE("Write"),
    PERMISSIONS_MANAGEMENT("Permissions management"),
    TAGGING("Tagging");

    private final String label;

    AccessLevel(String label) {
        this.label = label;
    }

    /** The name AWS shows, e.g. "Permissions management". */
    public String label() {
        return label;
    }

    /** The level whose AWS label is {@code label} (case-insensitive). */
    public static AccessLevel fromLabel(String label) {
        for (AccessLevel level : values()) {
            if (level.label.equalsIgnoreCase(label.trim())) {
                return level;
            }
        }
        throw new IllegalArgumentException("Unknown access level: " + label);
    }
}
