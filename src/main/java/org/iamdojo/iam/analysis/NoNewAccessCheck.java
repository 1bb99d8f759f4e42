package org.iamdojo.iam.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.iamdojo.iam.eval.AuthorizationRequest;
import org.iamdojo.iam.eval.Authorizer;
import org.iamdojo.iam.eval.CompiledPolicy;
import org.iamdojo.iam.eval.RequestContext;
import org.iamdojo.iam.policy.Effect;
import org.iamdojo.iam.policy.Statement;

/**
 * "Does the new identity policy set allow a request the existing one does not?" in the spirit of
 * CheckNoNewAccess (https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoNewAccess.html).
 *
 * <p>Sound, not complete. PASS is proved: the existing side has no Deny statement, and every Allow statement of
 * the new side is covered by one Allow statement of the existing side (its Action/Resource patterns are
 * contained in the existing statement's patterns by {@link GlobContainment}, and the existing statement has no
 * Condition, or exactly the same Condition block). FAIL is shown: a request built from the new policy's
 * constants that the real {@link Authorizer} allows under the new and not under the existing policies.
 * Anything else (NotAction/NotResource/Principal on the covering side, conditions that differ, no witness
 * found) is UNKNOWN, never a guess.
 */
public final class NoNewAccessCheck {
    /** The answer. */
    public enum Result { PASS, FAIL, UNKNOWN }

    /** The verdict with the new statement responsible (index, or -1) and a counterexample for FAIL. */
    public record Verdict(Result result, String message, int statementIndex, String statementId,
            AuthorizationRequest counterexample) { }

    private static final String PRINCIPAL = "arn:aws:iam::111122223333:user/analyzer";
    // "example" first: a counterexample a learner reads (arn:aws:s3:::example), then edge cases.
    private static final String[] FILLERS = {"example", "", "x", "zz9-q"};
    private final Authorizer authorizer = new Authorizer();

    /** Decides for identity policies; none of the arguments may be null. */
    public Verdict check(List<CompiledPolicy> existing, List<CompiledPolicy> proposed) {
        List<Statement> newStatements = statements(proposed);
        // 1. Look for a concrete counterexample first (a FAIL must be replayable).
        for (int i = 0; i < newStatements.size(); i++) {
            Statement s = newStatements.get(i);
            if (s.effect() != Effect.ALLOW) {
                continue;
            }
            for (String action : candidates(s.actions())) {
                for (String resource : candidates(s.resources())) {
                    AuthorizationRequest req = AuthorizationRequest.of(PRINCIPAL, action, resource,
                            RequestContext.empty(), proposed);
                    if (allowed(req) && !allowed(AuthorizationRequest.of(PRINCIPAL, action, resource,
                            RequestContext.empty(), existing))) {
                        return new Verdict(Result.FAIL, "The new policy grants " + action + " on " + resource
                                + ", which the existing policy does not.", i, s.sid(), req);
                    }
                }
            }
        }
        // 2. Try to prove coverage statement by statement.
        List<Statement> old = statements(existing);
        for (Statement o : old) {
            if (o.effect() != Effect.ALLOW) {
                return unknown("The existing policy has Deny statements; deny-aware proof is not implemented.");
            }
        }
        for (int i = 0; i < newStatements.size(); i++) {
            Statement s = newStatements.get(i);
            if (s.effect() != Effect.ALLOW) {
                continue; // a Deny in the new policy only removes access
            }
            if (!coveredBySome(s, old)) {
                return new Verdict(Result.UNKNOWN, "Statement " + i + " could not be proved covered and no "
                        + "counterexample was found.", i, s.sid(), null);
            }
        }
        return new Verdict(Result.PASS, "Every Allow statement of the new policy is covered by the existing one.",
                -1, null, null);
    }

    private static Verdict unknown(String message) {
        return new Verdict(Result.UNKNOWN, message, -1, null, null);
    }

    private boolean allowed(AuthorizationRequest req) {
        try {
            return authorizer.authorize(req).allowed();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean coveredBySome(Statement s, List<Statement> old) {
        if (s.actions() == null || s.resources() == null || s.principal() != null || s.notPrincipal() != null) {
            return false;
        }
        for (Statement o : old) {
            if (o.actions() == null || o.resources() == null || o.principal() != null
                    || o.notPrincipal() != null) {
                continue;
            }
            if (!o.conditions().isEmpty() && !o.conditions().equals(s.conditions())) {
                continue;
            }
            if (allContained(s.actions(), o.actions(), true) && allContained(s.resources(), o.resources(), false)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allContained(List<String> inner, List<String> outer, boolean ignoreCase) {
        for (String p : inner) {
            boolean found = false;
            for (String q : outer) {
                String a = ignoreCase ? p.toLowerCase(Locale.ROOT) : p;
                String b = ignoreCase ? q.toLowerCase(Locale.ROOT) : q;
                if (GlobContainment.contains(b, a)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static List<Statement> statements(List<CompiledPolicy> policies) {
        List<Statement> all = new ArrayList<>();
        for (CompiledPolicy p : policies) {
            all.addAll(p.document().statements());
        }
        return all;
    }

    /** Instances of the patterns: each * filled with a few strings, each ? with 'x'. */
    static Set<String> candidates(List<String> patterns) {
        Set<String> out = new LinkedHashSet<>();
        if (patterns == null) {
            return out;
        }
        for (String p : patterns) {
            for (String f : FILLERS) {
                out.add(p.replace("?", "x").replace("*", f));
            }
        }
        return out;
    }
}
