package org.iamdojo.training.attempt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.MutationLog;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.audit.CloudTrail;
import org.iamdojo.iam.audit.TrailEvent;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.iam.time.SandboxClock;
import org.iamdojo.scenario.Attempt;
import org.iamdojo.scenario.GradeReport;
import org.iamdojo.scenario.HintUse;
import org.iamdojo.scenario.Scenario;
import org.iamdojo.training.storage.GroupCommit;
import org.iamdojo.training.storage.LogCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;

/**
 * An attempt held in memory while a learner works on it: the scenario's {@link Attempt} (its sandbox) plus the
 * durable log behind it. Every successful change, every CloudTrail record, every hint, step and clock move is
 * appended to the database as it happens, so a restart rebuilds the same sandbox by replaying the log.
 *
 * <p>Log order is sandbox order: a call's entries are numbered and queued for the database while the sandbox's
 * lock is held, and the database commits queued writes in order. A call that changes (or tries to change) the
 * sandbox, a hint, a step and a clock move return only once their entries, and so every entry before them, are
 * committed. A read changes nothing that a rebuild needs, so its entries (CALL, and its CloudTrail record) are
 * queued in the same order but its answer does not wait for the disk: a crash in the few milliseconds before they
 * are committed loses those records of reads, never a change the learner was told about. See the README
 * ("Use the real AWS CLI and SDKs", load) for what a read still changes (access keys' last-used time).
 */
public final class LiveAttempt {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(LiveAttempt.class);
    /** Params that are console passwords: encrypted in the log (see {@link LogCipher}). */
    private static final Set<String> SEALED = Set.of("Password", "NewPassword", "OldPassword");

    private final AttemptRecord record;
    private final Attempt attempt;
    private final AttemptStore store;
    private final AtomicInteger seq;
    private volatile GradeReport lastReport;
    private volatile boolean superseded;
    private volatile Consumer<String> activity = kind -> { };
    /** The last log write queued: once it is committed, so is every entry queued before it. */
    private volatile CompletableFuture<Void> lastQueued = CompletableFuture.completedFuture(null);

    private LiveAttempt(AttemptRecord record, Attempt attempt, AttemptStore store, int nextSeq) {
        this.record = record;
        this.attempt = attempt;
        this.store = store;
        this.seq = new AtomicInteger(nextSeq);
        attempt.sandbox().addMutationListener(m -> append(AttemptEventKind.MUTATION, seal(MutationLog.toJson(m))));
        attempt.sandbox().trail().addListener(e -> append(AttemptEventKind.TRAIL, CloudTrail.toJson(e)));
    }

    /** Sets up a new attempt's sandbox (the scenario's starting state) and starts logging. */
    static LiveAttempt start(AttemptRecord record, Scenario scenario, PolicyValidator validator, AttemptStore store) {
        return start(record, setUp(scenario, record.seed(), record.startedAt(), validator), store);
    }

    /**
     * Stores a new attempt (its record and its first log entry, step 1, in one write) whose sandbox was set up
     * with the record's seed and start time, and starts logging.
     */
    static LiveAttempt start(AttemptRecord record, Attempt attempt, AttemptStore store) {
        LiveAttempt live = new LiveAttempt(record, attempt, store, 1);
        store.insert(record, List.of(live.event(AttemptEventKind.STEP, JSON.createObjectNode().put("step", 1))));
        // The index of the keys the scenario's setup made (how the AWS endpoint finds the sandbox after a
        // restart) is not waited for: the learner's next acknowledged action is committed after it, and a rebuild
        // indexes them again.
        live.lastQueued = store.keysIssuedLater(record.id(), attempt.sandbox().accessKeyIds());
        return live;
    }

