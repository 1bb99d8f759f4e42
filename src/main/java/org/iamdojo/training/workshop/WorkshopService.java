package org.iamdojo.training.workshop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.iamdojo.iam.audit.CloudTrail;
import org.iamdojo.iam.audit.TrailEvent;
import org.iamdojo.scenario.Check;
import org.iamdojo.scenario.Scenario;
import org.iamdojo.scenario.ScenarioCatalog;
import org.iamdojo.scenario.Text;
import org.iamdojo.training.attempt.AttemptActivity;
import org.iamdojo.training.attempt.AttemptActivityBus;
import org.iamdojo.training.attempt.AttemptEvent;
import org.iamdojo.training.attempt.AttemptEventKind;
import org.iamdojo.training.attempt.AttemptRecord;
import org.iamdojo.training.attempt.AttemptService;
import org.iamdojo.training.attempt.AttemptService.NotFoundException;
import org.iamdojo.training.attempt.AttemptStore;
import org.iamdojo.training.attempt.LiveAttempt;
import org.iamdojo.training.member.Member;
import org.iamdojo.training.member.MemberRole;
import org.iamdojo.training.member.MemberService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Workshops for instructors and their participants. Every look-up is scoped to the asking member: an
 * instructor reaches only the workshops they run, a learner only the workshops they joined and only their own
 * attempts; anything else is reported as {@link NotFoundException}, the same as a wrong id.
 */
@Service
public class WorkshopService {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TITLE = 200;

    private final WorkshopStore store;
    private final AttemptStore attemptStore;
    private final AttemptService attempts;
    private final MemberService members;
    private final ScenarioCatalog catalog;
    private final AttemptActivityBus activity;
    private Clock clock = Clock.systemUTC();

    public WorkshopService(WorkshopStore store, AttemptStore attemptStore, AttemptService attempts,
                           MemberService members, ScenarioCatalog catalog, AttemptActivityBus activity) {
        this.activity = activity;
        this.store = store;
        this.attemptStore = attemptStore;
        this.attempts = attempts;
        this.members = members;
        this.catalog = catalog;
    }

    // Tests move time to see rules that depend on the end.
    void setClock(Clock clock) {
        this.clock = clock;
    }

    /** What an instructor asks for when creating a workshop. */
    public record Draft(String title, List<String> scenarioIds, Instant startsAt, Instant endsAt, boolean hintsAllowed,
                        boolean solutionHiddenUntilEnd) {
    }

    /** A draft that cannot become a workshop; {@code messageKey} names the broken rule for the UI. */
    public static final class InvalidWorkshopException extends RuntimeException {
        private final String messageKey;

        public InvalidWorkshopException(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }

        /** The translation key of the broken rule. */
        public String messageKey() {
            return messageKey;
        }
    }

    /** Creates a workshop run by {@code instructor} (who must be an INSTRUCTOR or ADMIN) with a fresh join code. */
    public Workshop create(String instructor, Draft draft) {
        Member owner = member(instructor);
        if (!owner.hasRole(MemberRole.INSTRUCTOR) && !owner.hasRole(MemberRole.ADMIN)) {
            throw new NotFoundException("No such page for " + instructor);
        }
        String title = draft.title() == null ? "" : draft.title().strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            throw new InvalidWorkshopException("workshop.error.title");
        }
        if (draft.scenarioIds() == null || draft.scenarioIds().isEmpty()) {
            throw new InvalidWorkshopException("workshop.error.scenarios");
        }
        for (String id : draft.scenarioIds()) {
            if (catalog.scenario(id).isEmpty()) {
                throw new InvalidWorkshopException("workshop.error.scenarios");
            }
        }
        if (draft.startsAt() == null || draft.endsAt() == null || !draft.endsAt().isAfter(draft.startsAt())) {
            throw new InvalidWorkshopException("workshop.error.times");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (int tries = 0; ; tries++) {
            String code = JoinCodes.next();
            if (store.codeExists(code)) {
                continue;
            }
            Workshop w = new Workshop(UUID.randomUUID().toString(), owner.getId(), title, code,
                    draft.startsAt().truncatedTo(ChronoUnit.SECONDS), draft.endsAt().truncatedTo(ChronoUnit.SECONDS),
                    draft.hintsAllowed(), draft.solutionHiddenUntilEnd(), now, draft.scenarioIds());
            try {
                store.insert(w);
                return w;
            } catch (DuplicateKeyException raced) {
                // Another workshop took the code between the check and the insert: draw again.
                if (tries > 10) {
                    throw raced;
                }
            }
        }
    }

