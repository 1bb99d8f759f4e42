package org.iamdojo.iam.policy.catalog;

/** A service condition key and its type (String, ARN, Numeric, Bool, Date, ArrayOfString, ...). */
public record ConditionKeyInfo(String name, String type) {
}
