package org.iamdojo.iam.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.iamdojo.iam.analysis.NoNewAccessCheck.PolicyType;
import org.iamdojo.iam.analysis.PolicyReasoner.Mode;
import org.iamdojo.iam.analysis.PolicyReasoner.Outcome;
import org.iamdojo.iam.analysis.PolicyReasoner.Side;
import org.iamdojo.iam.analysis.PolicyReasoner.Witness;
import org.iamdojo.iam.eval.AuthorizationRequest;
import org.iamdojo.iam.eval.CompiledPolicy;
import org.iamdojo.iam.policy.Effect;
import org.iamdojo.iam.policy.PolicyDocument;
import org.iamdojo.iam.policy.Statement;
import org.iamdojo.iam.policy.catalog.ActionCatalog;
import org.iamdojo.iam.policy.catalog.ActionInfo;

/**
 * The whole difference between two policies as a few rows a learner can read: "what the new policy allows and
 * the existing one does not" (the question of CheckNoNewAccess,
 * https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoNewAccess.html), described as action
 * pattern × resource pattern (× the statement's conditions) less exceptions, each row <em>proved</em>.
 *
 * <p>How the rows are made. For each Allow statement of the new policy and each of its action patterns × resource
 * patterns (a NotAction or NotResource list stays one piece), a <em>row policy</em> is built: an Allow with that
 * piece and the statement's own Principal and conditions, followed by one Deny per statement that takes part of it
 * away — each Allow statement of the existing policy that overlaps the piece (copied with its conditions, so
 * exactly its region is removed) and each Deny statement of the new policy that overlaps it. The requests the row
 * policy allows are the row. A row is shown only when {@link PolicyReasoner} proves, over every request, that the
 * row policy allows nothing the new policy denies and nothing the existing policy allows, and finds a request in it
 * (so no empty rows); the proof does not trust the construction. Rows already covered by earlier rows are left out.
 * At most {@link #MAX_ROWS} rows; a last proof says whether the rows are the whole difference ({@link
 * Coverage#COMPLETE}), or gives a request of the difference outside every row ({@link Coverage#MORE}: the cap, a
 * Deny of the existing policy, or a piece that could not be proved), or could not decide ({@link
 * Coverage#NOT_PROVED}).
 */
public final class AccessDifference {
    /** At most this many rows are described. */
    public static final int MAX_ROWS = 6;
    static final long TIME_LIMIT_NANOS = 8_000_000_000L;
    private static final String[] FILLERS = {"example-other-bucket/report.txt", "example-other", "x", ""};

    /** Where an exception of a row comes from. */
    public enum Source { EXISTING_ALLOW, NEW_DENY }

    /** A part taken out of a row: a statement (its index and Sid in its policy) whose region is removed. */
    public record Except(Source source, int statementIndex, String statementId, Statement statement,
            boolean coversRowActions) { }

    /**
     * One proved row: the new policy's statement (index, Sid) and its piece — Principal (resource policies),
     * actions or NotActions, resources or NotResources (null: the element is absent), the statement's conditions
     * — less the exceptions; {@code policy} allows exactly the row's requests; {@code example} is one of them,
     * replayed through the engine (allowed by the new policy, not by the existing one).
     */
    public record Row(int statementIndex, String statementId, Statement piece, List<Except> exceptions,
            CompiledPolicy policy, AuthorizationRequest example) {
        /** The row's action patterns (or NotAction patterns when {@link #notAction()}). */
        public List<String> actions() {
            return piece.actions() != null ? piece.actions() : piece.notActions();
        }

        /** True when the row is every action except {@link #actions()}. */
        public boolean notAction() {
            return piece.actions() == null;
        }

        /** The row's resource patterns (or NotResource patterns when {@link #notResource()}); null when absent. */
        public List<String> resources() {
            return piece.resources() != null ? piece.resources() : piece.notResources();
        }

        /** True when the row is every resource except {@link #resources()}. */
        public boolean notResource() {
            return piece.resources() == null && piece.notResources() != null;
        }
    }

    /** Whether the rows are the whole difference. */
    public enum Coverage { COMPLETE, MORE, NOT_PROVED }

