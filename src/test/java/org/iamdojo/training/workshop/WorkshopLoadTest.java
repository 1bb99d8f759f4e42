package org.iamdojo.training.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Params;
import org.iamdojo.scenario.ScenarioOperation;
import org.iamdojo.training.attempt.AttemptActivityBus;
import org.iamdojo.training.attempt.AttemptService;
import org.iamdojo.training.attempt.LiveAttempt;
import org.iamdojo.training.member.MemberService;
import org.iamdojo.training.storage.GroupCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Load test for issue 7: 100 participants work through a scenario at once while the instructor's board is
 * watching. Each participant is a thread that holds its own lock around every action, as a Vaadin session
 * lock does, and calls the same services the player does (LiveAttempt.call, beginStep, AttemptService.grade).
 * The database is the real file database in a throw-away folder (durable commit per event).
 *
 * <p>Not part of the normal build; run with
 * {@code mvn -o -q test -Dtest=WorkshopLoadTest -Diamdojo.load=true} and read the numbers it prints.
 * Targets: p95 action latency under 150 ms, board delay under 2 s, under 1 MB heap per participant.
 */
@EnabledIfSystemProperty(named = "iamdojo.load", matches = "true")
@SpringBootTest(properties = {"iamdojo.admin-password=Load-Owner-Pass-1", "vaadin.devmode.devTools.enabled=false",
        "iamdojo.aws-endpoint.port=0"})
class WorkshopLoadTest {
    private static final int PARTICIPANTS = 100;
    private static final String SCENARIO = "developers-and-testers";