    /** Rebuilds an attempt from its seed and its log, in log order, then goes on logging after it. */
    static LiveAttempt restore(AttemptRecord record, Scenario scenario, PolicyValidator validator, AttemptStore store,
                               List<AttemptEvent> events) {
        Attempt attempt = setUp(scenario, record.seed(), record.startedAt(), validator);
        int last = 0;
        for (AttemptEvent e : events) {
            JsonNode payload = parse(e.payload());
            switch (e.kind()) {
                case MUTATION -> attempt.sandbox().replay(MutationLog.fromJson(unseal(payload, store.cipher(), record.id())));
                case TRAIL -> {
                    TrailEvent call = CloudTrail.fromJson(payload);
                    attempt.sandbox().trail().restore(call);
                    // Signing a call is what marks a key used; its record is what a restart has of that.
                    if (call.accessKeyId() != null) {
                        attempt.sandbox().restoreKeyUse(call.accessKeyId(), call.eventTime(),
                                serviceName(call.eventSource()));
                    }
                }
                case STEP -> attempt.beginStep(payload.path("step").asInt());
                case HINT -> attempt.useHint(payload.path("step").asInt(), payload.path("hint").asInt());
                case CALL -> attempt.restoreCall(new Attempt.CallRecord(payload.path("service").asText(),
                        payload.path("operation").asText(),
                        payload.hasNonNull("errorCode") ? payload.get("errorCode").asText() : null));
                case CLOCK -> attempt.sandbox().clock().advance(Duration.ofSeconds(payload.path("seconds").asLong()));
                case GRADE -> {
                    // Gradings inform history views; they change no sandbox state.
                }
            }
            last = e.seq();
        }
        // Attempts logged before the key index existed are indexed when first rebuilt.
        store.keysIssued(record.id(), attempt.sandbox().accessKeyIds());
        return new LiveAttempt(record, attempt, store, last + 1);
    }

    /** The service of a CloudTrail event source: iam.amazonaws.com -> iam (see Sandbox.eventSource). */
    private static String serviceName(String eventSource) {
        int dot = eventSource == null ? -1 : eventSource.indexOf('.');
        String name = dot < 0 ? eventSource : eventSource.substring(0, dot);
        return "monitoring".equals(name) ? "cloudwatch" : name;
    }

    /**
     * Sets up the scenario's sandbox with a seed at a sandbox time: the same seed and time give the same sandbox,
     * which is how an attempt is rebuilt from its record.
     */
    static Attempt setUp(Scenario scenario, long seed, Instant startedAt, PolicyValidator validator) {
        SandboxClock clock = SandboxClock.system();
        clock.pin(startedAt);
        try {
            return Attempt.start(scenario, clock, seed, validator);
        } finally {
            clock.unpin();
        }
    }

    /** Encrypts the console passwords a mutation's params hold (CreateLoginProfile, UpdateLoginProfile, ChangePassword…). */
    private ObjectNode seal(ObjectNode mutation) {
        if (!(mutation.get("params") instanceof ObjectNode params) || SEALED.stream().noneMatch(params::hasNonNull)) {
            return mutation;
        }
        ObjectNode copy = params.deepCopy(); // the params are the live call's: never change them in place
        for (String name : SEALED) {
            if (copy.path(name).isTextual()) {
                copy.put(name, store.cipher().encrypt(copy.get(name).asText(), record.id()));
            }
        }
        mutation.set("params", copy);
        return mutation;
    }

    private static JsonNode unseal(JsonNode mutation, LogCipher cipher, String attemptId) {
        if (mutation.get("params") instanceof ObjectNode params) {
            for (String name : SEALED) {
                if (params.path(name).isTextual()) {
                    params.put(name, cipher.decrypt(params.get(name).asText(), attemptId));
                }
            }
        }
        return mutation;
    }

    private static JsonNode parse(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (Exception e) {
            throw new IllegalStateException("Corrupt attempt event: " + e.getMessage(), e);
        }
    }

    /** Entries of the call in progress on this thread, queued together (one transaction) when it ends. */
    private final ThreadLocal<List<AttemptEvent>> callEntries = new ThreadLocal<>();
    /** Entries of reads made inside this thread's {@link #inOneWrite} scope, queued together when it ends. */
    private final ThreadLocal<List<AttemptEvent>> scopeEntries = new ThreadLocal<>();

    private AttemptEvent event(AttemptEventKind kind, ObjectNode payload) {
        return new AttemptEvent(record.id(), seq.getAndIncrement(), kind, Instant.now(), payload.toString());
    }

