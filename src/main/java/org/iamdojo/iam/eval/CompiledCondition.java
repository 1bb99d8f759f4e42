package org.iamdojo.iam.eval;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.iamdojo.iam.policy.ArnPattern;
import org.iamdojo.iam.policy.ArnTarget;
import org.iamdojo.iam.policy.Condition;
import org.iamdojo.iam.policy.ConditionOperator;
import org.iamdojo.iam.policy.ConditionOperator.Comparison;
import org.iamdojo.iam.policy.ConditionOperator.Kind;
import org.iamdojo.iam.policy.ConditionOperator.SetOperator;
import org.iamdojo.iam.policy.Glob;

/**
 * One condition (operator, key, values) compiled once per policy. Semantics follow "IAM JSON policy
 * elements: Condition operators" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html)
 * and "Single-valued vs. multivalued context keys"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html):
 * several values are ORed; a negated operator is true when no value matches (NotEquals [a,b] = not a and not b);
 * an absent key makes positive operators false and negated operators true, except ...IfExists (true) and
 * Null; ForAllValues is true for an absent or empty key, ForAnyValue false. An unknown operator never matches.
 */
final class CompiledCondition {
    final String operator;
    final String key;
    final String lowerKey;
    final List<String> values;
    /** What the operator compares; null when the operator is unknown (it never matches). */
    private final Kind family;
    private final Comparison cmp;
    private final boolean negated;
    private final boolean ifExists;
    private final SetOperator setMode;
    private final Object compiled;
    private final PolicyVariable[] variables;

    private CompiledCondition(String operator, String key, List<String> values, Kind family, Comparison cmp,
            boolean negated, boolean ifExists, SetOperator setMode, Object compiled, PolicyVariable[] variables) {
        this.operator = operator;
        this.key = key;
        this.lowerKey = key.toLowerCase(Locale.ROOT);
        this.values = values;
        this.family = family;
        this.cmp = cmp;
        this.negated = negated;
        this.ifExists = ifExists;
        this.setMode = setMode;
        this.compiled = compiled;
        this.variables = variables;
    }

    /** Compiles a parsed condition; {@code variablesEnabled} is false for 2008-10-17 documents. */
    static CompiledCondition compile(Condition c, boolean variablesEnabled) {
        String op = c.operator();
        ConditionOperator.Written written = ConditionOperator.parse(op);
        ConditionOperator base = written.base();
        SetOperator set = written.set();
        // Null tests whether a key is present; with a set operator it has no meaning, so it never matches.
        Kind f = base == null || (base == ConditionOperator.NULL && set != SetOperator.NONE) ? null : base.kind();
        Comparison cmp = base == null ? Comparison.EQUALS : base.comparison();
        boolean neg = base != null && base.negated();
        boolean ifExists = written.ifExists();
        PolicyVariable[] vars = null;
        if (variablesEnabled && f != null && f != Kind.NULL) {
            for (int i = 0; i < c.values().size(); i++) {
                String v = c.values().get(i);
                if (PolicyVariable.hasVariables(v)) {
                    PolicyVariable pv = PolicyVariable.compile(v);
                    if (pv != null) {
                        if (vars == null) {
                            vars = new PolicyVariable[c.values().size()];
                        }
                        vars[i] = pv;
                    }
                }
            }
        }
        Object compiled = vars == null && f != null ? compileValues(f, c.values(), null) : null;
        return new CompiledCondition(op, c.key(), c.values(), f, cmp, neg, ifExists, set, compiled, vars);
    }

    /** True when the operator is known. */
    boolean known() {
        return family != null;
    }

