package org.iamdojo.training.attempt;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.scenario.GradeReport;
import org.iamdojo.scenario.Grader;
import org.iamdojo.scenario.Scenario;
import org.iamdojo.scenario.ScenarioCatalog;
import org.iamdojo.training.member.MemberService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Learners' attempts: open (resume or start) a scenario, find an attempt only for its owner, reset, grade.
 * Live attempts stay in memory; after a restart they are rebuilt from the database on first use.
 */
@Service
public class AttemptService {
    private static final Logger LOG = LoggerFactory.getLogger(AttemptService.class);
    private final AttemptStore store;
    private final MemberService members;
    private final ScenarioCatalog catalog;
    private final PolicyValidator validator;
    private final Grader grader;
    private final AttemptActivityBus activity;
    private final Map<String, LiveAttempt> live = new ConcurrentHashMap<>();
    private final Map<String, Object> memberLocks = new ConcurrentHashMap<>();
    private final Semaphore setupSlots =
            new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), true);
    private final PreparedSandboxes prepared;

    public AttemptService(AttemptStore store, MemberService members, ScenarioCatalog catalog, PolicyValidator validator,
                          Grader grader, AttemptActivityBus activity) {
        this.store = store;
        this.members = members;
        this.catalog = catalog;
        this.validator = validator;
        this.grader = grader;
        this.activity = activity;
        this.prepared = new PreparedSandboxes(validator, Clock.systemUTC(),
                Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    }

    /**
     * Sets up, in the background, the sandbox the member will get on starting this scenario (in a workshop, or
     * self-paced when {@code workshopId} is null), unless they already have an attempt of it. Opening it later
     * then takes the ready sandbox: a class pressing "Start" together does not wait for a hundred setups.
     */
    public void prepare(String username, String scenarioId, String workshopId) {
        long memberId = memberId(username);
        Scenario scenario = catalog.scenario(scenarioId).orElse(null);
        if (scenario == null) {
            return;
        }
        Optional<AttemptRecord> existing = inProgress(memberId, scenarioId, workshopId);
        if (existing.isEmpty()) {
            prepared.prepare(preparedKey(memberId, scenarioId, workshopId), scenario);
        }
    }

    /** Sandboxes being prepared right now (tests wait for zero). */
    public int preparing() {
        return prepared.pending();
    }

    @PreDestroy
    void stopPreparing() {
        prepared.close();
    }

    /** The member's open attempt of a scenario, in that workshop or (workshopId null) self-paced. */
    private Optional<AttemptRecord> inProgress(long memberId, String scenarioId, String workshopId) {
        return workshopId == null ? store.findInProgress(memberId, scenarioId)
                : store.findInProgress(memberId, scenarioId, workshopId);
    }

    private static String preparedKey(long memberId, String scenarioId, String workshopId) {
        return memberId + "/" + scenarioId + "/" + (workshopId == null ? "" : workshopId);
    }

    /** The member's current attempt of a scenario, resumed, or a new one. */
    public LiveAttempt open(String username, String scenarioId) {
        return open(username, scenarioId, null);
    }

    /**
     * The member's current attempt of a scenario inside a workshop (null: self-paced), resumed, or a new one.
     * The caller (the workshop service) has checked that the member takes part in the workshop.
     */
    public LiveAttempt open(String username, String scenarioId, String workshopId) {
        // One member's opens are serialized (no two attempts of one scenario); members do not wait on each other.
        synchronized (memberLocks.computeIfAbsent(username, k -> new Object())) {
            return openLocked(username, scenarioId, workshopId);
        }
    }

    private LiveAttempt openLocked(String username, String scenarioId, String workshopId) {
        long memberId = memberId(username);
        Scenario scenario = catalog.scenario(scenarioId)
                .orElseThrow(() -> new NotFoundException("No scenario " + scenarioId));
        Optional<AttemptRecord> existing = inProgress(memberId, scenarioId, workshopId);
        if (existing.isPresent()) {
            return load(existing.get(), scenario);
        }
        LiveAttempt started = begin(memberId, scenario, workshopId);
        publish(started.record(), "START");
        return started;
    }

    /** The attempt, if it exists and belongs to this member; otherwise empty (never another member's). */
    public Optional<LiveAttempt> find(String attemptId, String username) {
        long memberId = memberId(username);
        Optional<AttemptRecord> record = store.find(attemptId).filter(r -> r.memberId() == memberId);
        return record.flatMap(r -> catalog.scenario(r.scenarioId()).map(s -> load(r, s)));
    }

    /** Replaces the attempt with a fresh one of the same scenario (the old log is kept for history). */
    public synchronized LiveAttempt reset(String attemptId, String username) {
        LiveAttempt old = find(attemptId, username).orElseThrow(() -> new NotFoundException("No attempt " + attemptId));
        return replace(old);
    }

    /**
     * The attempt if it belongs to that workshop, whoever made it: for the workshop's instructor, after the
     * workshop service checked that they run it.
     */
    public Optional<LiveAttempt> findInWorkshop(String attemptId, String workshopId) {
        return store.find(attemptId).filter(r -> workshopId.equals(r.workshopId()) && r.status() != AttemptStatus.RESET)
                .flatMap(r -> catalog.scenario(r.scenarioId()).map(s -> load(r, s)));
    }

    /** Resets a participant's workshop attempt for the instructor (see {@link #findInWorkshop}). */
    public synchronized LiveAttempt resetInWorkshop(String attemptId, String workshopId) {
        LiveAttempt old = findInWorkshop(attemptId, workshopId)
                .orElseThrow(() -> new NotFoundException("No attempt " + attemptId));
        return replace(old);
    }

    private LiveAttempt replace(LiveAttempt old) {
        store.markReset(old.id());
        live.remove(old.id());
        LiveAttempt fresh = begin(old.record().memberId(), old.scenario(), old.record().workshopId());
        publish(fresh.record(), "RESET");
        return fresh;
    }

    /** The stored log of an attempt (CloudTrail replay reads its TRAIL entries). */
    public List<AttemptEvent> events(String attemptId, AttemptEventKind kind) {
        return store.events(attemptId, kind);
    }

    /** Grades the attempt now and stores the score; returns once the score is committed. */
    public GradeReport grade(LiveAttempt attempt) {
        GradeReport report = grader.grade(attempt.attempt());
        store.graded(attempt.graded(report), report.total(), report.max(), LiveAttempt.failedChecks(report),
                report.passed());
        publish(attempt.record(), "GRADE");
        return report;
    }

    /**
     * Grades the attempt and answers without waiting for the score's durable commit ("Check my work"): the board
     * hears of it once it is committed. A grade is a function of the sandbox, and every change the learner was
     * shown as done was committed before they saw it, so a crash in between loses only this score, which the
     * next "Check my work" computes again from the same state, never anything the learner did. Actions made
     * after it are committed after it (writes commit in queue order).
     */
    public GradeReport gradeAnswerFirst(LiveAttempt attempt) {
        GradeReport report = grader.grade(attempt.attempt());
        store.gradedLater(attempt.graded(report), report.total(), report.max(), LiveAttempt.failedChecks(report),
                report.passed()).whenCompleteAsync((done, failed) -> {
                    if (failed == null) {
                        publish(attempt.record(), "GRADE");
                    } else {
                        LOG.warn("The score of attempt {} was not stored: {}", attempt.id(), failed.toString());
                    }
                });
        return report;
    }

    /** The member's attempts, newest first (for the catalog's status and the history view). */
    public List<AttemptRecord> history(String username) {
        return store.forMember(memberId(username));
    }

    private LiveAttempt begin(long memberId, Scenario scenario, String workshopId) {
        PreparedSandboxes.Prepared ready = prepared.take(preparedKey(memberId, scenario.id(), workshopId), scenario);
        // Stored timestamps keep milliseconds; the setup time must read back exactly for a faithful rebuild.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant startedAt = ready == null ? now : ready.startedAt();
        AttemptRecord record = new AttemptRecord(UUID.randomUUID().toString(), memberId, scenario.id(),
                scenario.version() == null ? 1 : scenario.version(),
                ready == null ? ThreadLocalRandom.current().nextLong() : ready.seed(),
                AttemptStatus.IN_PROGRESS, startedAt, now, null, null, scenario.maxPoints(), 0, workshopId);
        LiveAttempt attempt = ready != null ? LiveAttempt.start(record, ready.attempt(), store)
                : withSetupSlot(() -> LiveAttempt.start(record, scenario, validator, store));
        listen(attempt);
        live.put(record.id(), attempt);
        return attempt;
    }

    /**
     * Setting up or rebuilding a sandbox is CPU work; at most one per core runs at once, so a class pressing
     * "Start" together does not starve the actions of learners already working.
     */
    private LiveAttempt withSetupSlot(Supplier<LiveAttempt> work) {
        setupSlots.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            setupSlots.release();
        }
    }

    private LiveAttempt load(AttemptRecord record, Scenario scenario) {
        LiveAttempt cached = live.get(record.id());
        if (cached != null && cached.superseded()) {
            live.remove(record.id(), cached); // another node wrote first: rebuild from the log as stored
        }
        return live.computeIfAbsent(record.id(), id -> {
            LiveAttempt attempt = withSetupSlot(() ->
                    LiveAttempt.restore(record, scenario, validator, store, store.events(id)));
            listen(attempt);
            return attempt;
        });
    }

    private void listen(LiveAttempt attempt) {
        // GRADE is published by grade() after the score is stored, so a board reading the store sees it.
        attempt.onActivity(kind -> {
            if (!"GRADE".equals(kind)) {
                publish(attempt.record(), kind);
            }
        });
    }

    private void publish(AttemptRecord record, String kind) {
        activity.publish(new AttemptActivity(record.id(), record.memberId(), record.workshopId(), kind, Instant.now()));
    }

    /**
     * The open attempts held in memory whose sandbox issued this access key id: how the AWS endpoint finds the
     * sandbox of a signed request. Reset attempts are not among them. After a restart, an attempt not yet opened
     * again is found through the key index written when the key or session was made, and rebuilt from its log.
     */
    public List<LiveAttempt> withAccessKey(String accessKeyId) {
        List<LiveAttempt> inMemory = live.values().stream()
                .filter(a -> a.attempt().sandbox().knowsAccessKey(accessKeyId)).toList();
        if (!inMemory.isEmpty()) {
            return inMemory;
        }
        return store.withAccessKey(accessKeyId).stream()
                .flatMap(r -> catalog.scenario(r.scenarioId()).map(s -> load(r, s)).stream())
                .filter(a -> a.attempt().sandbox().knowsAccessKey(accessKeyId)).toList();
    }

    /** Whether this copy is still the one in use for its attempt (not reset, not replaced by a rebuild). */
    public boolean isCurrent(LiveAttempt attempt) {
        return live.get(attempt.id()) == attempt && !attempt.superseded();
    }

    /**
     * Drops the in-memory copies (tests use it to prove a restart rebuilds the same sandbox), once the log entries
     * they queued are committed, as a shutdown commits them.
     */
    public void forgetLiveAttempts() {
        live.values().forEach(a -> {
            try {
                a.awaitLogged();
            } catch (AttemptSupersededException stale) {
                // a stale copy's entries were refused; it is dropped all the same
            }
        });
        live.clear();
    }

    private long memberId(String username) {
        return members.idOf(username).orElseThrow(() -> new NotFoundException("No member " + username));
    }


    /** Something that does not exist for this member: shown as "not found", whatever the reason. */
    public static final class NotFoundException extends RuntimeException {
        public NotFoundException(String message) {
            super(message);
        }
    }
}
