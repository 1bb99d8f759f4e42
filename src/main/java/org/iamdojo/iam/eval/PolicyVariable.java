package org.iamdojo.iam.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.iamdojo.iam.policy.Glob;

/**
 * A Resource or condition value containing policy variables, compiled once. Follows "IAM policy elements:
 * Variables and tags" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html):
 * {@code ${key}} takes the single value of a context key, {@code ${key, 'default'}} falls back to the default,
 * {@code ${*}}, {@code ${?}} and {@code ${$}} stand for the literal characters. A variable whose key is
 * absent (or multivalued) without a default makes the value unresolvable: it then matches nothing.
 */
final class PolicyVariable {
    private final String[] literals;
    private final String[] lowerKeys;
    private final String[] defaults;

    private PolicyVariable(String[] literals, String[] lowerKeys, String[] defaults) {
        this.literals = literals;
        this.lowerKeys = lowerKeys;
        this.defaults = defaults;
    }

    /** True if the text contains a variable reference. */
    static boolean hasVariables(String text) {
        return text.contains("${");
    }

    /** Compiles a value; returns null if a {@code ${} is not closed (the value is then taken literally). */
    static PolicyVariable compile(String text) {
        List<String> lits = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> defs = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                lit.append(text, i, text.length());
                break;
            }
            int end = text.indexOf('}', start);
            if (end < 0) {
                return null;
            }
            lit.append(text, i, start);
            String inner = text.substring(start + 2, end).trim();
            if (inner.equals("*") || inner.equals("?") || inner.equals("$")) {
                // Escapes stand for the literal character, never a wildcard.
                lit.append(inner.equals("*") ? '\u0001' : inner.equals("?") ? '\u0002' : '$');
            } else {
                String key = inner;
                String def = null;
                int comma = inner.indexOf(',');
                if (comma >= 0) {
                    key = inner.substring(0, comma).trim();
                    String d = inner.substring(comma + 1).trim();
                    if (d.length() >= 2 && d.startsWith("'") && d.endsWith("'")) {
                        def = d.substring(1, d.length() - 1);
                    } else {
                        def = d;
                    }
                }
                lits.add(lit.toString());
                lit.setLength(0);
                keys.add(key.toLowerCase(Locale.ROOT));
                defs.add(def);
            }
            i = end + 1;
        }
        lits.add(lit.toString());
        return new PolicyVariable(lits.toArray(String[]::new), keys.toArray(String[]::new),
                defs.toArray(String[]::new));
    }

    /**
     * The value with variables substituted, or null when a variable cannot be resolved. With
     * {@code asPattern}, the policy's own '*' and '?' become wildcard markers while substituted text and
     * escapes stay literal.
     */
    String resolve(RequestContext ctx, boolean asPattern) {
        StringBuilder sb = new StringBuilder(64);
        for (int i = 0; i < lowerKeys.length; i++) {
            appendLiteral(sb, literals[i], asPattern);
            List<String> v = ctx.getLower(lowerKeys[i]);
            if (v != null && v.size() == 1) {
                sb.append(v.get(0));
            } else if (defaults[i] != null) {
                sb.append(defaults[i]);
            } else {
                return null;
            }
        }
        appendLiteral(sb, literals[literals.length - 1], asPattern);
        return sb.toString();
    }

    /** The context keys this value refers to (lower-case). */
    String[] lowerKeys() {
        return lowerKeys;
    }

    private static void appendLiteral(StringBuilder sb, String lit, boolean asPattern) {
        for (int i = 0; i < lit.length(); i++) {
            char c = lit.charAt(i);
            if (c == '\u0001') {
                sb.append('*');
            } else if (c == '\u0002') {
                sb.append('?');
            } else if (asPattern && c == '*') {
                sb.append(Glob.STAR);
            } else if (asPattern && c == '?') {
                sb.append(Glob.ONE);
            } else {
                sb.append(c);
            }
        }
    }
}
