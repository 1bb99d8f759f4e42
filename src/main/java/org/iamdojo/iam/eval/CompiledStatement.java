package org.iamdojo.iam.eval;

import java.util.List;
import org.iamdojo.iam.policy.ArnPattern;
import org.iamdojo.iam.policy.ArnTarget;
import org.iamdojo.iam.policy.Effect;
import org.iamdojo.iam.policy.Glob;
import org.iamdojo.iam.policy.Statement;

/** One statement with its matchers built once. */
final class CompiledStatement {
    final int index;
    final String sid;
    final Effect effect;
    final Statement source;
    private final Glob[] actions;
    private final boolean notAction;
    private final ArnPattern[] resources;
    private final PolicyVariable[] resourceVariables;
    private final boolean notResource;
    private final PrincipalMatcher principal;
    private final PrincipalMatcher notPrincipal;
    final CompiledCondition[] conditions;

    CompiledStatement(int index, Statement s, boolean variablesEnabled) {
        this.index = index;
        this.sid = s.sid();
        this.effect = s.effect();
        this.source = s;
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
        List<String> res = s.resources() != null ? s.resources() : s.notResources();
        this.notResource = s.resources() == null && s.notResources() != null;
        int n = res == null ? 0 : res.size();
        resources = new ArnPattern[n];
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
                resources[i] = ArnPattern.compile(r);
            }
        }
        this.resourceVariables = vars;
        this.principal = s.principal() == null ? null : new PrincipalMatcher(s.principal());
        this.notPrincipal = s.notPrincipal() == null ? null : new PrincipalMatcher(s.notPrincipal());
        conditions = new CompiledCondition[s.conditions().size()];
        for (int i = 0; i < conditions.length; i++) {
            conditions[i] = CompiledCondition.compile(s.conditions().get(i), variablesEnabled);
        }
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
        if (resources.length == 0) {
            return ownResource && !notResource;
        }
        boolean any = false;
        for (int i = 0; i < resources.length; i++) {
            ArnPattern p = resources[i];
            if (p == null) {
                String r = resourceVariables[i].resolve(ctx, true);
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
