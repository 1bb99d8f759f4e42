package org.iamdojo.training.attempt;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.scenario.GradeReport;
import org.iamdojo.scenario.Grader;
import org.iamdojo.scenario.Scenario;
import org.iamdojo.scenario.ScenarioCatalog;
import org.iamdojo.training.member.Member;
import org.iamdojo.training.member.MemberService;
import org.springframework.stereotype.Service;

/**
 * Learners' attempts: open (resume or start) a scenario, find an attempt only for its owner, reset, grade.
 * Live attempts stay in memory; after a restart they are rebuilt from the database on first use.
 */
@Service
public class AttemptService {
    private final AttemptStore store;
    private final MemberService members;
    private final ScenarioCatalog catalog;
    private final PolicyValidator validator;
    private final Grader grader;
    private final Map<String, LiveAttempt> live = new ConcurrentHashMap<>();

    public AttemptService(AttemptStore store, MemberService members, ScenarioCatalog catalog, PolicyValidator validator,
                          Grader grader) {
        this.store = store;
        this.members = members;
        this.catalog = catalog;
        this.validator = validator;
        this.grader = grader;
    }

    /** The member's current attempt of a scenario, resumed, or a new one. */
    public synchronized LiveAttempt open(String username, String scenarioId) {
        Member member = member(username);
        Scenario scenario = catalog.scenario(scenarioId)
                .orElseThrow(() -> new NotFoundException("No scenario " + scenarioId));
        Optional<AttemptRecord> existing = store.findInProgress(member.getId(), scenarioId);
        if (existing.isPresent()) {
            return load(existing.get(), scenario);
        }
        return begin(member, scenario);
    }

    /** The attempt, if it exists and belongs to this member; otherwise empty (never another member's). */
    public Optional<LiveAttempt> find(String attemptId, String username) {
        Member member = member(username);
        Optional<AttemptRecord> record = store.find(attemptId).filter(r -> r.memberId() == member.getId());
        return record.flatMap(r -> catalog.scenario(r.scenarioId()).map(s -> load(r, s)));
    }

    /** Replaces the attempt with a fresh one of the same scenario (the old log is kept for history). */
    public synchronized LiveAttempt reset(String attemptId, String username) {
        LiveAttempt old = find(attemptId, username).orElseThrow(() -> new NotFoundException("No attempt " + attemptId));
        store.markReset(attemptId);
        live.remove(attemptId);
        return begin(member(username), old.scenario());
    }

    /** Grades the attempt now and stores the score. */
    public GradeReport grade(LiveAttempt attempt) {
        GradeReport report = grader.grade(attempt.attempt());
        attempt.graded(report);
        store.graded(attempt.id(), report.total(), report.max(), attempt.attempt().hintsUsed().size(), report.passed());
        return report;
    }

    /** The member's attempts, newest first (for the catalog's status and the history view). */
    public List<AttemptRecord> history(String username) {
        return store.forMember(member(username).getId());
    }

    private LiveAttempt begin(Member member, Scenario scenario) {
        // Stored timestamps keep milliseconds; the setup time must read back exactly for a faithful rebuild.
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        AttemptRecord record = new AttemptRecord(UUID.randomUUID().toString(), member.getId(), scenario.id(),
                scenario.version() == null ? 1 : scenario.version(), ThreadLocalRandom.current().nextLong(),
                "IN_PROGRESS", now, now, null, null, scenario.maxPoints(), 0);
        store.insert(record);
        LiveAttempt attempt = LiveAttempt.start(record, scenario, validator, store);
        live.put(record.id(), attempt);
        return attempt;
    }

    private LiveAttempt load(AttemptRecord record, Scenario scenario) {
        return live.computeIfAbsent(record.id(),
                id -> LiveAttempt.restore(record, scenario, validator, store, store.events(id)));
    }

    /** Drops the in-memory copies (tests use it to prove a restart rebuilds the same sandbox). */
    public void forgetLiveAttempts() {
        live.clear();
    }

    private Member member(String username) {
        return members.find(username).orElseThrow(() -> new NotFoundException("No member " + username));
    }

    /** Something that does not exist for this member: shown as "not found", whatever the reason. */
    public static final class NotFoundException extends RuntimeException {
        public NotFoundException(String message) {
            super(message);
        }
    }
}
