package org.iamdojo.training.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.iamdojo.InMemoryAppTest;
import org.iamdojo.iam.account.AuthorizationDetails;
import org.iamdojo.iam.account.Params;
import org.iamdojo.scenario.GradeReport;
import org.iamdojo.scenario.HintUse;
import org.iamdojo.training.member.MemberService;
import org.iamdojo.training.storage.GroupCommit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Attempts survive a restart (rebuilt from the database log) and belong to their learner only. */
@InMemoryAppTest
class AttemptServiceTest {
    static final String SCENARIO = "developers-and-testers";

    @Autowired
    AttemptService attempts;
    @Autowired
    MemberService members;
    @Autowired
    GroupCommit writes;

    /**
     * Issue 19, item 12 (load with real UI sessions): a console page reads what it shows with many calls; inside
     * one write scope their log entries (calls and CloudTrail records) are saved with one write, not one per call;
     * a change inside the scope is saved at once with the reads before it (issue 14: it must not wait for the
     * scope's end), and all of them are there after a restart.
     */
    @Test
    void callsInOneWriteScopeAreSavedTogetherAndSurviveARestart() {
        members.signUp("scope-learner", "Scope-Password-42");
        LiveAttempt live = attempts.open("scope-learner", SCENARIO);
        var learner = live.attempt().learnerCredentials();
        int trailBefore = live.attempt().sandbox().trail().events().size();
        long writesBefore = writes.stats().writes();
        String created = live.inOneWrite(() -> {
            live.call(learner, "iam", "ListUsers", Params.of());
            live.call(learner, "iam", "ListGroups", Params.of());
            live.call(learner, "iam", "CreateGroup", Params.of("GroupName", "scoped"));
            live.call(learner, "iam", "GetGroup", Params.of("GroupName", "scoped"));
            return "done";
        });
        assertThat(created).isEqualTo("done");
        live.awaitLogged(); // the reads after the change are queued at the scope's end without waiting
        assertThat(writes.stats().writes() - writesBefore).isEqualTo(2); // the change with the reads before it; then the rest
        int trailAfter = live.attempt().sandbox().trail().events().size();
        assertThat(trailAfter).isGreaterThan(trailBefore);

        long single = writes.stats().writes();
        live.call(learner, "iam", "ListUsers", Params.of());
        live.call(learner, "iam", "ListGroups", Params.of());
        live.awaitLogged();
        assertThat(writes.stats().writes() - single).isEqualTo(2); // outside a scope: one write per call, as before

        attempts.forgetLiveAttempts();
        LiveAttempt resumed = attempts.open("scope-learner", SCENARIO);
        assertThat(resumed.attempt().calls()).hasSize(6);
        assertThat(resumed.attempt().sandbox().account(resumed.scenario().homeAccountId()).group("scoped")).isNotNull();
        assertThat(resumed.attempt().sandbox().trail().events()).hasSize(live.attempt().sandbox().trail().events().size());
    }

    @Test
    void aRestartRebuildsTheSameSandboxHintsAndTrail() {
        members.signUp("resume-learner", "Resume-Password-42");
        LiveAttempt live = attempts.open("resume-learner", SCENARIO);
        var learner = live.attempt().learnerCredentials();
        String account = live.scenario().homeAccountId();
        assertThat(live.call(learner, "iam", "CreateGroup", Params.of("GroupName", "resume-check")).succeeded()).isTrue();
        live.call(learner, "iam", "CreateUser", Params.of("UserName", "resume-user"));
        live.call(learner, "iam", "AddUserToGroup", Params.of("GroupName", "resume-check", "UserName", "resume-user"));
        live.useHint(2, 1);
        live.beginStep(2);
        live.advanceClock(Duration.ofMinutes(30));
        String before = AuthorizationDetails.export(live.attempt().sandbox(), live.attempt().sandbox().account(account)).toString();
        int trailBefore = live.attempt().sandbox().trail().events().size();

        attempts.forgetLiveAttempts(); // what a server restart does to memory

        LiveAttempt resumed = attempts.open("resume-learner", SCENARIO);
        assertThat(resumed).isNotSameAs(live);
        assertThat(resumed.id()).isEqualTo(live.id());
        assertThat(AuthorizationDetails.export(resumed.attempt().sandbox(), resumed.attempt().sandbox().account(account))
                .toString()).isEqualTo(before);
        assertThat(resumed.attempt().hintsUsed()).containsExactly(new HintUse(2, 1));
        assertThat(resumed.attempt().stepStart(2)).isNotNull();
        assertThat(resumed.attempt().sandbox().trail().events()).hasSize(trailBefore);
        assertThat(resumed.attempt().sandbox().clock().offset()).isEqualTo(Duration.ofMinutes(30));
        assertThat(resumed.attempt().calls()).hasSize(3);
    }