    /** The workshops this instructor runs, newest first (never anyone else's). */
    public List<Workshop> mine(String instructor) {
        return store.byInstructor(memberId(instructor));
    }

    /** The workshop if this member runs it; otherwise empty. */
    public Optional<Workshop> runBy(String workshopId, String instructor) {
        long me = memberId(instructor);
        return store.find(workshopId).filter(w -> w.instructorId() == me);
    }

    /** The workshop a join code opens, or empty (codes are compared ignoring case, spaces and dashes). */
    public Optional<Workshop> byCode(String code) {
        return store.findByCode(JoinCodes.normalize(code));
    }

    /**
     * Joins the member to the workshop of that code (again is fine; an open board hears it either way);
     * NotFoundException for an unknown code.
     */
    public Workshop join(String code, String learner) {
        Workshop w = byCode(code).orElseThrow(() -> new NotFoundException("No workshop with code " + code));
        if (w.endedAt(clock.instant())) {
            throw new InvalidWorkshopException("workshop.join.ended");
        }
        long me = memberId(learner);
        store.addParticipant(w.id(), me, clock.instant());
        activity.publish(new AttemptActivity(null, me, w.id(), "JOIN", Instant.now()));
        if (!w.scenarioIds().isEmpty()) {
            attempts.prepare(learner, w.scenarioIds().get(0), w.id());
        }
        return w;
    }

    /** The workshops the member joined, newest first. */
    public List<Workshop> joined(String learner) {
        return store.joinedBy(memberId(learner));
    }

    /** The workshop if the member joined it; otherwise empty. */
    public Optional<Workshop> joinedBy(String workshopId, String learner) {
        long me = memberId(learner);
        return store.find(workshopId).filter(w -> store.isParticipant(w.id(), me));
    }

    /** The participant's own cells (status and score per scenario) in a workshop they joined. */
    public List<Board.Cell> progress(String workshopId, String learner) {
        Workshop w = joinedBy(workshopId, learner).orElseThrow(() -> new NotFoundException("No workshop " + workshopId));
        long me = memberId(learner);
        List<Board.Cell> cells = build(w).rows().stream().filter(r -> r.memberId() == me).findFirst()
                .map(Board.Row::cells).orElse(List.of());
        // The participant is looking at the list: have the sandbox of their next scenario ready for "Start".
        cells.stream().filter(c -> Board.NOT_STARTED.equals(c.status())).findFirst()
                .ifPresent(c -> attempts.prepare(learner, c.scenarioId(), w.id()));
        return cells;
    }

    /** Opens (resumes or starts) the participant's attempt of one of the workshop's scenarios. */
    public LiveAttempt openAttempt(String workshopId, String scenarioId, String learner) {
        Workshop w = joinedBy(workshopId, learner).orElseThrow(() -> new NotFoundException("No workshop " + workshopId));
        if (!w.scenarioIds().contains(scenarioId)) {
            throw new NotFoundException("No scenario " + scenarioId + " in workshop " + workshopId);
        }
        LiveAttempt live = attempts.open(learner, scenarioId, w.id());
        int next = w.scenarioIds().indexOf(scenarioId) + 1;
        if (next < w.scenarioIds().size()) {
            attempts.prepare(learner, w.scenarioIds().get(next), w.id());
        }
        return live;
    }

    /** The board of a workshop the instructor runs. */
    public Board board(String workshopId, String instructor) {
        return build(owned(workshopId, instructor));
    }

    /** A participant's attempt in a workshop the instructor runs (for the read-only sandbox), or empty. */
    public Optional<LiveAttempt> participantAttempt(String workshopId, String attemptId, String instructor) {
        Workshop w = runBy(workshopId, instructor).orElse(null);
        return w == null ? Optional.empty() : attempts.findInWorkshop(attemptId, w.id());
    }

    /** Resets a participant's attempt in a workshop the instructor runs; returns the fresh attempt. */
    public LiveAttempt resetParticipant(String workshopId, String attemptId, String instructor) {
        Workshop w = owned(workshopId, instructor);
        return attempts.resetInWorkshop(attemptId, w.id());
    }

    /** The CloudTrail records of a participant's attempt as stored, in order (for step-by-step replay). */
    public List<TrailEvent> trail(String workshopId, String attemptId, String instructor) {
        Workshop w = owned(workshopId, instructor);
        if (attempts.findInWorkshop(attemptId, w.id()).isEmpty()) {
            throw new NotFoundException("No attempt " + attemptId);
        }
        List<TrailEvent> events = new ArrayList<>();
        for (AttemptEvent e : attempts.events(attemptId, AttemptEventKind.TRAIL)) {
            events.add(CloudTrail.fromJson(parse(e.payload())));
        }
        return events;
    }

