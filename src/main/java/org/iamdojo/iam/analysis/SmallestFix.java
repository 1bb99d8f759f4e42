package org.iamdojo.iam.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.iamdojo.iam.analysis.NoNewAccessCheck.Result;
import org.iamdojo.iam.analysis.ReferenceBoundCheck.Probe;
import org.iamdojo.iam.analysis.ReferenceBoundCheck.Verdict;
import org.iamdojo.iam.eval.AuthorizationRequest;
import org.iamdojo.iam.eval.CompiledPolicy;
import org.iamdojo.iam.policy.Condition;
import org.iamdojo.iam.policy.Effect;
import org.iamdojo.iam.policy.PolicyDocument;
import org.iamdojo.iam.policy.Statement;

/**
 * The "smallest fix" for a failed {@link ReferenceBoundCheck} (issue 21, item 5): a narrowing of the principal's own
 * policies that makes the check PASS, proved by running the check again on the narrowed policies. Never a guess: a
 * suggestion exists only with that PASS; otherwise none, with the reason.
 *
 * <p>How. The statement the counterexample came from is narrowed by the first of these candidates, in order of how
 * much of the learner's statement they keep, that is proved within the reference <em>on its own</em> (with its
 * policy's Deny statements): (1) its Resource list narrowed to the reference's resources for its actions, (2) the
 * reference's condition added, (3) its Action list narrowed to the reference's actions on its resources, (4) the
 * statement split into one statement per reference statement it overlaps (actions and resources of both), (5) the
 * statement removed. Each statement fixed so is within the reference, so the rounds end; the check on the whole
 * narrowed set is the proof. Limits on rounds, checks and time give "none found", never an unproved fix.
 */
public final class SmallestFix {
    /** How a statement was changed. */
    public enum Kind {
        /** The Resource list narrowed (NotResource replaced). */
        NARROW_RESOURCES,
        /** The reference's Condition block added. */
        ADD_CONDITION,
        /** The Action list narrowed (NotAction replaced). */
        NARROW_ACTIONS,
        /** Split into statements of the reference's actions and resources. */
        SPLIT,
        /** The statement removed. */
        REMOVE_STATEMENT
    }

    /** One statement changed: the policy (id), its 0-based index, Sid, how, and the JSON before and after. */
    public record Change(String policyId, int statementIndex, String statementId, Kind kind, String before,
            List<String> after) {
        /** Copies the list. */
        public Change {
            after = List.copyOf(after);
        }
    }