    /**
     * Logs an entry made by the sandbox (its listeners run under the sandbox's lock) or by this class: inside a
     * call it joins the call's entries; a CloudTrail record inside a scope waits for the scope's end; anything
     * else (a change made on the sandbox directly, a step, a hint) is queued now, after the scope's entries, and
     * waited for.
     */
    private void append(AttemptEventKind kind, ObjectNode payload) {
        List<AttemptEvent> inCall = callEntries.get();
        if (inCall != null) {
            inCall.add(event(kind, payload));
            return;
        }
        List<AttemptEvent> inScope = scopeEntries.get();
        if (inScope != null && kind == AttemptEventKind.TRAIL) {
            inScope.add(event(kind, payload));
            return;
        }
        logNow(() -> { }, kind, payload);
    }

    /** Makes a change and logs it in sandbox order, then waits until the entry is committed. */
    private void logNow(Runnable change, AttemptEventKind kind, ObjectNode payload) {
        ReentrantLock order = attempt.sandbox().lock();
        CompletableFuture<Void> done;
        order.lock();
        try {
            change.run();
            List<AttemptEvent> inScope = scopeEntries.get();
            List<AttemptEvent> entries = new ArrayList<>(inScope == null ? List.of() : inScope);
            if (inScope != null) {
                inScope.clear();
            }
            entries.add(event(kind, payload));
            done = queue(entries);
        } finally {
            order.unlock();
        }
        awaitCommitted(done);
    }

    /**
     * Queues entries for the database; the caller holds the sandbox's lock, so queue order is sandbox order. A
     * write refused because another copy of the attempt wrote these sequence numbers first makes this copy stale.
     */
    private CompletableFuture<Void> queue(List<AttemptEvent> entries) {
        CompletableFuture<Void> done = store.appendAllLater(entries);
        done.whenComplete((ok, failure) -> {
            Throwable cause = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
            if (cause instanceof DuplicateKeyException) {
                superseded = true;
            } else if (cause != null) {
                LOG.warn("Attempt {}: log entries {}..{} could not be saved", id(), entries.get(0).seq(),
                        entries.get(entries.size() - 1).seq(), cause);
            }
        });
        lastQueued = done;
        return done;
    }

    /** Waits until a queued write is committed; a stale copy of the attempt is refused. */
    private void awaitCommitted(CompletableFuture<Void> done) {
        try {
            GroupCommit.await(done);
        } catch (DuplicateKeyException e) {
            superseded = true;
            throw new AttemptSupersededException(id());
        }
    }

    /** Waits until every log entry queued so far (reads' too) is committed: before a restart, and for tests. */
    public void awaitLogged() {
        awaitCommitted(lastQueued);
    }

    /** Whether another copy of the attempt wrote to its log first, so this one must not be used any more. */
    public boolean superseded() {
        return superseded;
    }

    private void requireCurrent() {
        if (superseded) {
            throw new AttemptSupersededException(id());
        }
    }

    /** Hears each learner action by kind (CALL, HINT, STEP); the service publishes them. */
    void onActivity(Consumer<String> listener) {
        this.activity = listener;
    }

    /** The attempt's id. */
    public String id() {
        return record.id();
    }

    /** The stored facts as they were when the attempt was opened. */
    public AttemptRecord record() {
        return record;
    }

    /** The scenario run: its sandbox, the learner's starting credentials, steps and hints. */
    public Attempt attempt() {
        return attempt;
    }

    /** The scenario. */
    public Scenario scenario() {
        return attempt.scenario();
    }

    /** Makes a sandbox call for the learner (console, terminal) and logs how it ended. */
    public CallResult call(Credentials credentials, String service, String operation, Params params) {
        return call(credentials, service, operation, params, null, null);
    }