    /**
     * The results as CSV (UTF-8 with a byte order mark); {@code headers} are the column titles and
     * {@code statusLabel} names a cell status (NOT_STARTED, IN_PROGRESS, COMPLETED) in the UI's language, and
     * scenario titles are written in {@code locale}.
     */
    public byte[] resultsCsv(String workshopId, String instructor, List<String> headers,
                             Function<String, String> statusLabel, Locale locale) {
        return ResultsCsv.write(board(workshopId, instructor), headers,
                id -> catalog.scenario(id).map(s -> s.title().in(locale)).orElse(id), statusLabel);
    }

    /** The scenario titles of a workshop, in order. */
    public List<Scenario> scenarios(Workshop w) {
        return w.scenarioIds().stream().map(id -> catalog.scenario(id).orElse(null)).filter(Objects::nonNull)
                .toList();
    }

    /** The current time of the service's clock. */
    public Instant now() {
        return clock.instant();
    }

    private Workshop owned(String workshopId, String instructor) {
        return runBy(workshopId, instructor).orElseThrow(() -> new NotFoundException("No workshop " + workshopId));
    }

    private Board build(Workshop w) {
        // The snapshot's time is taken before reading, so every change stored before it is on this board.
        Instant takenAt = clock.instant();
        List<WorkshopStore.Participant> people = store.participants(w.id());
        Map<String, AttemptRecord> byKey = new HashMap<>();
        for (AttemptRecord a : attemptStore.forWorkshop(w.id())) {
            // Newest wins: forWorkshop lists oldest first.
            byKey.put(a.memberId() + "/" + a.scenarioId(), a);
        }
        Map<String, Integer> failures = new HashMap<>();
        List<Board.Row> rows = new ArrayList<>();
        int[] finished = new int[w.scenarioIds().size()];
        for (WorkshopStore.Participant p : people) {
            List<Board.Cell> cells = new ArrayList<>();
            for (int i = 0; i < w.scenarioIds().size(); i++) {
                String scenarioId = w.scenarioIds().get(i);
                AttemptRecord a = byKey.get(p.memberId() + "/" + scenarioId);
                if (a == null) {
                    cells.add(new Board.Cell(scenarioId, null, Board.NOT_STARTED, null, null, 0, 0, null));
                    continue;
                }
                Board.Cell cell = new Board.Cell(scenarioId, a.id(), a.status().name(), a.lastScore(), a.maxScore(),
                        a.hintsUsed(), a.callsMade(), a.updatedAt());
                if (cell.finished()) {
                    finished[i]++;
                }
                for (int index : a.lastFailed()) {
                    failures.merge(scenarioId + "#" + index, 1, Integer::sum);
                }
                cells.add(cell);
            }
            rows.add(new Board.Row(p.memberId(), p.username(), cells));
        }
        List<Board.FailedCheck> mostFailed = new ArrayList<>();
        failures.forEach((key, count) -> {
            String scenarioId = key.substring(0, key.indexOf('#'));
            int index = Integer.parseInt(key.substring(key.indexOf('#') + 1));
            Text title = catalog.scenario(scenarioId).map(Scenario::checks)
                    .filter(checks -> index < checks.size()).map(checks -> checks.get(index)).map(Check::title)
                    .orElse(Text.both(scenarioId + " #" + (index + 1)));
            mostFailed.add(new Board.FailedCheck(scenarioId, index, title, count));
        });
        mostFailed.sort(Comparator.comparingInt(Board.FailedCheck::participants).reversed()
                .thenComparing(Board.FailedCheck::scenarioId).thenComparingInt(Board.FailedCheck::checkIndex));
        List<Integer> perScenario = new ArrayList<>();
        for (int f : finished) {
            perScenario.add(f);
        }
        int finishedAll = (int) rows.stream().filter(Board.Row::finishedAll).count();
        return new Board(w, rows, new Board.Summary(rows.size(), finishedAll, perScenario,
                mostFailed.subList(0, Math.min(5, mostFailed.size()))), takenAt);
    }

    private long memberId(String username) {
        return members.idOf(username).orElseThrow(() -> new NotFoundException("No member " + username));
    }

    private Member member(String username) {
        return members.find(username).orElseThrow(() -> new NotFoundException("No member " + username));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("Corrupt attempt event: " + e.getMessage(), e);
        }
    }
}