    /** The board counts changes (writes, allowed or denied), not the reads a console page makes to show itself. */
    @Test
    void onlyCallsThatChangeOrTryToChangeTheSandboxCountAsChanges() {
        members.signUp("count-learner", "Count-Password-42");
        LiveAttempt live = attempts.open("count-learner", SCENARIO);
        var learner = live.attempt().learnerCredentials();
        live.call(learner, "iam", "ListUsers", Params.of());
        live.call(learner, "iam", "GetAccountSummary", Params.of());
        live.call(learner, "iam", "CreateGroup", Params.of("GroupName", "counted"));
        live.call(learner, "iam", "CreateGroup", Params.of("GroupName", "counted")); // refused: EntityAlreadyExists

        attempts.forgetLiveAttempts();
        LiveAttempt resumed = attempts.open("count-learner", SCENARIO);
        assertThat(resumed.record().callsMade()).isEqualTo(2);
        assertThat(resumed.attempt().calls()).hasSize(4);
    }

    /**
     * Issue 20, item 2: two nodes each hold a copy of one attempt (each rebuilt from the same log). The first to
     * write wins; the other is refused, never writes a fork, and its next open rebuilds the winner's state.
     */
    @Test
    void twoCopiesOfOneAttemptNeverForkItsLog() {
        members.signUp("race-learner", "Race-Password-42");
        LiveAttempt nodeB = attempts.open("race-learner", SCENARIO);
        attempts.forgetLiveAttempts(); // the other node has its own copy
        LiveAttempt nodeA = attempts.open("race-learner", SCENARIO);
        assertThat(nodeA).isNotSameAs(nodeB);
        var learner = nodeA.attempt().learnerCredentials();
        String account = nodeA.scenario().homeAccountId();

        assertThat(nodeB.call(learner, "iam", "CreateGroup", Params.of("GroupName", "from-b")).succeeded()).isTrue();
        assertThatThrownBy(() -> nodeA.call(learner, "iam", "CreateGroup", Params.of("GroupName", "from-a")))
                .isInstanceOf(AttemptSupersededException.class);
        assertThat(nodeA.superseded()).isTrue();
        assertThatThrownBy(() -> nodeA.useHint(1, 1)).isInstanceOf(AttemptSupersededException.class);

        LiveAttempt reopened = attempts.open("race-learner", SCENARIO); // drops the stale copy it held
        assertThat(reopened).isNotSameAs(nodeA);
        assertThat(AuthorizationDetails.export(reopened.attempt().sandbox(), reopened.attempt().sandbox().account(account))
                .toString()).isEqualTo(AuthorizationDetails.export(nodeB.attempt().sandbox(),
                        nodeB.attempt().sandbox().account(account)).toString())
                .contains("from-b").doesNotContain("from-a");
        assertThat(reopened.attempt().calls()).hasSize(1);
    }

    /** Issue 19, item 3: an entry over the old 200,000-character column limit is stored whole and survives a restart. */
    @Test
    void aVeryLargeActionIsStoredWholeAndSurvivesARestart() {
        members.signUp("large-learner", "Large-Password-42");
        LiveAttempt live = attempts.open("large-learner", "bucket-policy-vs-iam-policy");
        String body = "sku,qty\n" + "x".repeat(200_001);
        assertThat(live.call(live.attempt().learnerCredentials(), "s3", "PutObject",
                Params.of("Bucket", "dojo-shared-data", "Key", "big.csv", "Body", body)).succeeded()).isTrue();

        attempts.forgetLiveAttempts();

        LiveAttempt resumed = attempts.open("large-learner", "bucket-policy-vs-iam-policy");
        assertThat(resumed).isNotSameAs(live);
        var got = resumed.call(resumed.attempt().learnerCredentials(), "s3", "GetObject",
                Params.of("Bucket", "dojo-shared-data", "Key", "big.csv"));
        assertThat(got.succeeded()).isTrue();
        assertThat(got.response().path("Body").asText()).isEqualTo(body);
    }

    @Test
    void anotherLearnerCannotFindTheAttempt() {
        members.signUp("owner-learner", "Owner-Password-42");
        members.signUp("other-learner", "Other-Password-42");
        LiveAttempt live = attempts.open("owner-learner", SCENARIO);
        assertThat(attempts.find(live.id(), "owner-learner")).isPresent();
        assertThat(attempts.find(live.id(), "other-learner")).isEmpty();
        assertThat(attempts.find("no-such-attempt", "owner-learner")).isEmpty();
    }

