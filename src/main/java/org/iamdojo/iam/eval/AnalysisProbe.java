package org.iamdojo.iam.eval;

import java.util.Arrays;
import java.util.Locale;
import org.iamdojo.iam.policy.ArnTarget;

/**
 * The engine's own matchers, one element at a time, for the policy reasoning layer ({@code iam.analysis}): it
 * decides which requests a statement applies to by asking exactly the code {@link Authorizer} runs, so its
 * encoding cannot drift from the evaluator. Stateless.
 */
public final class AnalysisProbe {
    private AnalysisProbe() {
    }

    /** Number of statements of a compiled policy. */
    public static int statementCount(CompiledPolicy p) {
        return p.statements.length;
    }

    /** Whether statement {@code i}'s Action/NotAction matches the action (case-insensitive, as the engine). */
    public static boolean action(CompiledPolicy p, int i, String action) {
        return p.statements[i].matchesAction(action.toLowerCase(Locale.ROOT));
    }

    /** Whether statement {@code i}'s Resource/NotResource matches; {@code resourcePolicy}: no Resource = own. */
    public static boolean resource(CompiledPolicy p, int i, String resource, RequestContext ctx,
            boolean resourcePolicy) {
        return p.statements[i].matchesResource(ArnTarget.of(resource == null ? "*" : resource), ctx, resourcePolicy);
    }

    /** Whether statement {@code i}'s Principal/NotPrincipal names the caller (no permissions boundary). */
    public static boolean principal(CompiledPolicy p, int i, String principalArn) {
        return p.statements[i].matchPrincipal(PrincipalInfo.parse(principalArn, null), false) != PrincipalMatch.NONE;
    }

    /** Whether condition {@code c} of statement {@code i} holds in the context. */
    public static boolean condition(CompiledPolicy p, int i, int c, RequestContext ctx) {
        return p.statements[i].conditions()[c].evaluate(ctx, null);
    }

    /** A number as NumericXxx reads it; NaN when it is not one. */
    public static double number(String s) {
        return CompiledCondition.parseNumber(s);
    }

    /** Epoch millis as DateXxx reads a value; Long.MIN_VALUE when it is not a date. */
    public static long date(String s) {
        return CompiledCondition.parseDate(s);
    }

    /** First and last address of a CIDR as IpAddress reads it (4 or 16 bytes each), or null when invalid. */
    public static byte[][] cidrRange(String s) {
        IpCidr c = IpCidr.parse(s);
        if (c == null) {
            return null;
        }
        byte[] first = c.address().clone();
        byte[] last = c.address().clone();
        for (int bit = c.prefix(); bit < first.length * 8; bit++) {
            int mask = 1 << (7 - bit % 8);
            first[bit / 8] &= (byte) ~mask;
            last[bit / 8] |= (byte) mask;
        }
        return new byte[][] {first, last};
    }

    /** Whether the engine reads the text as an address equal to these bytes. */
    public static boolean isAddress(String s, byte[] bytes) {
        byte[] b = IpCidr.parseAddress(s.trim());
        return b != null && Arrays.equals(b, bytes);
    }

}
