package org.iamdojo.iam.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.iamdojo.iam.eval.AuthorizationRequest;
import org.iamdojo.iam.eval.Authorizer;
import org.iamdojo.iam.eval.CompiledPolicy;
import org.iamdojo.iam.eval.RequestContext;
import org.iamdojo.iam.policy.Condition;
import org.iamdojo.iam.policy.Effect;
import org.iamdojo.iam.policy.PolicyDocument;
import org.iamdojo.iam.policy.Statement;
import org.iamdojo.iam.policy.catalog.ActionCatalog;
import org.iamdojo.iam.policy.catalog.ActionInfo;

/**
 * "Is everything this principal may do within the reference policy?", the question a least-privilege grade asks
 * (CheckNoNewAccess with the reference as the existing policy,
 * https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoNewAccess.html), over the
 * principal's whole identity side: its identity policies with their Deny statements and, when it has one, its
 * permissions boundary.
 *
 * <p>First {@link NoNewAccessCheck} is asked; its PASS is taken as proof, its counterexample only when replayed
 * through the principal's real request (then nothing is searched again). Beyond it this class proves coverage cell by cell (one action pattern ×
 * one resource pattern × the statement's conditions of each Allow statement), taking away what an unconditional
 * Deny of the same policies removes (Resource or NotResource), or proves the boundary within the reference. A
 * FAIL is always a request that {@code replay} turns into the principal's real request and the
 * {@link Authorizer} allows, while the reference alone does not. Otherwise UNKNOWN. An optional scope of service
 * prefixes limits the question to those services' actions. Resource-based policies that grant the principal
 * directly are not part of the question (the grader's scenarios grant through identity policies).
 */
public final class ReferenceBoundCheck {
    /** The verdict; for FAIL the responsible policy (its id), statement index and Sid, and the counterexample. */
    public record Verdict(NoNewAccessCheck.Result result, String message, String policyId, int statementIndex,
            String statementId, AuthorizationRequest counterexample) { }

    /** One request shape to replay: action, resource (null for "*") and extra context keys. */
    public record Probe(String action, String resource, Map<String, List<String>> context) { }

    private static final String OTHER = "example-other";
    private static final int MAX_PROBES = 4000;
    private static final long MAX_NANOS = 3_000_000_000L;
    private final ActionCatalog catalog;
    private final Authorizer authorizer = new Authorizer();

