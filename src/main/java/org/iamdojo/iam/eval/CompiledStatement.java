package org.iamdojo.iam.eval;

import java.util.List;
import org.iamdojo.iam.policy.ArnPattern;
import org.iamdojo.iam.policy.ArnTarget;
import org.iamdojo.iam.policy.Effect;
import org.iamdojo.iam.policy.Glob;
import org.iamdojo.iam.policy.Statement;

/**
 * One statement with its matchers built once. The Action/NotAction matchers are built with the statement; the
 * Resource, Principal and Condition matchers on first use, because most statements of a policy never get past the
 * action check for a given request (profiling {@code authorize} on distinct policies: building matchers that were
 * never consulted was a fifth of all CPU time). Each lazy part is an immutable object behind a final-field holder,
 * so two threads racing to build it build equal ones and either may win.
 */
final class CompiledStatement {
    final int index;
    final String sid;
    final Effect effect;
    final Statement source;
    private final Glob[] actions;
    private final boolean notAction;
    private final boolean variablesEnabled;
    private Resources resources;
    private Principals principals;
    private Conditions conditions;

    /** Resource/NotResource matchers; a null pattern stands for a resource with policy variables. */
    private static final class Resources {
        final ArnPattern[] patterns;
        final PolicyVariable[] variables;
        final boolean notResource;

        Resources(Statement s, boolean variablesEnabled) {
            List<String> res = s.resources() != null ? s.resources() : s.notResources();
            this.notResource = s.resources() == null && s.notResources() != null;
            int n = res == null ? 0 : res.size();
            ArnPattern[] ps = new ArnPattern[n];
            PolicyVariable[] vars = null;
            for (int i = 0; i < n; i++) {
                String r = res.get(i);
                PolicyVariable pv = variablesEnabled && PolicyVariable.hasVariables(r) ? PolicyVariable.compile(r) : null;
                if (pv != null) {
                    if (vars == null) {
                        vars = new PolicyVariable[n];
                    }
                    vars[i] = pv;
                } else {
                    ps[i] = ArnPattern.compile(r);
                }
            }
            this.patterns = ps;
            this.variables = vars;
        }
    }

    /** Principal and NotPrincipal matchers (null when the element is absent). */
    private record Principals(PrincipalMatcher principal, PrincipalMatcher notPrincipal) {
    }

    /** The compiled Condition block. */
    private static final class Conditions {
        final CompiledCondition[] all;

        Conditions(Statement s, boolean variablesEnabled) {
            CompiledCondition[] cs = new CompiledCondition[s.conditions().size()];
            for (int i = 0; i < cs.length; i++) {
                cs[i] = CompiledCondition.compile(s.conditions().get(i), variablesEnabled);
            }
            this.all = cs;
        }
    }

    CompiledStatement(int index, Statement s, boolean variablesEnabled) {
        this.index = index;
        this.sid = s.sid();
        this.effect = s.effect();
        this.source = s;
        this.variablesEnabled = variablesEnabled;
        List<String> act = s.actions() != null ? s.actions() : s.notActions();
        this.notAction = s.actions() == null && s.notActions() != null;
        if (act == null) {
            actions = new Glob[0];
        } else {
            actions = new Glob[act.size()];
            for (int i = 0; i < act.size(); i++) {
                actions[i] = ActionPatterns.compile(act.get(i));
            }
        }
    }

    /** The compiled conditions, in source order (built on first use). */
    CompiledCondition[] conditions() {
        Conditions c = conditions;
        if (c == null) {
            c = new Conditions(source, variablesEnabled);
            conditions = c;
        }
        return c.all;
    }

    private Principals principals() {
        Principals p = principals;
        if (p == null) {
            p = new Principals(source.principal() == null ? null : new PrincipalMatcher(source.principal()),
                    source.notPrincipal() == null ? null : new PrincipalMatcher(source.notPrincipal()));
            principals = p;
        }
        return p;
    }

    /** Action/NotAction against the lower-cased requested action; a statement with neither never applies. */
    boolean matchesAction(String lowerAction) {
        boolean any = false;
        for (Glob g : actions) {
            if (g.matches(lowerAction)) {
                any = true;
                break;
            }
        }
        if (actions.length == 0) {
            return false;
        }
        return notAction != any;
    }

    /**
     * Resource/NotResource against the requested resource. A statement with neither applies only in a
     * resource-based policy ({@code ownResource}): role trust policies have no Resource element.
     */
    boolean matchesResource(ArnTarget target, RequestContext ctx, boolean ownResource) {
        Resources compiled = resources;
        if (compiled == null) {
            compiled = new Resources(source, variablesEnabled);
            resources = compiled;
        }
        ArnPattern[] patterns = compiled.patterns;
        boolean notResource = compiled.notResource;
        if (patterns.length == 0) {
            return ownResource && !notResource;
        }
        boolean any = false;
        for (int i = 0; i < patterns.length; i++) {
            ArnPattern p = patterns[i];
            if (p == null) {
                String r = compiled.variables[i].resolve(ctx, true);
                if (r == null) {
                    continue;
                }
                p = ArnPattern.compileEncoded(r, r);
            }
            if (p.matches(target)) {
                any = true;
                break;
            }
        }
        return notResource != any;
    }

    /** How the Principal/NotPrincipal names the caller; NONE when the statement does not cover it. */
    PrincipalMatch matchPrincipal(PrincipalInfo p, boolean callerHasBoundary) {
        Principals matchers = principals();
        PrincipalMatcher principal = matchers.principal();
        PrincipalMatcher notPrincipal = matchers.notPrincipal();
        if (principal != null) {
            return principal.match(p);
        }
        if (notPrincipal != null) {
            // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
            if (effect == Effect.DENY) {
                // A Deny with NotPrincipal always applies to IAM principals that have a permissions boundary.
                if (callerHasBoundary && p.isIamIdentity()) {
                    return PrincipalMatch.WILDCARD;
                }
                return notPrincipal.excludesAll(p) ? PrincipalMatch.NONE : PrincipalMatch.WILDCARD;
            }
            // Allow with NotPrincipal (AWS: not supported; formerly "allows all principals except the one
            // named"): it applies to nobody the same block would name as Principal — neither a listed user, role
            // or account nor the sessions of a listed role.
            return notPrincipal.match(p) == PrincipalMatch.NONE ? PrincipalMatch.WILDCARD : PrincipalMatch.NONE;
        }
        return PrincipalMatch.NONE;
    }
}