    /** Evaluates the condition; absent keys are reported to {@code missing} (may be null). */
    boolean evaluate(RequestContext ctx, List<String> missing) {
        if (family == null) {
            return false;
        }
        List<String> req = ctx.getLower(lowerKey);
        boolean absent = req == null || req.isEmpty();
        if (family == Kind.NULL) {
            for (String v : values) {
                if ("true".equalsIgnoreCase(v) ? absent : "false".equalsIgnoreCase(v) && !absent) {
                    return true;
                }
            }
            return false;
        }
        if (absent) {
            if (missing != null && req == null && !missing.contains(key)) {
                missing.add(key);
            }
            if (ifExists) {
                return true;
            }
            return switch (setMode) {
                case FOR_ALL_VALUES -> true;
                case FOR_ANY_VALUE -> false;
                default -> negated;
            };
        }
        Object vals = compiled != null ? compiled : compileValues(family, values, resolve(ctx));
        switch (setMode) {
            case FOR_ALL_VALUES:
                for (int i = 0; i < req.size(); i++) {
                    if (anyMatch(req.get(i), vals) == negated) {
                        return false;
                    }
                }
                return true;
            case FOR_ANY_VALUE:
                for (int i = 0; i < req.size(); i++) {
                    if (anyMatch(req.get(i), vals) != negated) {
                        return true;
                    }
                }
                return false;
            default:
                for (int i = 0; i < req.size(); i++) {
                    if (anyMatch(req.get(i), vals)) {
                        return !negated;
                    }
                }
                return negated;
        }
    }

    private List<String> resolve(RequestContext ctx) {
        boolean asPattern = family == Kind.STRING_LIKE || family == Kind.ARN;
        List<String> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            PolicyVariable pv = variables[i];
            if (pv == null) {
                out.add(asPattern ? Glob.encode(values.get(i)) : values.get(i));
            } else {
                String r = pv.resolve(ctx, asPattern);
                if (r != null) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** Compiles policy values; {@code resolved} holds already-substituted (and, for patterns, encoded) values. */
    private static Object compileValues(Kind f, List<String> raw, List<String> resolved) {
        List<String> vs = resolved != null ? resolved : raw;
        int n = vs.size();
        switch (f) {
            case STRING, BOOL:
                return vs.toArray(String[]::new);
            case STRING_IGNORE_CASE: {
                String[] out = new String[n];
                for (int i = 0; i < n; i++) {
                    out[i] = vs.get(i).toLowerCase(Locale.ROOT);
                }
                return out;
            }
            case STRING_LIKE: {
                Glob[] out = new Glob[n];
                for (int i = 0; i < n; i++) {
                    out[i] = resolved != null ? Glob.compileEncoded(vs.get(i), false, vs.get(i))
                            : Glob.compile(vs.get(i), false);
                }
                return out;
            }
            case NUMERIC: {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = parseNumber(vs.get(i));
                }
                return out;
            }
            case DATE: {
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    out[i] = parseDate(vs.get(i));
                }
                return out;
            }
            case BINARY: {
                byte[][] out = new byte[n][];
                for (int i = 0; i < n; i++) {
                    out[i] = decodeBase64(vs.get(i));
                }
                return out;
            }
            case IP_ADDRESS: {
                IpCidr[] out = new IpCidr[n];
                for (int i = 0; i < n; i++) {
                    out[i] = IpCidr.parse(vs.get(i));
                }
                return out;
            }
            case ARN: {
                ArnPattern[] out = new ArnPattern[n];
                for (int i = 0; i < n; i++) {
                    out[i] = resolved != null ? ArnPattern.compileEncoded(vs.get(i), vs.get(i))
                            : ArnPattern.compile(vs.get(i));
                }
                return out;
            }
            default:
                return null;
        }
    }

