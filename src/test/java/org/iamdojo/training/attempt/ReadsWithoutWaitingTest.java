package org.iamdojo.training.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.iamdojo.InMemoryAppTest;
import org.iamdojo.iam.account.AuthorizationDetails;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.training.member.MemberService;
import org.iamdojo.training.storage.GroupCommit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14 (load): a read answers without waiting for its log entries to be committed; a write still answers only
 * once it and every entry before it are committed. A kill loses what was not committed at that instant: the
 * "kill" here rebuilds the attempt from the rows the database holds at that instant (what a restart after
 * {@code kill -9} would read), while the database's writer is held busy so that nothing queued gets committed.
 * Reads change nothing a rebuild needs, so the rebuilt sandbox equals what the learner was told about.
 */
@InMemoryAppTest
class ReadsWithoutWaitingTest {
    static final String SCENARIO = "developers-and-testers";

    @Autowired
    AttemptService attempts;
    @Autowired
    MemberService members;
    @Autowired
    AttemptStore store;
    @Autowired
    PolicyValidator validator;
    @Autowired
    GroupCommit writes;
    @Autowired
    JdbcTemplate jdbc;

    private static String state(LiveAttempt a) {
        return AuthorizationDetails.export(a.attempt().sandbox(), a.attempt().sandbox().account(a.scenario().homeAccountId()))
                .toString();
    }

    /** The attempt as a restart would rebuild it from these rows. */
    private LiveAttempt rebuilt(LiveAttempt live, List<AttemptEvent> rows) {
        return LiveAttempt.restore(live.record(), live.scenario(), validator, store, rows);
    }

    @Test
    void aReadAnswersWhileTheLogIsBusyAndAKillThenKeepsExactlyTheAcknowledgedWrites() throws Exception {
        members.signUp("busy-log-learner", "Busy-Password-42");
        LiveAttempt live = attempts.open("busy-log-learner", SCENARIO);
        Credentials learner = live.attempt().learnerCredentials();
        String account = live.scenario().homeAccountId();
        live.call(learner, "iam", "CreateUser", Params.of("UserName", "kept")).orThrow();
        String acknowledged = state(live);
        int callsAcknowledged = live.attempt().calls().size();

        // Hold the database's one writer: everything queued from now on stays uncommitted until released.
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> writes.write(db -> {
            busy.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        holder.start();
        assertThat(busy.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<CallResult> pendingWrite;
        List<AttemptEvent> atTheKill;
        try {
            // A read answers although its entries cannot be committed now (were it waiting, this would time out).
            CallResult read = CompletableFuture.supplyAsync(() -> live.call(learner, "iam", "ListUsers", Params.of()))
                    .get(60, TimeUnit.SECONDS);
            assertThat(read.succeeded()).isTrue();
            assertThat(read.response().toString()).contains("kept");

            // A write does not answer until its entries are committed.
            pendingWrite = CompletableFuture.supplyAsync(() ->
                    live.call(learner, "iam", "CreateUser", Params.of("UserName", "not-yet-acknowledged")));
            while (live.attempt().sandbox().account(account).user("not-yet-acknowledged") == null) {
                Thread.sleep(5); // the change is made in memory, its answer waits for the disk
            }
            assertThat(pendingWrite).isNotDone();

            atTheKill = store.events(live.id()); // the rows a restart after kill -9 at this instant would find
        } finally {
            release.countDown();
            holder.join();
        }
        assertThat(pendingWrite.get(60, TimeUnit.SECONDS).succeeded()).isTrue();

        LiveAttempt afterKill = rebuilt(live, atTheKill);
        assertThat(state(afterKill)).isEqualTo(acknowledged).contains("kept").doesNotContain("not-yet-acknowledged");
        assertThat(afterKill.attempt().calls()).hasSize(callsAcknowledged); // the unsaved read's record is lost

        // Nothing is lost without a kill: the read's entries and the write are committed in order behind it.
        live.awaitLogged();
        LiveAttempt afterStop = rebuilt(live, store.events(live.id()));
        assertThat(state(afterStop)).isEqualTo(state(live)).contains("not-yet-acknowledged");
        assertThat(afterStop.attempt().calls()).hasSize(callsAcknowledged + 2);
        assertThat(afterStop.attempt().sandbox().trail().events()).hasSize(live.attempt().sandbox().trail().events().size());
    }

    @Test
    void aBurstOfConcurrentReadsAndWritesHasEveryAcknowledgedWriteCommittedWhenItIsAcknowledged() throws Exception {
        members.signUp("burst-learner", "Burst-Password-42");
        LiveAttempt live = attempts.open("burst-learner", SCENARIO);
        Credentials learner = live.attempt().learnerCredentials();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Queue<String> problems = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            int thread = t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 30; i++) {
                    if (i % 5 == 4) {
                        String name = "burst-" + thread + "-" + i;
                        CallResult r = live.call(learner, "iam", "CreateUser", Params.of("UserName", name));
                        if (!r.succeeded()) {
                            problems.add(name + ": " + r.error().code());
                            continue;
                        }
                        acknowledged.add(name);
                        Set<String> soFar = Set.copyOf(acknowledged);
                        // A kill at this instant keeps every write acknowledged so far, by any thread.
                        String committed = String.join("\n", jdbc.queryForList("SELECT payload FROM attempt_event "
                                + "WHERE attempt_id = ? AND kind = 'MUTATION'", String.class, live.id()));
                        soFar.stream().filter(n -> !committed.contains("\"" + n + "\""))
                                .forEach(n -> problems.add(n + " acknowledged but not committed"));
                    } else {
                        CallResult r = live.call(learner, "iam", i % 2 == 0 ? "ListUsers" : "GetAccountSummary",
                                Params.of());
                        if (!r.succeeded()) {
                            problems.add("read: " + r.error().code());
                        }
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertThat(problems).isEmpty();
        assertThat(acknowledged).hasSize(36);

        LiveAttempt afterKill = rebuilt(live, store.events(live.id())); // reads' entries may still be queued
        assertThat(state(afterKill)).isEqualTo(state(live));
        acknowledged.forEach(n -> assertThat(afterKill.attempt().sandbox().account(live.scenario().homeAccountId())
                .user(n)).as(n).isNotNull());
        live.awaitLogged();
        LiveAttempt afterStop = rebuilt(live, store.events(live.id()));
        assertThat(afterStop.attempt().calls()).hasSize(live.attempt().calls().size());
    }
}
