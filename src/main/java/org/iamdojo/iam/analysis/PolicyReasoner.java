package org.iamdojo.iam.analysis;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.BasicAutomata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.iamdojo.iam.eval.AnalysisProbe;
import org.iamdojo.iam.eval.CompiledPolicy;
import org.iamdojo.iam.eval.RequestContext;
import org.iamdojo.iam.policy.Condition;
import org.iamdojo.iam.policy.ConditionOperator;
import org.iamdojo.iam.policy.ConditionOperator.Kind;
import org.iamdojo.iam.policy.Effect;
import org.iamdojo.iam.policy.PrincipalBlock;
import org.iamdojo.iam.policy.Statement;

/**
 * The decision procedure behind the Access Analyzer-style checks (issue 21): "is there a request that the
 * positive sides allow and the negative sides do not?", decided over <em>every</em> principal, action, resource
 * and context, not a sample.
 *
 * <p>How. A statement applies when each of its parts holds, and each part looks at one dimension of the request:
 * the action, the resource, the principal, or one context key. So per dimension it is enough to know a finite
 * set of <em>representative values</em> that realise every combination of the parts' answers: for strings
 * (Action, Resource, String*, Arn*, Bool) the Venn regions of the patterns' regular languages, computed with
 * {@code dk.brics.automaton} (one shortest word per non-empty region); for Numeric and Date operators the points and open
 * intervals between the policy constants; for IpAddress the blocks minus their sub-blocks (CIDR sets are
 * nested or disjoint); for a key's presence, Null and IfExists the absent value; for multi-valued keys
 * (ForAllValues/ForAnyValue) every set of representatives. Each representative's answers are asked of the
 * engine's own matchers ({@link AnalysisProbe}), so the encoding is the evaluator's. The reachable combinations
 * of statements are the products of the dimensions' answer vectors; a combination that satisfies the query
 * is turned back into a request and replayed through {@link org.iamdojo.iam.eval.Authorizer} by the caller.
 *
 * <p>What is not encoded exactly (policy variables, which tie one dimension to another; a key used by
 * condition families that mix, e.g. Numeric and String; Binary; a principal the engine cannot place) becomes a
 * free yes/no dimension of its own, shared by parts with the same text (which give the same answer for one
 * request): this only adds combinations, so a PASS is still a proof; a combination found that way is a FAIL only
 * when its replay confirms it, else UNKNOWN. Step and time limits give UNKNOWN, never a guess.
 */
public final class PolicyReasoner {
    /** How a side's policies are read: identity-based (no Principal) or resource-based (Principal checked). */
    public enum Mode { IDENTITY, RESOURCE }

    /** One side of the query: policies, how they are read, and whether the request must be allowed by them. */
    public record Side(List<CompiledPolicy> policies, Mode mode, boolean mustAllow) { }

    /** A found request: principal, action, resource, context, and the statement of the first side that allows it. */
    public record Witness(String principal, String action, String resource, Map<String, List<String>> context,
            int statementIndex, String statementId, boolean approximated) { }

    /** The outcome: witness (may be null = none exists), or undecided with a reason (in English and as {@code why}). */
    public record Outcome(Witness witness, boolean decided, boolean approximated, String reason, UnknownReason why) {
        /** A decided outcome, or an undecided one without a structured reason. */
        public Outcome(Witness witness, boolean decided, boolean approximated, String reason) {
            this(witness, decided, approximated, reason, null);
        }
    }

    /** Limits per check (a hostile policy ends as UNKNOWN, not a stall). */
    public static final int MAX_STATEMENTS = 63;
    static final int MAX_REGIONS = 512;
    static final int MAX_SET_CLASSES = 10;
    static final int MAX_COMBINATIONS = 200_000;
    static final long TIME_LIMIT_NANOS = 2_000_000_000L;

    /** The caller used when the sides are identity-based (the principal is then not a dimension). */
    public static final String IDENTITY_PRINCIPAL = "arn:aws:iam::111122223333:user/analyzer";

    private final List<Side> sides;
    private final List<String> fixedPrincipals;
    private final Map<String, List<String>> pinnedContext;
    private final long deadline;
    private boolean approximated;

    /** One statement of one side. */
    private record Ref(int side, CompiledPolicy policy, int policyIndex, int index, Statement st, int globalIndex) { }