    /**
     * Makes a call sent from the learner's own tools (the AWS endpoint) and logs how it ended: as
     * {@link #call(Credentials, String, String, Params)}, with the request's source address and User-Agent.
     */
    public CallResult call(Credentials credentials, String service, String operation, Params params, String sourceIp,
                           String userAgent) {
        requireCurrent();
        // The sandbox change, its CloudTrail record and the call entry are queued together, under the sandbox's
        // lock (log order is sandbox order), in one transaction. A call that changes or tries to change the
        // sandbox returns once they are committed; a read returns at once (see the class comment).
        boolean changes = attempt.sandbox().changesState(service, operation);
        List<AttemptEvent> entries = new ArrayList<>(4);
        List<AttemptEvent> inScope = scopeEntries.get();
        CompletableFuture<Void> done = null;
        boolean mustWait = changes;
        CallResult result;
        ReentrantLock order = attempt.sandbox().lock();
        order.lock();
        try {
            callEntries.set(entries);
            try {
                result = sourceIp == null ? attempt.call(credentials, service, operation, params)
                        : attempt.call(credentials, service, operation, params, sourceIp, userAgent);
                ObjectNode call = JSON.createObjectNode().put("service", service).put("operation", operation);
                call.put("errorCode", result.succeeded() ? null : result.error().code());
                call.put("changes", changes);
                append(AttemptEventKind.CALL, call);
            } finally {
                callEntries.remove();
                mustWait |= entries.stream().anyMatch(e -> e.kind() == AttemptEventKind.MUTATION);
                if (inScope != null && !mustWait) {
                    inScope.addAll(entries); // a read inside a page's scope: saved with the page's other reads
                } else if (!entries.isEmpty()) {
                    if (inScope != null) {
                        entries.addAll(0, inScope);
                        inScope.clear();
                    }
                    done = queue(entries);
                }
            }
        } finally {
            order.unlock();
        }
        if (mustWait && done != null) {
            awaitCommitted(done);
        }
        if (result.succeeded() && changes) {
            // CreateAccessKey, AssumeRole, GetSessionToken…: the endpoint finds this sandbox by the new id.
            store.keysIssued(id(), result.response().findValuesAsText("AccessKeyId"));
        }
        activity.accept("CALL");
        return result;
    }

    /**
     * Runs {@code work} (calls made on this thread, e.g. a console page reading what it shows) and queues the log
     * entries of its reads in one write when it ends: a page that makes twenty reads adds one transaction, not
     * twenty. A change made inside the scope is saved at once, with the scope's reads before it, and waited for as
     * anywhere else. Nested scopes join the outermost one.
     */
    public <T> T inOneWrite(Supplier<T> work) {
        if (scopeEntries.get() != null) {
            return work.get();
        }
        List<AttemptEvent> pending = new ArrayList<>(4);
        scopeEntries.set(pending);
        try {
            return work.get();
        } finally {
            scopeEntries.remove();
            if (!pending.isEmpty()) {
                ReentrantLock order = attempt.sandbox().lock();
                order.lock();
                try {
                    queue(pending);
                } finally {
                    order.unlock();
                }
            }
        }
    }

    /** Marks that the learner moved on to a step (1-based); CloudTrail checks count from here. */
    public synchronized void beginStep(int step) {
        requireCurrent();
        if (attempt.stepStart(step) == null) {
            logNow(() -> attempt.beginStep(step), AttemptEventKind.STEP, JSON.createObjectNode().put("step", step));
            activity.accept("STEP");
        }
    }

    /** Opens a hint (its cost is deducted once). */
    public synchronized void useHint(int step, int hint) {
        requireCurrent();
        if (!attempt.hintsUsed().contains(new HintUse(step, hint))) {
            logNow(() -> attempt.useHint(step, hint), AttemptEventKind.HINT,
                    JSON.createObjectNode().put("step", step).put("hint", hint));
            activity.accept("HINT");
        }
    }

    /** Moves sandbox time forward. */
    public synchronized void advanceClock(Duration by) {
        requireCurrent();
        logNow(() -> attempt.advanceClock(by), AttemptEventKind.CLOCK,
                JSON.createObjectNode().put("seconds", by.getSeconds()));
    }

    /**
     * Remembers the latest grade and returns its log entry for the service to store with the score. The entry
     * keeps the positions of the failed checks too, so a workshop board can tell which checks a class fails most.
     */
    AttemptEvent graded(GradeReport report) {
        this.lastReport = report;
        ObjectNode grade = JSON.createObjectNode().put("total", report.total()).put("max", report.max())
                .put("passed", report.passed());
        var failed = grade.putArray("failed");
        failedChecks(report).forEach(failed::add);
        return event(AttemptEventKind.GRADE, grade);
    }

    /** Positions (0-based) of the checks a grading failed. */
    static List<Integer> failedChecks(GradeReport report) {
        List<Integer> failed = new ArrayList<>();
        for (int i = 0; i < report.checks().size(); i++) {
            if (!report.checks().get(i).passed()) {
                failed.add(i);
            }
        }
        return failed;
    }

    /** The latest grade in this session, or null. */
    public GradeReport lastReport() {
        return lastReport;
    }
}