    /**
     * The rows and how much of the difference they cover; {@code outside} is a request of the difference that no
     * row describes (for MORE), {@code reason} why coverage could not be decided (for NOT_PROVED, also why the rows
     * stopped early for MORE), in English and as {@code why} for a page to translate.
     */
    public record Result(List<Row> rows, Coverage coverage, AuthorizationRequest outside, String reason,
            UnknownReason why) {
        /** A result whose reason (if any) is {@code why}. */
        Result(List<Row> rows, Coverage coverage, AuthorizationRequest outside, UnknownReason why) {
            this(rows, coverage, outside, why == null ? null : why.english(), why);
        }
    }

    private final ActionCatalog catalog;
    private final NoNewAccessCheck replay = new NoNewAccessCheck();

    /** A describer that picks readable example actions from {@code catalog}. */
    public AccessDifference(ActionCatalog catalog) {
        this.catalog = catalog;
    }

    /** The difference "allowed by {@code proposed}, not by {@code existing}", read as identity or resource policies. */
    public Result compute(CompiledPolicy existing, CompiledPolicy proposed, PolicyType type) {
        Mode mode = type == PolicyType.RESOURCE_POLICY ? Mode.RESOURCE : Mode.IDENTITY;
        long deadline = System.nanoTime() + TIME_LIMIT_NANOS;
        List<Row> rows = new ArrayList<>();
        List<Statement> news = proposed.document().statements();
        List<Statement> olds = existing.document().statements();
        String version = proposed.document().version();
        for (int i = 0; i < news.size(); i++) {
            Statement s = news.get(i);
            if (s.effect() != Effect.ALLOW) {
                continue;
            }
            for (Statement piece : pieces(s)) {
                if (System.nanoTime() > deadline) {
                    return finish(rows, existing, proposed, mode, UnknownReason.of(
                            UnknownReason.Kind.DESCRIPTION_TIME_LIMIT, TIME_LIMIT_NANOS / 1_000_000));
                }
                if (rows.size() == MAX_ROWS) {
                    return finish(rows, existing, proposed, mode, null);
                }
                Row row = row(i, s, piece, olds, news, version, existing, proposed, mode, rows);
                if (row != null) {
                    rows.add(row);
                }
            }
        }
        return finish(rows, existing, proposed, mode, null);
    }

    /** The statement split into action pattern × resource pattern pieces (Not-lists stay whole). */
    private static List<Statement> pieces(Statement s) {
        List<List<String>> actionParts = new ArrayList<>();
        if (s.actions() != null) {
            for (String a : new LinkedHashSet<>(s.actions())) {
                actionParts.add(List.of(a));
            }
        } else {
            actionParts.add(s.notActions());
        }
        List<List<String>> resourceParts = new ArrayList<>();
        if (s.resources() != null) {
            for (String r : new LinkedHashSet<>(s.resources())) {
                resourceParts.add(List.of(r));
            }
        } else {
            resourceParts.add(s.notResources());
        }
        List<Statement> out = new ArrayList<>();
        for (List<String> a : actionParts) {
            for (List<String> r : resourceParts) {
                out.add(new Statement(s.sid(), Effect.ALLOW, "Allow", s.principal(), s.notPrincipal(),
                        s.actions() != null ? a : null, s.actions() != null ? null : a,
                        s.resources() != null ? r : null, s.resources() != null ? null : r, s.conditions(), null, null));
            }
        }
        return out;
    }