    @Autowired
    MemberService members;
    @Autowired
    WorkshopService workshops;
    @Autowired
    AttemptService attempts;
    @Autowired
    BoardFeed feed;
    @Autowired
    AttemptActivityBus bus;
    @Autowired
    GroupCommit writes;
    @Autowired
    org.iamdojo.scenario.ScenarioCatalog catalog;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "load-data-");
        registry.add("iamdojo.data-dir", dir::toString);
    }

    @Test
    void hundredParticipantsWhileTheBoardIsOpen() throws Exception {
        members.signUp("load-teacher", "Teacher-Password-42");
        members.setInstructor("load-teacher", true);

        // A server that has been running is warm: one earlier class of 30 goes through first, unmeasured.
        Workshop warmUp = workshopOf("warm", 30);
        runClass(warmUp, 30, new Measures(), false);

        Workshop w = workshopOf("load", PARTICIPANTS);
        // Participants join before the instructor says "go"; joining prepares each one's first sandbox.
        long waitUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (attempts.preparing() > 0 && System.nanoTime() < waitUntil) {
            Thread.sleep(20);
        }

        // Board delay: from a learner's action to the board snapshot that includes it reaching the watcher.
        ConcurrentLinkedQueue<Instant> unseen = new ConcurrentLinkedQueue<>();
        List<Long> boardDelays = Collections.synchronizedList(new ArrayList<>());
        AutoCloseable counting = bus.subscribe(a -> {
            if (w.id().equals(a.workshopId())) {
                unseen.add(a.at());
            }
        });
        AutoCloseable board = feed.watch(w.id(), "load-teacher", b -> {
            Instant delivered = Instant.now();
            for (var it = unseen.iterator(); it.hasNext(); ) {
                Instant at = it.next();
                if (!at.isAfter(b.takenAt())) {
                    boardDelays.add(Duration.between(at, delivered).toMillis());
                    it.remove();
                }
            }
        });

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = usedHeapAfterGc(memory);
        Measures m = new Measures();
        GroupCommit.Stats writesBefore = writes.stats();
        long wallMs = runClass(w, PARTICIPANTS, m, false);
        GroupCommit.Stats writesAfter = writes.stats();
        List<Long> latencies = new ArrayList<>();
        latencies.addAll(m.opens);
        latencies.addAll(m.calls);
        latencies.addAll(m.grades);
        // Let the last board refresh arrive.
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!unseen.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        board.close();
        counting.close();
        long heapAfter = usedHeapAfterGc(memory);
        Board last = workshops.board(w.id(), "load-teacher");

        // For comparison: 100 self-paced learners pressing "Start" at once, each sandbox set up on the spot.
        Measures cold = new Measures();
        runClass(workshopOf("cold", PARTICIPANTS, false), PARTICIPANTS, cold, true);

        // One learner at a time, on the same warm server: what each kind of action costs without a queue.
        Workshop quiet = workshopOf("quiet", Integer.getInteger("quiet", 20));
        while (attempts.preparing() > 0 && System.nanoTime() < waitUntil + Duration.ofSeconds(60).toNanos()) {
            Thread.sleep(20);
        }
        Measures alone = new Measures();
        List<ScenarioOperation> solution = catalog.scenario(SCENARIO).orElseThrow().solution();
        ReentrantLock lock = new ReentrantLock();
        for (int i = 0; i < Integer.getInteger("quiet", 20); i++) {
            String person = "quiet-" + i;
            LiveAttempt live = timed(alone.opens, lock, () -> workshops.openAttempt(quiet.id(), SCENARIO, person));
            for (ScenarioOperation op : solution) {
                timed(alone.calls, lock, () -> live.call(live.attempt().learnerCredentials(), op.service(),
                        op.operation(), new Params(op.params().deepCopy())));
            }
            timed(alone.grades, lock, () -> attempts.grade(live));
        }

        long perParticipant = (heapAfter - heapBefore) / PARTICIPANTS;
        System.out.printf("%nWORKSHOP LOAD: %d participants, %d actions in %d ms, %d cores%n", PARTICIPANTS,
                latencies.size(), wallMs, Runtime.getRuntime().availableProcessors());
        System.out.printf("  action latency ms: p50 %d, p95 %d, p99 %d, max %d%n", ms(latencies, 50),
                ms(latencies, 95), ms(latencies, 99), ms(latencies, 100));
        System.out.printf("    open (start the scenario) p50 %d, p95 %d; sandbox call p50 %d, p95 %d; grade p50 %d, p95 %d%n",
                ms(m.opens, 50), ms(m.opens, 95), ms(m.calls, 50), ms(m.calls, 95), ms(m.grades, 50),
                ms(m.grades, 95));
        System.out.printf("  board delay ms: p50 %d, p95 %d, max %d (%d deliveries measured, %d never seen)%n",
                pct(boardDelays, 50), pct(boardDelays, 95), pct(boardDelays, 100), boardDelays.size(), unseen.size());
        long groups = writesAfter.groups() - writesBefore.groups();
        System.out.printf("  database: %d writes in %d commits (%.1f per commit, largest %d), %d ms committing%n",
                writesAfter.writes() - writesBefore.writes(), groups,
                (writesAfter.writes() - writesBefore.writes()) / (double) Math.max(1, groups), writesAfter.largestGroup(),
                writesAfter.commitMillis() - writesBefore.commitMillis());
        System.out.printf("  heap per participant (live attempt, after GC): %d KB%n", perParticipant / 1024);
        System.out.printf("  board: %d participants, %d finished everything%n", last.summary().participants(),
                last.summary().finishedAll());
        System.out.printf("  self-paced, sandboxes set up on the spot: open p50 %d, p95 %d; sandbox call p95 %d; grade p95 %d%n%n",
                ms(cold.opens, 50), ms(cold.opens, 95), ms(cold.calls, 95), ms(cold.grades, 95));
        System.out.printf("  one learner at a time: open p50 %.1f, sandbox call p50 %.1f, grade p50 %.1f%n%n",
                pct(alone.opens, 50) / 1000.0, pct(alone.calls, 50) / 1000.0, pct(alone.grades, 50) / 1000.0);

        assertThat(last.summary().finishedAll()).isEqualTo(PARTICIPANTS);
        assertThat(unseen).isEmpty();
        assertThat(ms(latencies, 95)).isLessThan(150);
        assertThat(pct(boardDelays, 100)).isLessThan(2000);
        assertThat(perParticipant).isLessThan(1024 * 1024);
    }

    /** Latencies in ms of one class's actions, by kind. */
    private static final class Measures {
        final List<Long> opens = Collections.synchronizedList(new ArrayList<>());
        final List<Long> calls = Collections.synchronizedList(new ArrayList<>());
        final List<Long> grades = Collections.synchronizedList(new ArrayList<>());
    }

    private Workshop workshopOf(String prefix, int size) {
        return workshopOf(prefix, size, true);
    }

    /**
     * A running workshop of the scenario, titled {@code prefix}, with {@code size} signed-up learners named
     * {@code prefix-0}, {@code prefix-1}…; they join it now when {@code join}.
     */
    private Workshop workshopOf(String prefix, int size, boolean join) {
        Instant now = Instant.now();
        Workshop w = workshops.create("load-teacher", new WorkshopService.Draft(prefix, List.of(SCENARIO),
                now.minusSeconds(60), now.plus(Duration.ofHours(1)), true, false));
        for (int i = 0; i < size; i++) {
            members.signUp(prefix + "-" + i, "Learner-Password-42");
            if (join) {
                workshops.join(w.joinCode(), prefix + "-" + i);
            }
        }
        return w;
    }

    /**
     * Every participant starts the scenario in the same instant, works through the reference solution with
     * think-time between actions, and checks their work; {@code selfPaced} starts it outside the workshop (nothing
     * prepared). Returns the wall time in ms.
     */
    private long runClass(Workshop w, int size, Measures m, boolean selfPaced) throws Exception {
        String prefix = w.title();
        List<ScenarioOperation> solution = catalog.scenario(SCENARIO).orElseThrow().solution();
        ExecutorService pool = Executors.newFixedThreadPool(size);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> scores = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String person = prefix + "-" + i;
            scores.add(pool.submit(() -> {
                ReentrantLock sessionLock = new ReentrantLock();
                start.await();
                LiveAttempt live = timed(m.opens, sessionLock, () -> selfPaced
                        ? attempts.open(person, SCENARIO) : workshops.openAttempt(w.id(), SCENARIO, person));
                for (ScenarioOperation op : solution) {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(50, 400));
                    CallResult result = timed(m.calls, sessionLock, () -> {
                        if (op.step() != null) {
                            live.beginStep(op.step());
                        }
                        return live.call(live.attempt().learnerCredentials(), op.service(), op.operation(),
                                new Params(op.params().deepCopy()));
                    });
                    assertThat(result.succeeded()).as(op.operation()).isTrue();
                }
                Thread.sleep(ThreadLocalRandom.current().nextLong(50, 400));
                return timed(m.grades, sessionLock, () -> attempts.grade(live)).total();
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Future<Integer> f : scores) {
            assertThat(f.get(5, TimeUnit.MINUTES)).isEqualTo(100);
        }
        pool.shutdown();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private interface Action<T> {
        T run() throws Exception;
    }

    private static <T> T timed(List<Long> latencies, ReentrantLock lock, Action<T> action) throws Exception {
        long t = System.nanoTime();
        lock.lock();
        try {
            return action.run();
        } finally {
            lock.unlock();
            latencies.add((System.nanoTime() - t) / 1_000); // microseconds
        }
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** A percentile of action latencies (recorded in microseconds) in milliseconds. */
    private static long ms(List<Long> micros, int percentile) {
        return pct(micros, percentile) / 1000;
    }

    private static long pct(List<Long> values, int percentile) {
        List<Long> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        if (sorted.isEmpty()) {
            return -1;
        }
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