    private final List<Ref> refs = new ArrayList<>();

    private PolicyReasoner(List<Side> sides, List<String> fixedPrincipals, Map<String, List<String>> pinned) {
        this.sides = sides;
        this.fixedPrincipals = fixedPrincipals;
        this.pinnedContext = pinned;
        this.deadline = System.nanoTime() + TIME_LIMIT_NANOS;
    }

    /**
     * Searches for a request that every {@code mustAllow} side allows and no other side allows.
     * {@code principals}: the callers to consider (null = every caller the policies tell apart);
     * {@code pinned}: context keys held at fixed values (a key mapped to an empty list is held absent).
     */
    public static Outcome search(List<Side> sides, List<String> principals, Map<String, List<String>> pinned) {
        try {
            return new PolicyReasoner(sides, principals, pinned == null ? Map.of() : pinned).run();
        } catch (Undecided u) {
            return new Outcome(null, false, true, u.getMessage(), u.why);
        }
    }

    /** Thrown inside when a limit is reached. */
    private static final class Undecided extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient UnknownReason why;

        Undecided(UnknownReason.Kind kind, Object... args) {
            this(UnknownReason.of(kind, args));
        }

        private Undecided(UnknownReason why) {
            super(why.english(), null, false, false);
            this.why = why;
        }
    }

    private void tick() {
        if (System.nanoTime() > deadline) {
            throw new Undecided(UnknownReason.Kind.TIME_LIMIT, TIME_LIMIT_NANOS / 1_000_000);
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private Outcome run() {
        for (int s = 0; s < sides.size(); s++) {
            List<CompiledPolicy> ps = sides.get(s).policies();
            for (int p = 0; p < ps.size(); p++) {
                CompiledPolicy cp = ps.get(p);
                List<Statement> sts = cp.document().statements();
                for (int i = 0; i < sts.size(); i++) {
                    refs.add(new Ref(s, cp, p, i, sts.get(i), refs.size()));
                }
            }
        }
        if (refs.size() > MAX_STATEMENTS) {
            throw new Undecided(UnknownReason.Kind.TOO_MANY_STATEMENTS, refs.size(), MAX_STATEMENTS);
        }
        // Dimensions: each a list of answer vectors (bit g = statement g's part on this dimension holds) with a
        // representative value per vector.
        List<Dimension> dims = new ArrayList<>();
        dims.add(principalDimension());
        dims.add(actionDimension());
        dims.add(resourceDimension());
        for (String key : conditionKeys()) {
            dims.add(keyDimension(key));
        }
        for (long mask : freeParts.values()) {
            Dimension free = new Dimension(null);
            long everything = refs.size() == 64 ? -1L : (1L << refs.size()) - 1;
            free.add(everything, null);
            free.add(everything & ~mask, null);
            dims.add(free);
        }
        // Reachable statement combinations: AND of one vector per dimension.
        long all = refs.size() == 64 ? -1L : (1L << refs.size()) - 1;
        long never = 0;
        for (Ref r : refs) {
            if (r.st().effect() == null) {
                never |= 1L << r.globalIndex();
            }
        }
        Map<Long, int[]> reach = new LinkedHashMap<>();
        reach.put(all & ~never, new int[0]);
        for (int d = 0; d < dims.size(); d++) {
            Dimension dim = dims.get(d);
            Map<Long, int[]> next = new LinkedHashMap<>();
            for (Map.Entry<Long, int[]> e : reach.entrySet()) {
                for (int v = 0; v < dim.vectors.size(); v++) {
                    long m = e.getKey() & dim.vectors.get(v);
                    if (!next.containsKey(m)) {
                        int[] choice = Arrays.copyOf(e.getValue(), d + 1);
                        choice[d] = v;
                        next.put(m, choice);
                        if (next.size() > MAX_COMBINATIONS) {
                            throw new Undecided(UnknownReason.Kind.TOO_MANY_COMBINATIONS, MAX_COMBINATIONS);
                        }
                    }
                }
                tick();
            }
            reach = next;
        }
        long[] allow = new long[sides.size()];
        long[] deny = new long[sides.size()];
        for (Ref r : refs) {
            if (r.st().effect() == Effect.ALLOW) {
                allow[r.side()] |= 1L << r.globalIndex();
            } else if (r.st().effect() == Effect.DENY) {
                deny[r.side()] |= 1L << r.globalIndex();
            }
        }
        for (Map.Entry<Long, int[]> e : reach.entrySet()) {
            long m = e.getKey();
            boolean ok = true;
            for (int s = 0; s < sides.size() && ok; s++) {
                boolean allowed = (m & allow[s]) != 0 && (m & deny[s]) == 0;
                ok = allowed == sides.get(s).mustAllow();
            }
            if (ok) {
                return new Outcome(witness(dims, e.getValue(), m & allow[0]), true, approximated, null);
            }
        }
        return new Outcome(null, true, approximated, null);
    }

    private Witness witness(List<Dimension> dims, int[] choice, long firstSideAllows) {
        String principal = (String) dims.get(0).values.get(choice[0]);
        String action = (String) dims.get(1).values.get(choice[1]);
        String resource = (String) dims.get(2).values.get(choice[2]);
        Map<String, List<String>> ctx = new LinkedHashMap<>(pinnedContext);
        ctx.values().removeIf(List::isEmpty);
        for (int d = 3; d < dims.size(); d++) {
            if (dims.get(d).key == null) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<String> v = (List<String>) dims.get(d).values.get(choice[d]);
            if (v != null) {
                ctx.put(dims.get(d).key, v);
            }
        }
        int idx = -1;
        String sid = null;
        for (Ref r : refs) {
            if ((firstSideAllows & (1L << r.globalIndex())) != 0) {
                idx = r.index();
                sid = r.st().sid();
                break;
            }
        }
        return new Witness(principal, action, resource, ctx, idx, sid, approximated);
    }

    /** Answer vectors and one representative value per vector. */
    private static final class Dimension {
        final String key;
        final List<Long> vectors = new ArrayList<>();
        final List<Object> values = new ArrayList<>();
        private final Set<Long> seen = new LinkedHashSet<>();

        Dimension(String key) {
            this.key = key;
        }

        void add(long vector, Object value) {
            if (seen.add(vector)) {
                vectors.add(vector);
                values.add(value);
            }
        }
    }

    /**
     * Parts not encoded exactly, by their text: each is a free yes/no, the same for the same text on both sides
     * (the same text gives the same answer for one request), so every real request is among the combinations.
     */
    private final Map<String, Long> freeParts = new LinkedHashMap<>();

    /** Registers a part that is not encoded exactly and returns the neutral answer (its own dimension decides). */
    private boolean free(Ref r, String part) {
        approximated = true;
        String k = r.policy().document().supportsPolicyVariables() + "|" + part;
        freeParts.merge(k, 1L << r.globalIndex(), (x, y) -> x | y);
        return true;
    }

    private boolean variables(Ref r, String text) {
        return r.policy().document().supportsPolicyVariables() && text.contains("${");
    }

    // --- principal ------------------------------------------------------------------------------------------

    private Dimension principalDimension() {
        Dimension dim = new Dimension(null);
        boolean anyResource = false;
        for (Side s : sides) {
            anyResource |= s.mode() == Mode.RESOURCE;
        }
        List<String> candidates = new ArrayList<>();
        if (fixedPrincipals != null) {
            candidates.addAll(fixedPrincipals);
        } else if (!anyResource) {
            candidates.add(IDENTITY_PRINCIPAL);
        } else {
            candidates.addAll(principalCandidates());
        }
        for (String p : candidates) {
            long v = 0;
            for (Ref r : refs) {
                boolean holds;
                if (sides.get(r.side()).mode() == Mode.IDENTITY) {
                    holds = true;
                } else {
                    try {
                        holds = AnalysisProbe.principal(r.policy(), r.index(), p);
                    } catch (IllegalArgumentException e) {
                        // a principal the engine cannot place without more facts: a free part of its own
                        holds = free(r, "principal|" + p + "|" + r.st().effect() + "|" + r.st().principal() + "|"
                                + r.st().notPrincipal());
                    }
                }
                if (holds) {
                    v |= 1L << r.globalIndex();
                }
            }
            dim.add(v, p);
        }
        return dim;
    }

    /**
     * Principal/NotPrincipal name values exactly ("*" aside): the callers they tell apart are each named ARN,
     * a user, a role and a role session in each named account, each named service or provider, a session of each
     * named role, an anonymous caller and a user of an account no policy names.
     */
    private List<String> principalCandidates() {
        Set<String> out = new LinkedHashSet<>();
        out.add("arn:aws:iam::999988887777:user/outsider");
        out.add("anonymous");
        Set<String> accounts = new TreeSet<>();
        for (Ref r : refs) {
            for (PrincipalBlock b : new PrincipalBlock[] {r.st().principal(), r.st().notPrincipal()}) {
                if (b == null) {
                    continue;
                }
                for (List<String> vs : b.values().values()) {
                    for (String v : vs) {
                        if (v.length() == 12 && v.chars().allMatch(Character::isDigit)) {
                            accounts.add(v);
                        } else if (v.startsWith("arn:")) {
                            out.add(v);
                            String[] parts = v.split(":", 6);
                            if (parts.length == 6) {
                                accounts.add(parts[4]);
                                if (parts[5].startsWith("role/")) {
                                    String name = parts[5].substring(parts[5].lastIndexOf('/') + 1);
                                    out.add("arn:" + parts[1] + ":sts::" + parts[4] + ":assumed-role/" + name
                                            + "/analyzer");
                                }
                            }
                        } else if (!"*".equals(v)) {
                            out.add(v);
                        }
                    }
                }
            }
        }
        for (String a : accounts) {
            if (a.isEmpty() || a.contains("*")) {
                continue;
            }
            out.add("arn:aws:iam::" + a + ":root");
            out.add("arn:aws:iam::" + a + ":user/analyzer");
            out.add("arn:aws:iam::" + a + ":role/analyzer");
        }
        return new ArrayList<>(out);
    }

    // --- action and resource ---------------------------------------------------------------------------------

    private Dimension actionDimension() {
        Dimension dim = new Dimension(null);
        List<String> patterns = new ArrayList<>();
        for (Ref r : refs) {
            List<String> a = r.st().actions() != null ? r.st().actions() : r.st().notActions();
            if (a != null) {
                for (String p : a) {
                    patterns.add(p.toLowerCase(Locale.ROOT));
                }
            }
        }
        String alphabet = alphabet(patterns, false) + ":";
        List<Automaton> langs = new ArrayList<>();
        for (String p : new LinkedHashSet<>(patterns)) {
            langs.add(glob(p));
        }
        for (String w : regions(langs, alphabet)) {
            long v = 0;
            for (Ref r : refs) {
                if (AnalysisProbe.action(r.policy(), r.index(), w)) {
                    v |= 1L << r.globalIndex();
                }
            }
            dim.add(v, w);
        }
        return dim;
    }

    private Dimension resourceDimension() {
        Dimension dim = new Dimension(null);
        List<String> patterns = new ArrayList<>();
        Map<Integer, String> approximate = new HashMap<>();
        for (Ref r : refs) {
            List<String> a = r.st().resources() != null ? r.st().resources() : r.st().notResources();
            if (a != null) {
                for (String p : a) {
                    if (variables(r, p)) {
                        approximate.put(r.globalIndex(), "resource|" + (r.st().resources() == null) + "|" + a);
                    } else {
                        patterns.add(p);
                    }
                }
            }
        }
        List<Automaton> langs = new ArrayList<>();
        for (String p : new LinkedHashSet<>(patterns)) {
            langs.add(arn(p));
        }
        String alphabet = alphabet(patterns, false) + ":arn";
        for (String w : regions(langs, alphabet)) {
            long v = 0;
            for (Ref r : refs) {
                boolean resourceSide = sides.get(r.side()).mode() == Mode.RESOURCE;
                String part = approximate.get(r.globalIndex());
                boolean holds = part != null ? free(r, part)
                        : AnalysisProbe.resource(r.policy(), r.index(), w, RequestContext.empty(), resourceSide);
                if (holds) {
                    v |= 1L << r.globalIndex();
                }
            }
            dim.add(v, w);
        }
        return dim;
    }

    // --- context keys ----------------------------------------------------------------------------------------

    private Set<String> conditionKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        for (Ref r : refs) {
            for (Condition c : r.st().conditions()) {
                keys.putIfAbsent(c.key().toLowerCase(Locale.ROOT), c.key());
            }
        }
        return new LinkedHashSet<>(keys.values());
    }

    private enum Group { STRINGS, NUMBER, DATE, IP, BINARY, NONE }

    private static Group group(Kind k) {
        if (k == null) {
            return Group.NONE;
        }
        return switch (k) {
            case STRING, STRING_IGNORE_CASE, STRING_LIKE, BOOL, ARN -> Group.STRINGS;
            case NUMERIC -> Group.NUMBER;
            case DATE -> Group.DATE;
            case IP_ADDRESS -> Group.IP;
            case BINARY -> Group.BINARY;
            case NULL -> Group.NONE;
        };
    }

    private Dimension keyDimension(String key) {
        tick();
        String lower = key.toLowerCase(Locale.ROOT);
        // The conditions on this key, and whether each is exact.
        List<Ref> condRefs = new ArrayList<>();
        List<Integer> condIdx = new ArrayList<>();
        Set<Group> groups = new LinkedHashSet<>();
        List<Condition> conds = new ArrayList<>();
        List<Boolean> hasVars = new ArrayList<>();
        for (Ref r : refs) {
            List<Condition> cs = r.st().conditions();
            for (int i = 0; i < cs.size(); i++) {
                Condition c = cs.get(i);
                if (!c.key().toLowerCase(Locale.ROOT).equals(lower)) {
                    continue;
                }
                ConditionOperator base = ConditionOperator.parse(c.operator()).base();
                boolean vars = false;
                for (String v : c.values()) {
                    vars |= variables(r, v);
                }
                condRefs.add(r);
                condIdx.add(i);
                conds.add(c);
                hasVars.add(vars);
                if (!vars && base != null) {
                    groups.add(group(base.kind()));
                }
            }
        }
        groups.remove(Group.NONE);
        Group g = groups.size() == 1 ? groups.iterator().next() : Group.NONE;
        boolean[] exact = new boolean[conds.size()];
        for (int i = 0; i < conds.size(); i++) {
            ConditionOperator base = ConditionOperator.parse(conds.get(i).operator()).base();
            Group cg = base == null ? Group.NONE : group(base.kind());
            exact[i] = !hasVars.get(i) && (base == null || cg == Group.NONE || cg == g) && g != Group.BINARY;
        }
        List<String> singles = new ArrayList<>(singleValues(g, conds, exact));
        Dimension dim = new Dimension(key);
        if (pinnedContext.containsKey(key)) {
            List<String> v = pinnedContext.get(key);
            dim.add(keyVector(key, v.isEmpty() ? null : v, condRefs, condIdx, exact), v.isEmpty() ? null : v);
            return dim;
        }
        dim.add(keyVector(key, null, condRefs, condIdx, exact), null);
        // Deduplicate single values by their condition answers; then every set of classes (multi-valued keys).
        Map<Long, String> classes = new LinkedHashMap<>();
        for (String s : singles) {
            long cv = condVector(key, List.of(s), condRefs, condIdx, exact);
            classes.putIfAbsent(cv, s);
        }
        List<String> reps = new ArrayList<>(classes.values());
        if (reps.size() > MAX_SET_CLASSES) {
            throw new Undecided(UnknownReason.Kind.TOO_MANY_VALUE_CLASSES, key, reps.size(), MAX_SET_CLASSES);
        }
        for (int mask = 1; mask < (1 << reps.size()); mask++) {
            List<String> set = new ArrayList<>();
            for (int i = 0; i < reps.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    set.add(reps.get(i));
                }
            }
            dim.add(keyVector(key, set, condRefs, condIdx, exact), set);
            if ((mask & 255) == 0) {
                tick();
            }
        }
        return dim;
    }

    /** Bit per condition on the key (in list order): whether it holds for these values. */
    private long condVector(String key, List<String> values, List<Ref> condRefs, List<Integer> condIdx,
            boolean[] exact) {
        RequestContext ctx = RequestContext.of(Map.of(key, values));
        long v = 0;
        for (int i = 0; i < condRefs.size() && i < 64; i++) {
            if (exact[i] && AnalysisProbe.condition(condRefs.get(i).policy(), condRefs.get(i).index(), condIdx.get(i),
                    ctx)) {
                v |= 1L << i;
            }
        }
        return v;
    }

    /** Statement vector: a statement's conditions on this key all hold (statements without any: true). */
    private long keyVector(String key, List<String> values, List<Ref> condRefs, List<Integer> condIdx,
            boolean[] exact) {
        RequestContext ctx = values == null ? RequestContext.empty() : RequestContext.of(Map.of(key, values));
        long all = refs.size() == 64 ? -1L : (1L << refs.size()) - 1;
        long v = all;
        for (int i = 0; i < condRefs.size(); i++) {
            Ref r = condRefs.get(i);
            Condition c = r.st().conditions().get(condIdx.get(i));
            boolean holds = exact[i] ? AnalysisProbe.condition(r.policy(), r.index(), condIdx.get(i), ctx)
                    : free(r, "condition|" + c.operator() + "|" + c.key().toLowerCase(Locale.ROOT) + "|" + c.values());
            if (!holds) {
                v &= ~(1L << r.globalIndex());
            }
        }
        return v;
    }

    /** Single values that realise every combination of the exact conditions' answers on a key. */
    private Set<String> singleValues(Group g, List<Condition> conds, boolean[] exact) {
        Set<String> out = new LinkedHashSet<>();
        out.add("x");
        List<String> vals = new ArrayList<>();
        List<Kind> kinds = new ArrayList<>();
        for (int i = 0; i < conds.size(); i++) {
            if (!exact[i]) {
                continue;
            }
            ConditionOperator base = ConditionOperator.parse(conds.get(i).operator()).base();
            for (String v : conds.get(i).values()) {
                vals.add(v);
                kinds.add(base == null ? Kind.NULL : base.kind());
            }
        }
        switch (g) {
            case STRINGS -> {
                List<Automaton> langs = new ArrayList<>();
                List<String> letters = new ArrayList<>();
                for (int i = 0; i < vals.size(); i++) {
                    String v = vals.get(i);
                    switch (kinds.get(i)) {
                        case STRING -> langs.add(Automaton.makeString(v));
                        case STRING_LIKE -> langs.add(glob(v));
                        case STRING_IGNORE_CASE, BOOL -> langs.add(ignoreCase(v));
                        case ARN -> langs.add(arn(v));
                        default -> { }
                    }
                    letters.add(v);
                    if (kinds.get(i) == Kind.STRING_IGNORE_CASE || kinds.get(i) == Kind.BOOL) {
                        letters.add(caseClosure(v));
                    }
                }
                out.addAll(regions(langs, alphabet(letters, false) + ":arn"));
            }
            case NUMBER -> {
                TreeSet<Double> cs = new TreeSet<>(Double::compare);
                for (String v : vals) {
                    double d = AnalysisProbe.number(v);
                    if (!Double.isNaN(d)) {
                        cs.add(d);
                    }
                }
                List<Double> pts = new ArrayList<>(cs);
                Set<Double> reps = new TreeSet<>(Double::compare);
                reps.add(0.0);
                reps.add(-0.0);
                reps.add(Double.NEGATIVE_INFINITY);
                reps.add(Double.POSITIVE_INFINITY);
                for (int i = 0; i < pts.size(); i++) {
                    double c = pts.get(i);
                    reps.add(c);
                    reps.add(Math.nextUp(c));
                    reps.add(Math.nextDown(c));
                    if (i + 1 < pts.size()) {
                        reps.add(c / 2 + pts.get(i + 1) / 2);
                    }
                }
                for (double d : reps) {
                    String s = d == Double.POSITIVE_INFINITY ? "1e400" : d == Double.NEGATIVE_INFINITY ? "-1e400"
                            : Double.toString(d);
                    if (Double.compare(AnalysisProbe.number(s), d) == 0) {
                        out.add(s);
                    }
                }
            }
            case DATE -> {
                TreeSet<Long> cs = new TreeSet<>();
                for (String v : vals) {
                    long d = AnalysisProbe.date(v);
                    if (d != Long.MIN_VALUE) {
                        cs.add(d);
                    }
                }
                List<Long> pts = new ArrayList<>(cs);
                Set<Long> reps = new TreeSet<>();
                reps.add(0L);
                for (int i = 0; i < pts.size(); i++) {
                    long c = pts.get(i);
                    reps.add(c);
                    reps.add(c - 1);
                    reps.add(c + 1);
                    if (i + 1 < pts.size()) {
                        reps.add(c / 2 + pts.get(i + 1) / 2);
                    }
                }
                for (long d : reps) {
                    String s = Instant.ofEpochMilli(d).toString();
                    if (AnalysisProbe.date(s) == d) {
                        out.add(s);
                    } else {
                        throw new Undecided(UnknownReason.Kind.DATE_NOT_WRITABLE, d);
                    }
                }
            }
            case IP -> {
                List<byte[]> reps = new ArrayList<>();
                reps.add(new byte[4]);
                reps.add(new byte[16]);
                for (String v : vals) {
                    byte[][] range = AnalysisProbe.cidrRange(v);
                    if (range != null) {
                        reps.add(range[0]);
                        reps.add(range[1]);
                        reps.add(step(range[0], -1));
                        reps.add(step(range[1], 1));
                    }
                }
                for (byte[] b : reps) {
                    if (b != null) {
                        String s = address(b);
                        if (!AnalysisProbe.isAddress(s, b)) {
                            throw new Undecided(UnknownReason.Kind.ADDRESS_NOT_WRITABLE, s);
                        }
                        out.add(s);
                    }
                }
            }
            default -> out.addAll(vals);
        }
        return out;
    }

    private static byte[] step(byte[] b, int delta) {
        byte[] r = b.clone();
        for (int i = r.length - 1; i >= 0; i--) {
            int v = (r[i] & 0xFF) + delta;
            r[i] = (byte) v;
            if (v >= 0 && v <= 255) {
                return r;
            }
        }
        return null; // wrapped around: no such address
    }

    private static String address(byte[] b) {
        StringBuilder sb = new StringBuilder();
        if (b.length == 4) {
            for (int i = 0; i < 4; i++) {
                sb.append(i == 0 ? "" : ".").append(b[i] & 0xFF);
            }
        } else {
            for (int i = 0; i < 16; i += 2) {
                sb.append(i == 0 ? "" : ":").append(Integer.toHexString(((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF)));
            }
        }
        return sb.toString();
    }

    // --- automata --------------------------------------------------------------------------------------------

    /**
     * One shortest word per non-empty Venn region of the languages, over the letters of the patterns plus one
     * fresh letter: the patterns tell characters apart only by equality with their own, so any word can be
     * rewritten into these letters without changing a single answer.
     */
    private List<String> regions(List<Automaton> langs, String letters) {
        char fresh = 'q';
        while (letters.indexOf(fresh) >= 0 && fresh < 0xFFFF) {
            fresh++;
        }
        Automaton universe = BasicAutomata.makeCharSet(letters + fresh).repeat();
        List<Automaton> parts = new ArrayList<>();
        parts.add(universe);
        Map<String, Boolean> done = new HashMap<>();
        // The same language twice splits nothing: keep one of each (patterns repeat across statements).
        Set<Automaton> distinct = new LinkedHashSet<>();
        distinct.addAll(langs);
        for (Automaton l : distinct) {
            tick();
            List<Automaton> next = new ArrayList<>();
            for (Automaton part : parts) {
                Automaton in = part.intersection(l);
                Automaton out = part.minus(l);
                if (!in.isEmpty()) {
                    next.add(in);
                }
                if (!out.isEmpty()) {
                    next.add(out);
                }
            }
            parts = next;
            if (parts.size() > MAX_REGIONS) {
                throw new Undecided(UnknownReason.Kind.TOO_MANY_REGIONS, MAX_REGIONS);
            }
        }
        List<String> words = new ArrayList<>();
        for (Automaton a : parts) {
            String w = a.getShortestExample(true);
            if (w != null && done.putIfAbsent(w, true) == null) {
                words.add(w);
            }
        }
        return words;
    }

    private static String alphabet(List<String> texts, boolean unused) {
        Set<Character> cs = new TreeSet<>();
        for (String t : texts) {
            for (char c : t.toCharArray()) {
                cs.add(c);
            }
        }
        StringBuilder sb = new StringBuilder();
        cs.forEach(sb::append);
        return sb.toString();
    }

    /** IAM wildcard text: '*' any run, '?' one character. */
    static Automaton glob(String p) {
        List<Automaton> seq = new ArrayList<>();
        for (char c : p.toCharArray()) {
            seq.add(c == '*' ? Automaton.makeAnyString() : c == '?' ? Automaton.makeAnyChar() : Automaton.makeChar(c));
        }
        return seq.isEmpty() ? Automaton.makeEmptyString() : Automaton.concatenate(seq);
    }

    /** Every character that String.equalsIgnoreCase takes for one of the text's characters. */
    private static final Map<Character, String> CASE_CLASSES = new ConcurrentHashMap<>();

    private static String caseClass(char c) {
        return CASE_CLASSES.computeIfAbsent(c, k -> {
            StringBuilder sb = new StringBuilder();
            String one = String.valueOf(k);
            for (int x = 0; x <= 0xFFFF; x++) {
                if (String.valueOf((char) x).equalsIgnoreCase(one)) {
                    sb.append((char) x);
                }
            }
            return sb.toString();
        });
    }

    private static String caseClosure(String v) {
        StringBuilder sb = new StringBuilder();
        for (char c : v.toCharArray()) {
            sb.append(caseClass(c));
        }
        return sb.toString();
    }

    private static Automaton ignoreCase(String v) {
        List<Automaton> seq = new ArrayList<>();
        for (char c : v.toCharArray()) {
            seq.add(BasicAutomata.makeCharSet(caseClass(c)));
        }
        return seq.isEmpty() ? Automaton.makeEmptyString() : Automaton.concatenate(seq);
    }

    /** Words with no ':' (an ARN segment before the resource part); operations copy it, never change it. */
    private static final Automaton SEGMENT = Automaton.makeAnyChar().minus(Automaton.makeChar(':')).repeat();
    /** The strings the engine reads as ARNs: "arn:" and at least five colons in all. */
    private static final Automaton ARN_SHAPE;

    static {
        Automaton colon = Automaton.makeChar(':');
        Automaton a = Automaton.concatenate(List.of(Automaton.makeString("arn"), colon, SEGMENT, colon, SEGMENT, colon,
                SEGMENT, colon, SEGMENT, colon, Automaton.makeAnyString()));
        a.minimize();
        ARN_SHAPE = a;
    }

    private static Automaton segment() {
        return SEGMENT;
    }

    private static Automaton arnShape() {
        return ARN_SHAPE;
    }

    /** Compiled ArnPattern languages by pattern text (bounded, like the engine's action pattern table). */
    private static final Map<String, Automaton> ARN_TABLE = new ConcurrentHashMap<>();

    /** The language of an ArnPattern (Resource element, Arn* conditions), as {@code policy.ArnPattern} matches. */
    static Automaton arn(String p) {
        Automaton a = ARN_TABLE.get(p);
        if (a == null) {
            a = buildArn(p);
            a.minimize();
            if (ARN_TABLE.size() >= 4096) {
                ARN_TABLE.clear();
            }
            ARN_TABLE.put(p, a);
        }
        return a;
    }

    private static Automaton buildArn(String p) {
        Automaton whole = glob(p);
        boolean onlyStars = !p.isEmpty() && p.chars().allMatch(c -> c == '*');
        if (onlyStars) {
            return Automaton.makeAnyString();
        }
        if (!p.startsWith("arn:")) {
            return whole;
        }
        Automaton isArn = arnShape();
        Automaton nonArn = whole.minus(isArn);
        List<String> segs = new ArrayList<>();
        int start = 0;
        while (segs.size() < 5) {
            int colon = p.indexOf(':', start);
            if (colon < 0) {
                break;
            }
            segs.add(p.substring(start, colon));
            start = colon + 1;
        }
        segs.add(p.substring(start));
        int n = segs.size();
        boolean expands = n < 6 && p.endsWith("*");
        if (n < 6 && !expands) {
            return nonArn;
        }
        List<Automaton> seq = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                seq.add(Automaton.makeChar(':'));
            }
            Automaton g = glob(segs.get(i));
            boolean last = i == n - 1;
            seq.add(last && (n == 6 || expands) ? g : g.intersection(segment()));
        }
        Automaton segmented = Automaton.concatenate(seq).intersection(isArn);
        return nonArn.union(segmented);
    }
}
