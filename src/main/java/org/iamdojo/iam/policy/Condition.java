package org.iamdojo.iam.policy;

import java.util.List;

/**
 * One operator/key pair of a Condition block with its values. Values written as JSON numbers or booleans
 * keep their text form ({@code 10}, {@code true}), as AWS compares them.
 */
public record Condition(String operator, String key, List<String> values, SourceLocation location) {
    /** Copies the values so the condition is immutable. */
    public Condition {
        values = List.copyOf(values);
    }
}