    private Row row(int index, Statement s, Statement piece, List<Statement> olds, List<Statement> news,
            String version, CompiledPolicy existing, CompiledPolicy proposed, Mode mode, List<Row> before) {
        CompiledPolicy alone = policy(version, List.of(piece), "row");
        List<Except> excepts = new ArrayList<>();
        List<Statement> statements = new ArrayList<>();
        statements.add(piece);
        for (int j = 0; j < olds.size(); j++) {
            Statement e = olds.get(j);
            if (e.effect() == Effect.ALLOW && overlaps(alone, e, existing.document().version(), mode)) {
                excepts.add(new Except(Source.EXISTING_ALLOW, j, e.sid(), e, coversActions(e, piece)));
                statements.add(asDeny(e));
            }
        }
        for (int j = 0; j < news.size(); j++) {
            Statement d = news.get(j);
            if (d.effect() == Effect.DENY && overlaps(alone, d, version, mode)) {
                excepts.add(new Except(Source.NEW_DENY, j, d.sid(), d, coversActions(d, piece)));
                statements.add(d);
            }
        }
        if (statements.size() + proposed.document().statements().size() > PolicyReasoner.MAX_STATEMENTS) {
            return null;
        }
        CompiledPolicy rowPolicy = policy(version, statements, "difference-row");
        Outcome some = PolicyReasoner.search(List.of(new Side(List.of(rowPolicy), mode, true)), null, Map.of());
        if (!some.decided() || some.witness() == null) {
            return null; // empty, or not decided: nothing proved to show
        }
        if (!proved(List.of(new Side(List.of(rowPolicy), mode, true), new Side(List.of(proposed), mode, false)))
                || !proved(List.of(new Side(List.of(rowPolicy), mode, true), new Side(List.of(existing), mode, true)))) {
            return null;
        }
        if (!before.isEmpty()) {
            List<Side> sides = new ArrayList<>();
            sides.add(new Side(List.of(rowPolicy), mode, true));
            for (Row r : before) {
                sides.add(new Side(List.of(r.policy()), mode, false));
            }
            if (proved(sides)) {
                return null; // already described by the rows before it
            }
        }
        AuthorizationRequest example = example(rowPolicy, piece, some.witness(), existing, proposed, mode);
        return new Row(index, s.sid(), piece, List.copyOf(excepts), rowPolicy, example);
    }

    /** True when the search is decided and finds no request: a proof that none exists. */
    private static boolean proved(List<Side> sides) {
        if (sides.stream().mapToInt(x -> x.policies().get(0).document().statements().size()).sum()
                > PolicyReasoner.MAX_STATEMENTS) {
            return false;
        }
        Outcome o = PolicyReasoner.search(sides, null, Map.of());
        return o.decided() && o.witness() == null;
    }

    /** Whether statement {@code other}, read as an Allow without its conditions, shares a request with the piece. */
    private static boolean overlaps(CompiledPolicy piece, Statement other, String version, Mode mode) {
        Statement loose = new Statement(other.sid(), Effect.ALLOW, "Allow", other.principal(), other.notPrincipal(),
                other.actions(), other.notActions(), other.resources(), other.notResources(), List.of(), null, null);
        Outcome o = PolicyReasoner.search(List.of(new Side(List.of(piece), mode, true),
                new Side(List.of(policy(version, List.of(loose), "other")), mode, true)), null, Map.of());
        // Not decided: keep it (an extra exception only narrows the row, and the row's proofs still decide).
        return !o.decided() || o.witness() != null;
    }

    private static Statement asDeny(Statement e) {
        return new Statement(e.sid(), Effect.DENY, "Deny", e.principal(), e.notPrincipal(), e.actions(),
                e.notActions(), e.resources(), e.notResources(), e.conditions(), null, null);
    }

    /** True when every action of the piece is proved to be among the statement's actions (so only its resources matter). */
    private static boolean coversActions(Statement e, Statement piece) {
        if (piece.actions() == null) {
            return e.actions() != null && e.actions().contains("*");
        }
        for (String a : piece.actions()) {
            String lower = a.toLowerCase(Locale.ROOT);
            boolean covered = e.actions() != null
                    ? e.actions().stream().anyMatch(p -> GlobContainment.contains(p.toLowerCase(Locale.ROOT), lower))
                    : e.notActions().stream().noneMatch(n -> mayOverlap(n.toLowerCase(Locale.ROOT), lower));
            if (!covered) {
                return false;
            }
        }
        return true;
    }

    /** False only when the two action patterns surely share no action (sound for "no overlap"). */
    private static boolean mayOverlap(String a, String b) {
        return !PolicyReasoner.glob(a).intersection(PolicyReasoner.glob(b)).isEmpty();
    }

