package org.iamdojo.iam.policy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The condition operators of IAM policies, each with what it compares and how, as listed in "IAM JSON policy
 * elements: Condition operators"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
 * The one list the evaluator, the validator and the visual policy builder use.
 */
public enum ConditionOperator {
    STRING_EQUALS("StringEquals", Kind.STRING, Comparison.EQUALS, false),
    STRING_NOT_EQUALS("StringNotEquals", Kind.STRING, Comparison.EQUALS, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Kind.STRING_IGNORE_CASE, Comparison.EQUALS, false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Kind.STRING_IGNORE_CASE, Comparison.EQUALS, true),
    STRING_LIKE("StringLike", Kind.STRING_LIKE, Comparison.EQUALS, false),
    STRING_NOT_LIKE("StringNotLike", Kind.STRING_LIKE, Comparison.EQUALS, true),
    NUMERIC_EQUALS("NumericEquals", Kind.NUMERIC, Comparison.EQUALS, false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", Kind.NUMERIC, Comparison.EQUALS, true),
    NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMERIC, Comparison.LESS_THAN, false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMERIC, Comparison.LESS_THAN_EQUALS, false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMERIC, Comparison.GREATER_THAN, false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMERIC, Comparison.GREATER_THAN_EQUALS, false),
    DATE_EQUALS("DateEquals", Kind.DATE, Comparison.EQUALS, false),
    DATE_NOT_EQUALS("DateNotEquals", Kind.DATE, Comparison.EQUALS, true),
    DATE_LESS_THAN("DateLessThan", Kind.DATE, Comparison.LESS_THAN, false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Kind.DATE, Comparison.LESS_THAN_EQUALS, false),
    DATE_GREATER_THAN("DateGreaterThan", Kind.DATE, Comparison.GREATER_THAN, false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Kind.DATE, Comparison.GREATER_THAN_EQUALS, false),
    BOOL("Bool", Kind.BOOL, Comparison.EQUALS, false),
    BINARY_EQUALS("BinaryEquals", Kind.BINARY, Comparison.EQUALS, false),
    IP_ADDRESS("IpAddress", Kind.IP_ADDRESS, Comparison.EQUALS, false),
    NOT_IP_ADDRESS("NotIpAddress", Kind.IP_ADDRESS, Comparison.EQUALS, true),
    ARN_EQUALS("ArnEquals", Kind.ARN, Comparison.EQUALS, false),
    ARN_LIKE("ArnLike", Kind.ARN, Comparison.EQUALS, false),
    ARN_NOT_EQUALS("ArnNotEquals", Kind.ARN, Comparison.EQUALS, true),
    ARN_NOT_LIKE("ArnNotLike", Kind.ARN, Comparison.EQUALS, true),
    NULL("Null", Kind.NULL, Comparison.EQUALS, false);

    /** What an operator compares: the request value's type and how policy values match it. */
    public enum Kind { STRING, STRING_IGNORE_CASE, STRING_LIKE, NUMERIC, DATE, BOOL, BINARY, IP_ADDRESS, ARN, NULL }

    /** How a request value is compared with a policy value. */
    public enum Comparison { EQUALS, LESS_THAN, LESS_THAN_EQUALS, GREATER_THAN, GREATER_THAN_EQUALS }

    /** The set operator prefix for multivalued keys. */
    public enum SetOperator { NONE, FOR_ALL_VALUES, FOR_ANY_VALUE }

    private static final String FOR_ALL_VALUES = "ForAllValues:";
    private static final String FOR_ANY_VALUE = "ForAnyValue:";
    private static final String IF_EXISTS = "IfExists";
    private static final Map<String, ConditionOperator> BY_NAME = new HashMap<>();
    private static final Map<String, ConditionOperator> BY_LOWER_NAME = new HashMap<>();

    static {
        for (ConditionOperator op : values()) {
            BY_NAME.put(op.awsName, op);
            BY_LOWER_NAME.put(op.awsName.toLowerCase(Locale.ROOT), op);
        }
    }

    private final String awsName;
    private final Kind kind;
    private final Comparison comparison;
    private final boolean negated;

    ConditionOperator(String awsName, Kind kind, Comparison comparison, boolean negated) {
        this.awsName = awsName;
        this.kind = kind;
        this.comparison = comparison;
        this.negated = negated;
    }

    /** The name as written in policies, e.g. StringEquals. */
    public String awsName() {
        return awsName;
    }

    /** What the operator compares. */
    public Kind kind() {
        return kind;
    }

    /** How it compares (EQUALS for all but the ordering numeric and date operators). */
    public Comparison comparison() {
        return comparison;
    }

    /** Whether it is the negation of its positive form (true when no value matches). */
    public boolean negated() {
        return negated;
    }

    /**
     * An operator as written in a policy's Condition block: an optional ForAllValues:/ForAnyValue: prefix, the
     * base operator (null when unknown) and an optional IfExists suffix.
     */
    public record Written(String text, SetOperator set, @Nullable ConditionOperator base, boolean ifExists) {
        /** Whether the base operator is one of the list. */
        public boolean known() {
            return base != null;
        }
    }

    /** Reads {@code text} with AWS's spelling, as the evaluator matches it. */
    public static Written parse(String text) {
        return parse(text, false);
    }

    /** Reads {@code text} whatever its letter case, as the validator recognises an operator. */
    public static Written parseIgnoringCase(String text) {
        return parse(text, true);
    }

    private static Written parse(String text, boolean ignoreCase) {
        SetOperator set = SetOperator.NONE;
        String base = text;
        if (base.regionMatches(ignoreCase, 0, FOR_ALL_VALUES, 0, FOR_ALL_VALUES.length())) {
            set = SetOperator.FOR_ALL_VALUES;
            base = base.substring(FOR_ALL_VALUES.length());
        } else if (base.regionMatches(ignoreCase, 0, FOR_ANY_VALUE, 0, FOR_ANY_VALUE.length())) {
            set = SetOperator.FOR_ANY_VALUE;
            base = base.substring(FOR_ANY_VALUE.length());
        }
        int suffix = base.length() - IF_EXISTS.length();
        boolean ifExists = suffix >= 0 && base.regionMatches(ignoreCase, suffix, IF_EXISTS, 0, IF_EXISTS.length());
        if (ifExists) {
            base = base.substring(0, suffix);
        }
        ConditionOperator op = ignoreCase ? BY_LOWER_NAME.get(base.toLowerCase(Locale.ROOT)) : BY_NAME.get(base);
        return new Written(text, set, op, ifExists);
    }
}