    /** A check that expands action patterns with {@code catalog}. */
    public ReferenceBoundCheck(ActionCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Decides whether the principal whose identity policies are {@code granted} (with {@code boundary}, or null)
     * can do anything the {@code reference} policies do not allow. {@code replay} builds the principal's real
     * request for a probe; {@code scope} (lower-case service prefixes, empty for all) limits the actions asked about.
     */
    public Verdict check(List<CompiledPolicy> reference, List<CompiledPolicy> granted, CompiledPolicy boundary,
            Set<String> scope, Function<Probe, AuthorizationRequest> replay) {
        long deadline = System.nanoTime() + MAX_NANOS;
        NoNewAccessCheck.Verdict quick = new NoNewAccessCheck().check(reference, granted);
        if (quick.result() == NoNewAccessCheck.Result.PASS) {
            return new Verdict(NoNewAccessCheck.Result.PASS, quick.message(), null, -1, null, null);
        }
        if (quick.result() == NoNewAccessCheck.Result.FAIL && quick.counterexample() != null
                && inScope(quick.counterexample().action(), scope)) {
            // The reasoner has found the request already: replay it (in a readable form where one holds) rather
            // than search again. Only when the principal's real request denies it (a boundary, say) is it searched.
            Verdict v = confirmed(reference, granted, quick, replay);
            if (v != null) {
                return v;
            }
        }
        int probes = 0;
        for (CompiledPolicy policy : granted) {
            List<Statement> statements = policy.document().statements();
            for (int i = 0; i < statements.size(); i++) {
                Statement s = statements.get(i);
                if (s.effect() != Effect.ALLOW) {
                    continue;
                }
                for (String action : candidateActions(s, scope)) {
                    for (String resource : candidateResources(s, action)) {
                        for (Map<String, List<String>> ctx : candidateContexts(s)) {
                            if (++probes > MAX_PROBES || System.nanoTime() > deadline) {
                                return unknown("The search for a counterexample ran out of its budget ("
                                        + MAX_PROBES + " requests or " + MAX_NANOS / 1_000_000 + " ms).");
                            }
                            Verdict v = replayed(reference, granted, new Probe(action, resource, ctx), replay);
                            if (v != null) {
                                return v;
                            }
                        }
                    }
                }
            }
        }
        String unproved = firstUnproved(reference, granted, scope);
        if (unproved == null || boundary != null && firstUnproved(reference, List.of(boundary), scope) == null) {
            return new Verdict(NoNewAccessCheck.Result.PASS, unproved == null
                    ? "Every Allow statement, less what its policies' Deny statements take away, is covered by the reference."
                    : "The permissions boundary is covered by the reference, so nothing beyond it can be allowed.",
                    null, -1, null, null);
        }
        return unknown(unproved);
    }

    /**
     * The reasoner's counterexample replayed through the principal's real request: first as the readable requests of
     * the responsible statement (named resources, not the reasoner's shortest words) for the same action, then as
     * found. Null when none of them is allowed for the principal.
     */
    private Verdict confirmed(List<CompiledPolicy> reference, List<CompiledPolicy> granted, NoNewAccessCheck.Verdict quick,
            Function<Probe, AuthorizationRequest> replay) {
        AuthorizationRequest c = quick.counterexample();
        // The reasoner works in lower case; the catalog spells the action as AWS does.
        String action = catalog.matching(c.action()).stream().map(ActionInfo::fullName)
                .filter(n -> n.equalsIgnoreCase(c.action())).findFirst().orElse(c.action());
        Statement responsible = responsible(granted, c);
        if (responsible != null) {
            for (String resource : candidateResources(responsible, action)) {
                for (Map<String, List<String>> ctx : candidateContexts(responsible)) {
                    Verdict v = replayed(reference, granted, new Probe(action, resource, ctx), replay);
                    if (v != null) {
                        return v;
                    }
                }
            }
        }
        return replayed(reference, granted, new Probe(action, c.resource(), c.context().asMap()), replay);
    }

    /** The first Allow statement of {@code granted} that allows the counterexample on its own, or null. */
    private Statement responsible(List<CompiledPolicy> granted, AuthorizationRequest c) {
        for (CompiledPolicy policy : granted) {
            for (Statement s : policy.document().statements()) {
                if (s.effect() == Effect.ALLOW && allowed(identityOnly(c, List.of(CompiledPolicy.compile(
                        new PolicyDocument(policy.document().version(), null, List.of(s), true, null), policy.id()))))) {
                    return s;
                }
            }
        }
        return null;
    }

    private static Verdict unknown(String message) {
        return new Verdict(NoNewAccessCheck.Result.UNKNOWN, message, null, -1, null, null);
    }

    /** A FAIL when the probe is allowed by the principal's real request and not by the reference; else null. */
    private Verdict replayed(List<CompiledPolicy> reference, List<CompiledPolicy> granted, Probe probe,
            Function<Probe, AuthorizationRequest> replay) {
        AuthorizationRequest real;
        try {
            real = replay.apply(probe);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!allowed(real)) {
            return null;
        }
        AuthorizationRequest bound = identityOnly(real, reference);
        if (allowed(bound)) {
            return null;
        }
        String where = real.resource() == null ? "*" : real.resource();
        for (CompiledPolicy policy : granted) {
            List<Statement> statements = policy.document().statements();
            for (int i = 0; i < statements.size(); i++) {
                Statement s = statements.get(i);
                if (s.effect() == Effect.ALLOW && allowed(identityOnly(real, List.of(CompiledPolicy.compile(
                        new PolicyDocument(policy.document().version(), null, List.of(s), true, null), policy.id()))))) {
                    return new Verdict(NoNewAccessCheck.Result.FAIL, real.principal() + " is allowed " + real.action()
                            + " on " + where + ", which the reference does not allow.", policy.id(), i, s.sid(), real);
                }
            }
        }
        return new Verdict(NoNewAccessCheck.Result.FAIL, real.principal() + " is allowed " + real.action() + " on "
                + where + ", which the reference does not allow.", null, -1, null, real);
    }

    /** The same request judged by {@code policies} alone, as identity policies. */
    private static AuthorizationRequest identityOnly(AuthorizationRequest real, List<CompiledPolicy> policies) {
        return AuthorizationRequest.builder(real.principal(), real.action()).resource(real.resource())
                .resourceAccount(real.resourceAccount()).context(real.context()).sessionIssuer(real.sessionIssuer())
                .identity(policies).build();
    }

    private boolean allowed(AuthorizationRequest req) {
        try {
            return authorizer.authorize(req).allowed();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean inScope(String action, Set<String> scope) {
        if (scope.isEmpty()) {
            return true;
        }
        int colon = action.indexOf(':');
        return colon > 0 && scope.contains(action.substring(0, colon).toLowerCase(Locale.ROOT));
    }

    private Set<String> candidateActions(Statement s, Set<String> scope) {
        Set<String> out = new LinkedHashSet<>();
        if (s.actions() != null) {
            for (String pattern : s.actions()) {
                for (String p : scoped(pattern, scope)) {
                    catalog.matching(p).stream().limit(12).map(ActionInfo::fullName).forEach(out::add);
                    if (p.indexOf('*') < 0 && p.indexOf('?') < 0) {
                        out.add(p);
                    }
                }
            }
        } else if (s.notActions() != null) {
            List<String> services = scope.isEmpty() ? catalog.servicePrefixes() : List.copyOf(scope);
            for (String service : services) {
                int taken = 0;
                for (ActionInfo a : catalog.actions(service)) {
                    String name = a.fullName().toLowerCase(Locale.ROOT);
                    if (s.notActions().stream().noneMatch(n -> GlobContainment.contains(n.toLowerCase(Locale.ROOT), name))
                            && taken++ < 3) {
                        out.add(a.fullName());
                    }
                }
            }
        }
        out.removeIf(a -> !inScope(a, scope));
        return out;
    }

    /** The part of an action pattern inside the scope: itself, one pattern per scoped service, or nothing. */
    private static List<String> scoped(String pattern, Set<String> scope) {
        if (scope.isEmpty()) {
            return List.of(pattern);
        }
        if ("*".equals(pattern)) {
            return scope.stream().map(s -> s + ":*").toList();
        }
        int colon = pattern.indexOf(':');
        if (colon < 0) {
            return List.of();
        }
        String service = pattern.substring(0, colon).toLowerCase(Locale.ROOT);
        if (service.indexOf('*') >= 0 || service.indexOf('?') >= 0) {
            return scope.stream().filter(sc -> GlobContainment.contains(service, sc))
                    .map(sc -> sc + pattern.substring(colon)).toList();
        }
        return scope.contains(service) ? List.of(pattern) : List.of();
    }

    private static Set<String> candidateResources(Statement s, String action) {
        Set<String> out = new LinkedHashSet<>();
        List<String> patterns = s.resources() != null ? s.resources() : List.of("*");
        String service = action.substring(0, action.indexOf(':')).toLowerCase(Locale.ROOT);
        for (String r : patterns) {
            String plain = r.replaceAll("\\$\\{[^}]*}", OTHER);
            if ("*".equals(plain)) {
                if (service.equals("s3")) {
                    out.add("arn:aws:s3:::" + OTHER + "-bucket");
                    out.add("arn:aws:s3:::" + OTHER + "-bucket/file.txt");
                } else {
                    out.add("arn:aws:" + service + ":us-east-1:999988887777:" + OTHER);
                }
                out.add(null);
            } else {
                out.add(plain.replace("?", "x").replace("*", OTHER));
                out.add(plain.replace("?", "x").replace("*", OTHER + "/file.txt"));
                out.add(plain.replace("?", "x").replace("*", ""));
            }
        }
        if (s.notResources() != null) {
            out.add("arn:aws:" + service + ":::" + OTHER);
        }
        return out;
    }

    /** No extra keys, then the statement's own condition values (so a conditional grant can be met). */
    private static List<Map<String, List<String>>> candidateContexts(Statement s) {
        List<Map<String, List<String>>> out = new ArrayList<>();
        out.add(Map.of());
        if (!s.conditions().isEmpty()) {
            Map<String, List<String>> ctx = new LinkedHashMap<>();
            for (Condition c : s.conditions()) {
                if (!c.values().isEmpty() && !c.operator().toLowerCase(Locale.ROOT).contains("not")) {
                    ctx.put(c.key(), List.of(c.values().get(0).replace("*", OTHER)));
                }
            }
            out.add(ctx);
        }
        return out;
    }

    /** Null when every Allow cell of {@code granted} is proved within the reference; else what could not be. */
    static String firstUnproved(List<CompiledPolicy> reference, List<CompiledPolicy> granted, Set<String> scope) {
        List<Statement> ref = new ArrayList<>();
        reference.forEach(p -> ref.addAll(p.document().statements()));
        for (Statement t : ref) {
            if (t.effect() != Effect.ALLOW) {
                return "The reference has Deny statements; this proof takes Allow-only references.";
            }
        }
        // An unconditional Deny of any of these policies applies to every request they are asked about.
        List<Statement> denies = new ArrayList<>();
        granted.forEach(p -> p.document().statements().stream().filter(x -> x.effect() == Effect.DENY
                && x.conditions().isEmpty() && x.actions() != null && x.principal() == null
                && x.notPrincipal() == null).forEach(denies::add));
        for (CompiledPolicy policy : granted) {
            List<Statement> statements = policy.document().statements();
            for (int i = 0; i < statements.size(); i++) {
                Statement s = statements.get(i);
                if (s.effect() != Effect.ALLOW) {
                    continue;
                }
                List<String> actions = new ArrayList<>();
                if (s.actions() != null) {
                    s.actions().forEach(a -> actions.addAll(scoped(a, scope)));
                } else if (scope.isEmpty()) {
                    actions.add("*");
                } else {
                    for (String sc : scope) {
                        if (s.notActions().stream().noneMatch(n -> GlobContainment.contains(n.toLowerCase(Locale.ROOT),
                                sc + ":*"))) {
                            actions.add(sc + ":*");
                        }
                    }
                }
                List<String> resources = s.resources() != null
                        ? s.resources().stream().map(r -> r.replaceAll("\\$\\{[^}]*}", "*")).toList() : List.of("*");
                for (String a : actions) {
                    for (String r : resources) {
                        if (!cellProved(a.toLowerCase(Locale.ROOT), r, s.conditions(), ref, denies)) {
                            return "Statement " + i + (s.sid() == null ? "" : " (" + s.sid() + ")") + " of " + policy.id()
                                    + ": " + a + " on " + r + " could not be proved within the reference, and no "
                                    + "counterexample was found.";
                        }
                    }
                }
            }
        }
        return null;
    }

    private static boolean cellProved(String action, String resource, List<Condition> conditions, List<Statement> ref,
            List<Statement> denies) {
        List<String> remaining = new ArrayList<>(List.of(resource));
        for (Statement d : denies) {
            boolean denyAction = d.actions().stream().anyMatch(p -> GlobContainment.contains(p.toLowerCase(Locale.ROOT), action));
            if (!denyAction) {
                continue;
            }
            List<String> next = new ArrayList<>();
            for (String r : remaining) {
                if (d.resources() != null) {
                    if (d.resources().stream().noneMatch(p -> GlobContainment.contains(p, r))) {
                        next.add(r); // not proved denied: keep the whole cell
                    }
                } else {
                    // Deny NotResource NR: what survives is r ∩ NR, written as patterns when one side contains the other.
                    for (String nr : d.notResources()) {
                        if (GlobContainment.contains(r, nr)) {
                            next.add(nr);
                        } else if (GlobContainment.contains(nr, r)) {
                            next.add(r);
                        } else if (!disjointLiterals(r, nr)) {
                            return false;
                        }
                    }
                }
            }
            remaining = next;
        }
        for (String r : remaining) {
            if (!covered(action, r, conditions, ref)) {
                return false;
            }
        }
        return true;
    }

    /** Two patterns proved to share no instance: a literal the other does not match, or different literal prefixes. */
    private static boolean disjointLiterals(String a, String b) {
        if (literalPrefix(a) == a.length()) {
            return !GlobContainment.contains(b, a);
        }
        if (literalPrefix(b) == b.length()) {
            return !GlobContainment.contains(a, b);
        }
        int n = Math.min(literalPrefix(a), literalPrefix(b));
        return !a.substring(0, n).equals(b.substring(0, n));
    }

    private static int literalPrefix(String p) {
        int i = 0;
        while (i < p.length() && p.charAt(i) != '*' && p.charAt(i) != '?' && p.charAt(i) != '$') {
            i++;
        }
        return i;
    }

    private static boolean covered(String action, String resource, List<Condition> conditions, List<Statement> ref) {
        for (Statement t : ref) {
            if (t.actions() == null || t.resources() == null || t.principal() != null || t.notPrincipal() != null) {
                continue;
            }
            if (!t.conditions().isEmpty() && !sameConditions(t.conditions(), conditions)) {
                continue;
            }
            boolean a = t.actions().stream().anyMatch(p -> GlobContainment.contains(p.toLowerCase(Locale.ROOT), action));
            boolean r = t.resources().stream().anyMatch(p -> GlobContainment.contains(p, resource));
            if (a && r) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameConditions(List<Condition> a, List<Condition> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Condition x = a.get(i);
            Condition y = b.get(i);
            if (!x.operator().equals(y.operator()) || !x.key().equalsIgnoreCase(y.key()) || !x.values().equals(y.values())) {
                return false;
            }
        }
        return true;
    }
}