    private static CompiledPolicy policy(String version, List<Statement> statements, String id) {
        return CompiledPolicy.compile(new PolicyDocument(version, null, statements, true, null), id);
    }

    /**
     * A readable request of the row: a catalogued action of the pattern and the pattern's wildcards filled with
     * plain words, when the engine allows it under the row and the new policy and not under the existing one;
     * else the reasoner's own request, replayed the same way; null when neither replays.
     */
    private AuthorizationRequest example(CompiledPolicy rowPolicy, Statement piece, Witness w,
            CompiledPolicy existing, CompiledPolicy proposed, Mode mode) {
        Set<String> actions = new LinkedHashSet<>();
        if (piece.actions() != null) {
            for (String a : piece.actions()) {
                if (a.indexOf('*') < 0 && a.indexOf('?') < 0) {
                    actions.add(a);
                } else {
                    catalog.matching(a).stream().limit(4).map(ActionInfo::fullName).forEach(actions::add);
                }
            }
        }
        actions.add(w.action());
        Set<String> resources = new LinkedHashSet<>();
        if (piece.resources() != null) {
            for (String r : piece.resources()) {
                if (r.contains("${")) {
                    continue;
                }
                for (String f : FILLERS) {
                    resources.add(r.replace("?", "x").replace("*", f));
                }
            }
        }
        resources.add(w.resource());
        for (String a : actions) {
            for (String r : resources) {
                Witness c = new Witness(w.principal(), a, r, w.context(), w.statementIndex(), w.statementId(), false);
                AuthorizationRequest req = replays(c, rowPolicy, existing, proposed, mode);
                if (req != null) {
                    return req;
                }
            }
        }
        return null;
    }

    private AuthorizationRequest replays(Witness w, CompiledPolicy rowPolicy, CompiledPolicy existing,
            CompiledPolicy proposed, Mode mode) {
        AuthorizationRequest req = NoNewAccessCheck.request(w, List.of(proposed), mode);
        boolean ok = replay.allows(req, List.of(rowPolicy), mode) && replay.allows(req, List.of(proposed), mode)
                && !replay.allows(req, List.of(existing), mode);
        return ok ? req : null;
    }

    /** The last proof: is every request of the difference in some row? */
    private Result finish(List<Row> rows, CompiledPolicy existing, CompiledPolicy proposed, Mode mode,
            UnknownReason stop) {
        List<Side> sides = new ArrayList<>();
        sides.add(new Side(List.of(proposed), mode, true));
        sides.add(new Side(List.of(existing), mode, false));
        for (Row r : rows) {
            sides.add(new Side(List.of(r.policy()), mode, false));
        }
        int statements = sides.stream().mapToInt(x -> x.policies().get(0).document().statements().size()).sum();
        if (statements > PolicyReasoner.MAX_STATEMENTS) {
            return new Result(List.copyOf(rows), Coverage.NOT_PROVED, null, UnknownReason.of(
                    UnknownReason.Kind.TOO_MANY_STATEMENTS, statements, PolicyReasoner.MAX_STATEMENTS));
        }
        Outcome o = PolicyReasoner.search(sides, null, Map.of());
        if (!o.decided()) {
            return stop != null || o.why() != null
                    ? new Result(List.copyOf(rows), Coverage.NOT_PROVED, null, stop != null ? stop : o.why())
                    : new Result(List.copyOf(rows), Coverage.NOT_PROVED, null, o.reason(), null);
        }
        if (o.witness() == null) {
            return new Result(List.copyOf(rows), Coverage.COMPLETE, null, null, null);
        }
        AuthorizationRequest req = NoNewAccessCheck.request(o.witness(), List.of(proposed), mode);
        boolean real = replay.allows(req, List.of(proposed), mode) && !replay.allows(req, List.of(existing), mode);
        for (Row r : rows) {
            real &= !replay.allows(req, List.of(r.policy()), mode);
        }
        return real ? new Result(List.copyOf(rows), Coverage.MORE, req, stop)
                : new Result(List.copyOf(rows), Coverage.NOT_PROVED, null, stop != null ? stop
                        : UnknownReason.of(UnknownReason.Kind.OUTSIDE_ONLY_APPROXIMATED));
    }
}