    /** Whether a request value matches any policy value, in the operator's positive sense. */
    private boolean anyMatch(String v, Object vals) {
        switch (family) {
            case STRING: {
                for (String p : (String[]) vals) {
                    if (p.equals(v)) {
                        return true;
                    }
                }
                return false;
            }
            case STRING_IGNORE_CASE: {
                for (String p : (String[]) vals) {
                    if (p.equalsIgnoreCase(v)) {
                        return true;
                    }
                }
                return false;
            }
            case STRING_LIKE: {
                for (Glob g : (Glob[]) vals) {
                    if (g.matches(v)) {
                        return true;
                    }
                }
                return false;
            }
            case BOOL: {
                for (String p : (String[]) vals) {
                    if (p.equalsIgnoreCase(v)) {
                        return true;
                    }
                }
                return false;
            }
            case NUMERIC: {
                double x = parseNumber(v);
                if (Double.isNaN(x)) {
                    return false;
                }
                for (double p : (double[]) vals) {
                    if (!Double.isNaN(p) && compare(Double.compare(x, p))) {
                        return true;
                    }
                }
                return false;
            }
            case DATE: {
                long x = parseDate(v);
                if (x == Long.MIN_VALUE) {
                    return false;
                }
                for (long p : (long[]) vals) {
                    if (p != Long.MIN_VALUE && compare(Long.compare(x, p))) {
                        return true;
                    }
                }
                return false;
            }
            case BINARY: {
                byte[] x = decodeBase64(v);
                for (byte[] p : (byte[][]) vals) {
                    if (x != null && p != null && Arrays.equals(x, p)) {
                        return true;
                    }
                }
                return false;
            }
            case IP_ADDRESS: {
                byte[] ip = IpCidr.parseAddress(v.trim());
                if (ip == null) {
                    return false;
                }
                for (IpCidr c : (IpCidr[]) vals) {
                    if (c != null && c.contains(ip)) {
                        return true;
                    }
                }
                return false;
            }
            case ARN: {
                ArnTarget t = ArnTarget.of(v);
                for (ArnPattern p : (ArnPattern[]) vals) {
                    if (p.matches(t)) {
                        return true;
                    }
                }
                return false;
            }
            default:
                return false;
        }
    }

    private boolean compare(int c) {
        return switch (cmp) {
            case EQUALS -> c == 0;
            case LESS_THAN -> c < 0;
            case LESS_THAN_EQUALS -> c <= 0;
            case GREATER_THAN -> c > 0;
            case GREATER_THAN_EQUALS -> c >= 0;
        };
    }

    static double parseNumber(String s) {
        String t = s.trim();
        if (t.isEmpty()) {
            return Double.NaN;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return Double.NaN;
            }
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Epoch millis of an ISO 8601 date/date-time or of epoch seconds; Long.MIN_VALUE when invalid. */
    static long parseDate(String s) {
        long fast = parseUtcSeconds(s);
        if (fast != Long.MIN_VALUE) {
            return fast;
        }
        String t = s.trim();
        if (t.isEmpty()) {
            return Long.MIN_VALUE;
        }
        boolean numeric = true;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && !(i == 0 && c == '-')) {
                numeric = false;
                break;
            }
        }
        try {
            if (numeric) {
                return (long) (Double.parseDouble(t) * 1000d);
            }
            if (t.indexOf('T') < 0) {
                return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            char last = t.charAt(t.length() - 1);
            boolean zoned = last == 'Z' || last == 'z' || t.lastIndexOf('+') > t.indexOf('T')
                    || t.lastIndexOf('-') > t.indexOf('T');
            if (zoned) {
                if (last == 'z') {
                    t = t.substring(0, t.length() - 1) + 'Z';
                }
                return OffsetDateTime.parse(t).toInstant().toEpochMilli();
            }
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            // Unparseable, or a valid ISO date beyond what epoch millis hold (+999999999-12-31): AWS cannot
            // compare such a value either, so the condition does not match (invalid = Long.MIN_VALUE).
            return Long.MIN_VALUE;
        }
    }

    /**
     * The form nearly every policy and request writes, {@code YYYY-MM-DDTHH:MM:SSZ}, read without the java.time
     * parser (a profile of distinct policies showed it as 4 % of all time); Long.MIN_VALUE for any other form or an
     * impossible date, which the general reading then decides.
     */
    private static long parseUtcSeconds(String s) {
        if (s.length() != 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(19) != 'Z') {
            return Long.MIN_VALUE;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            // Days 29-31 need the month's length: the general reading checks them.
            return Long.MIN_VALUE;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return ((epochDay * 24 + hour) * 60 + minute) * 60_000L + second * 1000L;
    }

    /** The non-negative number written by {@code n} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static byte[] decodeBase64(String s) {
        try {
            return Base64.getDecoder().decode(s.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Describes the failure for the trace. */
    ConditionMiss describe(RequestContext ctx) {
        return new ConditionMiss(operator, key, values, ctx.getLower(lowerKey));
    }
}