    /**
     * The suggestion: {@code found} with the changes, each changed policy's new document (by policy id, in AWS's
     * JSON) and the check's PASS on them ({@code proof}); else the reason none is suggested.
     */
    public record Suggestion(boolean found, String message, List<Change> changes, Map<String, String> documents,
            Verdict proof) {
        /** Copies the collections. */
        public Suggestion {
            changes = List.copyOf(changes);
            documents = Map.copyOf(documents);
        }

        static Suggestion none(String message) {
            return new Suggestion(false, message, List.of(), Map.of(), null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CHECKS = 60;
    private static final long MAX_NANOS = 4_000_000_000L;
    private final ReferenceBoundCheck bound;

    /** A fix finder that proves with {@code bound}. */
    public SmallestFix(ReferenceBoundCheck bound) {
        this.bound = bound;
    }

    /**
     * A proved narrowing after {@code failed} (a FAIL of {@code bound.check} with the same arguments), changing only
     * policies whose id {@code editable} accepts. {@code replay} builds the principal's real request for a probe, as
     * for the check; the narrowed policies take the place of those with the same id in it.
     */
    public Suggestion suggest(List<CompiledPolicy> reference, List<CompiledPolicy> granted, CompiledPolicy boundary,
            Set<String> scope, Function<Probe, AuthorizationRequest> replay, Verdict failed, Predicate<String> editable) {
        if (failed.result() != Result.FAIL) {
            return Suggestion.none("The check did not fail; there is nothing to fix.");
        }
        List<Statement> ref = new ArrayList<>();
        reference.forEach(p -> ref.addAll(p.document().statements()));
        if (ref.stream().anyMatch(t -> t.effect() != Effect.ALLOW || t.actions() == null || t.resources() == null)) {
            return Suggestion.none("The reference has Deny, NotAction or NotResource statements; a fix is suggested "
                    + "only against Allow statements with Action and Resource.");
        }
        long deadline = System.nanoTime() + MAX_NANOS;
        int[] checks = {0};
        List<CompiledPolicy> current = new ArrayList<>(granted);
        // Per policy id: for each current statement, the index it had in the learner's policy (-1 = added by a split).
        Map<String, List<Integer>> origin = new LinkedHashMap<>();
        Map<String, Change> changes = new LinkedHashMap<>();
        Verdict v = failed;
        while (v.result() == Result.FAIL) {
            if (v.policyId() == null || v.statementIndex() < 0) {
                return Suggestion.none("The counterexample is allowed by no single statement, so no one statement "
                        + "can be narrowed.");
            }
            if (!editable.test(v.policyId())) {
                return Suggestion.none("The access comes from " + v.policyId() + ", which cannot be edited here.");
            }
            int at = indexOf(current, v.policyId());
            CompiledPolicy policy = current.get(at);
            Statement s = policy.document().statements().get(v.statementIndex());
            List<Integer> from = origin.computeIfAbsent(policy.id(), k -> indices(policy));
            List<Statement> chosen = null;
            Kind kind = null;
            for (Map.Entry<Kind, List<Statement>> cand : candidates(s, ref, scope).entrySet()) {
                if (++checks[0] > MAX_CHECKS || System.nanoTime() > deadline) {
                    return Suggestion.none("No fix was proved within the limit (" + MAX_CHECKS + " checks or "
                            + MAX_NANOS / 1_000_000 + " ms).");
                }
                if (provedAlone(reference, policy, cand.getValue(), boundary, scope, replay)) {
                    chosen = cand.getValue();
                    kind = cand.getKey();
                    break;
                }
            }
            if (chosen == null) {
                return Suggestion.none("No narrowing of statement " + (v.statementIndex() + 1) + " of " + policy.id()
                        + " was proved within the reference.");
            }
            int origIndex = from.get(v.statementIndex());
            CompiledPolicy narrowed = replaced(policy, v.statementIndex(), chosen);
            List<Integer> nextFrom = new ArrayList<>(from.subList(0, v.statementIndex()));
            for (int k = 0; k < chosen.size(); k++) {
                nextFrom.add(k == 0 ? origIndex : -1);
            }
            nextFrom.addAll(from.subList(v.statementIndex() + 1, from.size()));
            origin.put(policy.id(), nextFrom);
            current.set(at, narrowed);
            String key = policy.id() + "#" + origIndex;
            Change earlier = changes.get(key);
            changes.put(key, new Change(policy.id(), origIndex, s.sid(), kind,
                    earlier != null ? earlier.before() : statementJson(s), chosen.stream().map(SmallestFix::statementJson).toList()));
            if (++checks[0] > MAX_CHECKS || System.nanoTime() > deadline) {
                return Suggestion.none("No fix was proved within the limit (" + MAX_CHECKS + " checks or "
                        + MAX_NANOS / 1_000_000 + " ms).");
            }
            List<CompiledPolicy> trial = List.copyOf(current);
            v = bound.check(reference, trial, boundary, scope, probe -> substituted(replay.apply(probe), trial, false));
        }
        if (v.result() != Result.PASS) {
            return Suggestion.none("The narrowed policies could not be proved within the reference: " + v.message());
        }
        Map<String, String> documents = new LinkedHashMap<>();
        for (CompiledPolicy p : current) {
            if (origin.containsKey(p.id())) {
                documents.put(p.id(), documentJson(p.document()));
            }
        }
        return new Suggestion(true, v.message(), List.copyOf(changes.values()), documents, v);
    }

    /** The statement's replacement, with its policy's Deny statements, alone is proved within the reference. */
    private boolean provedAlone(List<CompiledPolicy> reference, CompiledPolicy policy, List<Statement> replacement,
            CompiledPolicy boundary, Set<String> scope, Function<Probe, AuthorizationRequest> replay) {
        List<Statement> alone = new ArrayList<>(replacement);
        policy.document().statements().stream().filter(x -> x.effect() == Effect.DENY).forEach(alone::add);
        List<CompiledPolicy> only = List.of(CompiledPolicy.compile(new PolicyDocument(policy.document().version(), null,
                alone, true, null), policy.id()));
        Verdict v = bound.check(reference, only, boundary, scope, probe -> substituted(replay.apply(probe), only, true));
        return v.result() == Result.PASS;
    }

    /**
     * The real request with {@code policies} in place of its identity policies of the same id; {@code only}: in place
     * of all of them, and without the resource's policy (so nothing but these grants).
     */
    static AuthorizationRequest substituted(AuthorizationRequest real, List<CompiledPolicy> policies, boolean only) {
        List<CompiledPolicy> identity;
        if (only) {
            identity = policies;
        } else {
            Map<String, CompiledPolicy> byId = new LinkedHashMap<>();
            policies.forEach(p -> byId.put(p.id(), p));
            identity = real.identityPolicies().stream().map(p -> byId.getOrDefault(p.id(), p)).toList();
        }
        return new AuthorizationRequest(real.principal(), real.action(), real.resource(), real.resourceAccount(),
                real.context(), identity, real.permissionsBoundary(), real.sessionPolicy(),
                only ? null : real.resourcePolicy(), real.scps(), real.rcps(), real.sessionIssuer(),
                real.awsManagedResource());
    }

    /** The candidate replacements of one Allow statement, most of it kept first; the last one removes it. */
    static Map<Kind, List<Statement>> candidates(Statement s, List<Statement> ref, Set<String> scope) {
        Map<Kind, List<Statement>> out = new LinkedHashMap<>();
        List<String> actions = s.actions() != null ? s.actions() : List.of("*");
        List<String> resources = s.resources() != null ? s.resources() : List.of("*");
        List<String> kept = new ArrayList<>();
        List<String> asked = new ArrayList<>();
        for (String a : actions) {
            (outOfScope(a, scope) ? kept : asked).add(a);
        }
        // Out-of-scope actions are not what the check asks about: they stay as they were.
        Statement untouched = kept.isEmpty() ? null : with(s, kept, s.notActions() == null ? s.resources() : resources,
                s.notResources(), s.conditions());
        List<Statement> touching = ref.stream().filter(t -> t.actions().stream().anyMatch(p -> asked.stream()
                .anyMatch(a -> overlap(p, a, true) != null))).toList();

        // 1. Same actions, resources narrowed to the reference's for them.
        if (s.actions() != null && !touching.isEmpty()) {
            Set<String> narrowed = new LinkedHashSet<>();
            List<Condition> conditions = null;
            for (Statement t : touching) {
                for (String r : resources) {
                    for (String p : t.resources()) {
                        String both = overlap(p, r, false);
                        if (both != null) {
                            narrowed.add(both);
                        }
                    }
                }
                conditions = conditions == null ? t.conditions() : conditions.equals(t.conditions()) ? conditions : s.conditions();
            }
            List<Condition> cond = conditions == null || !s.conditions().isEmpty() ? s.conditions() : conditions;
            if (!narrowed.isEmpty() && !List.copyOf(narrowed).equals(s.resources())) {
                out.put(Kind.NARROW_RESOURCES, join(with(s, asked, List.copyOf(narrowed), null, cond), untouched));
            }
        }
        // 2. The reference's condition added (same actions and resources).
        if (s.conditions().isEmpty()) {
            for (Statement t : touching) {
                if (!t.conditions().isEmpty()) {
                    out.put(Kind.ADD_CONDITION, join(with(s, s.actions(), s.resources(), s.notResources(), t.conditions(),
                            s.notActions()), null));
                    break;
                }
            }
        }
        // 3. Same resources, actions narrowed to those the reference allows on them.
        Set<String> narrowedActions = new LinkedHashSet<>();
        for (Statement t : ref) {
            boolean coversResources = resources.stream().allMatch(r -> t.resources().stream()
                    .anyMatch(p -> GlobContainment.contains(p, r)));
            if (coversResources) {
                for (String a : asked) {
                    for (String p : t.actions()) {
                        String both = overlap(p, a, true);
                        if (both != null && !excluded(both, s.notActions())) {
                            narrowedActions.add(both);
                        }
                    }
                }
            }
        }
        if (!narrowedActions.isEmpty()) {
            List<String> all = new ArrayList<>(narrowedActions);
            all.addAll(kept);
            out.put(Kind.NARROW_ACTIONS, List.of(with(s, all, s.resources(), s.notResources(), s.conditions())));
        }
        // 4. One statement per reference statement it overlaps.
        List<Statement> split = new ArrayList<>();
        for (Statement t : touching) {
            Set<String> as = new LinkedHashSet<>();
            for (String a : asked) {
                for (String p : t.actions()) {
                    String both = overlap(p, a, true);
                    if (both != null && !excluded(both, s.notActions())) {
                        as.add(both);
                    }
                }
            }
            Set<String> rs = new LinkedHashSet<>();
            for (String r : resources) {
                for (String p : t.resources()) {
                    String both = overlap(p, r, false);
                    if (both != null && !excluded(both, s.notResources())) {
                        rs.add(both);
                    }
                }
            }
            if (!as.isEmpty() && !rs.isEmpty()) {
                List<Condition> cond = s.conditions().isEmpty() ? t.conditions() : s.conditions();
                split.add(new Statement(split.isEmpty() ? s.sid() : null, Effect.ALLOW, "Allow", null, null,
                        List.copyOf(as), null, List.copyOf(rs), null, cond, null, null));
            }
        }
        if (!split.isEmpty()) {
            if (untouched != null) {
                split.add(untouched);
            }
            out.put(Kind.SPLIT, split);
        }
        // 5. Removed (only its out-of-scope actions, if any, stay).
        out.put(Kind.REMOVE_STATEMENT, untouched == null ? List.of() : List.of(untouched));
        return out;
    }

    private static List<Statement> join(Statement a, Statement b) {
        return b == null ? List.of(a) : List.of(a, b);
    }

    private static Statement with(Statement s, List<String> actions, List<String> resources, List<String> notResources,
            List<Condition> conditions) {
        return with(s, actions, resources, notResources, conditions, null);
    }

    private static Statement with(Statement s, List<String> actions, List<String> resources, List<String> notResources,
            List<Condition> conditions, List<String> notActions) {
        return new Statement(s.sid(), s.effect(), s.effectText(), null, null, actions, notActions,
                resources, resources == null ? notResources : null, conditions, null, null);
    }

    /** A pattern outside the scope's services (a literal service prefix not in it). */
    private static boolean outOfScope(String action, Set<String> scope) {
        if (scope.isEmpty()) {
            return false;
        }
        int colon = action.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String service = action.substring(0, colon).toLowerCase(Locale.ROOT);
        return service.indexOf('*') < 0 && service.indexOf('?') < 0 && !scope.contains(service);
    }

    /** The narrower of two patterns when one contains the other (actions compared in lower case), else null. */
    private static String overlap(String reference, String learner, boolean action) {
        String r = action ? reference.toLowerCase(Locale.ROOT) : reference;
        String l = action ? learner.toLowerCase(Locale.ROOT) : learner;
        if (GlobContainment.contains(r, l)) {
            return learner;
        }
        if (GlobContainment.contains(l, r)) {
            return reference;
        }
        return null;
    }

    private static boolean excluded(String pattern, List<String> not) {
        return not != null && not.stream().anyMatch(n -> GlobContainment.contains(n.toLowerCase(Locale.ROOT),
                pattern.toLowerCase(Locale.ROOT)));
    }

    private static int indexOf(List<CompiledPolicy> policies, String id) {
        for (int i = 0; i < policies.size(); i++) {
            if (Objects.equals(policies.get(i).id(), id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("No policy " + id + " among the principal's policies");
    }

    private static List<Integer> indices(CompiledPolicy p) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < p.document().statements().size(); i++) {
            out.add(i);
        }
        return out;
    }

    private static CompiledPolicy replaced(CompiledPolicy p, int index, List<Statement> with) {
        List<Statement> statements = new ArrayList<>(p.document().statements());
        statements.remove(index);
        statements.addAll(index, with);
        return CompiledPolicy.compile(new PolicyDocument(p.document().version(), p.document().id(), statements, true,
                null), p.id());
    }

    /** A policy document in AWS's JSON shape. */
    public static String documentJson(PolicyDocument d) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("Version", d.version() == null ? PolicyDocument.VERSION_2012 : d.version());
        if (d.id() != null) {
            doc.put("Id", d.id());
        }
        ArrayNode statements = doc.putArray("Statement");
        d.statements().forEach(s -> statements.add(statementNode(s)));
        return doc.toString();
    }

    /** One statement (identity-policy elements) in AWS's JSON shape. */
    public static String statementJson(Statement s) {
        return statementNode(s).toString();
    }

    private static ObjectNode statementNode(Statement s) {
        ObjectNode n = JSON.createObjectNode();
        if (s.sid() != null) {
            n.put("Sid", s.sid());
        }
        n.put("Effect", s.effectText() != null ? s.effectText() : s.effect() == Effect.DENY ? "Deny" : "Allow");
        list(n, "Action", s.actions());
        list(n, "NotAction", s.notActions());
        list(n, "Resource", s.resources());
        list(n, "NotResource", s.notResources());
        if (!s.conditions().isEmpty()) {
            ObjectNode block = n.putObject("Condition");
            for (Condition c : s.conditions()) {
                ObjectNode op = block.has(c.operator()) ? (ObjectNode) block.get(c.operator()) : block.putObject(c.operator());
                if (c.values().size() == 1) {
                    op.put(c.key(), c.values().get(0));
                } else {
                    ArrayNode vs = op.putArray(c.key());
                    c.values().forEach(vs::add);
                }
            }
        }
        return n;
    }

    private static void list(ObjectNode n, String name, List<String> values) {
        if (values == null) {
            return;
        }
        if (values.size() == 1) {
            n.put(name, values.get(0));
        } else {
            ArrayNode a = n.putArray(name);
            values.forEach(a::add);
        }
    }
}