    /**
     * Issue 19, item 12: "Check my work" answers before its score is committed (the score is recomputable from
     * the sandbox, and every change was committed before the learner saw it), and the score is committed before
     * any later action of the learner is acknowledged, so after a restart it is there with its GRADE entry.
     */
    @Test
    void checkMyWorkAnswersBeforeTheScoreIsCommittedAndLaterActionsCommitAfterIt() throws Exception {
        members.signUp("answer-first", "Answer-Password-42");
        LiveAttempt live = attempts.open("answer-first", SCENARIO);
        live.attempt().apply(live.scenario().solution());
        CountDownLatch release = new CountDownLatch(1);
        // Holds the database writer: a grade that waited for its commit could not answer until released.
        CompletableFuture<Void> held = writes.submit(db -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        GradeReport report;
        try {
            report = CompletableFuture.supplyAsync(() -> attempts.gradeAnswerFirst(live)).get(120, TimeUnit.SECONDS);
            assertThat(report.total()).isEqualTo(report.max());
            assertThat(attempts.history("answer-first").get(0).bestScore()).isNull();
        } finally {
            release.countDown();
        }
        held.join();
        var learner = live.attempt().learnerCredentials();
        assertThat(live.call(learner, "iam", "CreateGroup", Params.of("GroupName", "after-grade")).succeeded()).isTrue();
        AttemptRecord stored = attempts.history("answer-first").get(0);
        assertThat(stored.bestScore()).isEqualTo(report.max());
        assertThat(stored.status()).isEqualTo(AttemptStatus.COMPLETED);

        attempts.forgetLiveAttempts();
        assertThat(attempts.events(live.id(), AttemptEventKind.GRADE)).hasSize(1);
    }

    @Test
    void gradingStoresTheBestScoreAndResetStartsAFreshSandbox() {
        members.signUp("grade-learner", "Grade-Password-42");
        LiveAttempt live = attempts.open("grade-learner", SCENARIO);
        live.attempt().apply(live.scenario().solution());
        GradeReport report = attempts.grade(live);
        assertThat(report.total()).isEqualTo(report.max());
        AttemptRecord stored = attempts.history("grade-learner").get(0);
        assertThat(stored.bestScore()).isEqualTo(report.max());
        assertThat(stored.status()).isEqualTo(AttemptStatus.COMPLETED);

        LiveAttempt fresh = attempts.reset(live.id(), "grade-learner");
        assertThat(fresh.id()).isNotEqualTo(live.id());
        assertThat(attempts.grade(fresh).passed()).isFalse();
        assertThat(attempts.history("grade-learner")).extracting(AttemptRecord::status)
                .contains(AttemptStatus.RESET, AttemptStatus.IN_PROGRESS);
    }

    @Test
    void aSandboxPreparedAheadIsTakenOnStartAndRebuildsLikeAnyOther() throws InterruptedException {
        members.signUp("early-learner", "Early-Password-42");
        attempts.prepare("early-learner", SCENARIO, null);
        awaitPrepared();
        java.time.Instant beforeStart = java.time.Instant.now();
        Thread.sleep(5);
        LiveAttempt live = attempts.open("early-learner", SCENARIO);
        // Set up before "Start" was pressed: the prepared one, not a setup on the spot.
        assertThat(live.record().startedAt()).isBefore(beforeStart);
        var learner = live.attempt().learnerCredentials();
        String account = live.scenario().homeAccountId();
        assertThat(live.call(learner, "iam", "CreateAccessKey", Params.of("UserName", "dana")).succeeded()).isTrue();
        String before = AuthorizationDetails.export(live.attempt().sandbox(), live.attempt().sandbox().account(account)).toString();

        attempts.forgetLiveAttempts();

        LiveAttempt resumed = attempts.open("early-learner", SCENARIO);
        assertThat(resumed).isNotSameAs(live);
        assertThat(AuthorizationDetails.export(resumed.attempt().sandbox(), resumed.attempt().sandbox().account(account))
                .toString()).isEqualTo(before);
        assertThat(resumed.attempt().sandbox().account(account).user("dana").accessKeys().get(0).accessKeyId())
                .isEqualTo(live.attempt().sandbox().account(account).user("dana").accessKeys().get(0).accessKeyId());
    }

    @Test
    void startingBeforeThePreparedSandboxIsReadySetsOneUpOnTheSpotAndForgetsTheOther() throws InterruptedException {
        members.signUp("eager-learner", "Eager-Password-42");
        attempts.prepare("eager-learner", SCENARIO, null);
        LiveAttempt live = attempts.open("eager-learner", SCENARIO); // most likely before the background set-up ends
        assertThat(live.attempt().learnerCredentials()).isNotNull();
        awaitPrepared();
        assertThat(attempts.preparing()).isZero();
    }

    private void awaitPrepared() throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (attempts.preparing() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(attempts.preparing()).as("sandboxes still being prepared").isZero();
    }
}
