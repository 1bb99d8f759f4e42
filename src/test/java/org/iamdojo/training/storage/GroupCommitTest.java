package org.iamdojo.training.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.iamdojo.InMemoryAppTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes of many learners at once are committed together, each caller returning only once its write is stored. */
@InMemoryAppTest
class GroupCommitTest {
    @Autowired
    GroupCommit writes;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void table() {
        jdbc.execute("CREATE TABLE group_commit_probe (id INTEGER PRIMARY KEY)");
    }

    @AfterEach
    void drop() {
        jdbc.execute("DROP TABLE group_commit_probe");
    }

    @Test
    void everyConcurrentWriteIsStoredWhenItsCallerReturns() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<CompletableFuture<Integer>> done = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int id = i;
            done.add(CompletableFuture.supplyAsync(() -> {
                writes.write(db -> db.update("INSERT INTO group_commit_probe VALUES (?)", id));
                // Visible to another connection the moment write() returns: committed, not merely queued.
                return jdbc.queryForObject("SELECT COUNT(*) FROM group_commit_probe WHERE id = ?", Integer.class, id);
            }, pool));
        }
        for (CompletableFuture<Integer> f : done) {
            assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        }
        pool.shutdown();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM group_commit_probe", Integer.class)).isEqualTo(200);
    }

    @Test
    void aFailingWriteFailsOnlyItsOwnCallerInTheGroup() throws Exception {
        CountDownLatch writerBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        // Hold the writer so the next three writes queue up and are committed as one group.
        CompletableFuture<Void> blocker = CompletableFuture.runAsync(() -> writes.write(db -> {
            writerBusy.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            db.update("INSERT INTO group_commit_probe VALUES (1)");
        }), pool);
        writerBusy.await();
        CompletableFuture<Void> good = CompletableFuture.runAsync(() ->
                writes.write(db -> db.update("INSERT INTO group_commit_probe VALUES (2)")), pool);
        CompletableFuture<Void> duplicate = CompletableFuture.runAsync(() ->
                writes.write(db -> db.update("INSERT INTO group_commit_probe VALUES (1)")), pool);
        CompletableFuture<Void> alsoGood = CompletableFuture.runAsync(() ->
                writes.write(db -> db.update("INSERT INTO group_commit_probe VALUES (3)")), pool);
        Thread.sleep(200);
        release.countDown();

        blocker.get(10, TimeUnit.SECONDS);
        good.get(10, TimeUnit.SECONDS);
        alsoGood.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> duplicate.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(DataAccessException.class);
        pool.shutdown();
        assertThat(jdbc.queryForList("SELECT id FROM group_commit_probe ORDER BY id", Integer.class))
                .containsExactly(1, 2, 3);
    }

    @Test
    void neighbouringBatchItemsAreWrittenTogetherInQueueOrderAndABadOneFailsOnlyItself() throws Exception {
        List<Integer> batchSizes = new ArrayList<>();
        GroupCommit.Batch<Integer> insert = (db, ids) -> {
            batchSizes.add(ids.size());
            db.batchUpdate("INSERT INTO group_commit_probe VALUES (?)", ids.stream().map(id -> new Object[] {id}).toList());
        };
        CountDownLatch writerBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> blocker = writes.submit(db -> {
            writerBusy.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        writerBusy.await();
        // Queued while the writer is held: one group of [batch 10, batch 11, plain (reads 10 and 11), batch 12].
        CompletableFuture<Void> a = writes.submit(insert, 10);
        CompletableFuture<Void> b = writes.submit(insert, 11);
        int[] seenByPlainWrite = new int[1];
        CompletableFuture<Void> plain = writes.submit(db -> seenByPlainWrite[0] =
                db.queryForObject("SELECT COUNT(*) FROM group_commit_probe WHERE id IN (10, 11)", Integer.class));
        CompletableFuture<Void> c = writes.submit(insert, 12);
        release.countDown();
        CompletableFuture.allOf(blocker, a, b, plain, c).get(30, TimeUnit.SECONDS);
        assertThat(seenByPlainWrite[0]).as("a plain write sees the batch items queued before it").isEqualTo(2);
        assertThat(batchSizes).containsExactly(2, 1);

        // A duplicate among neighbouring items: the group is retried item by item, only the duplicate fails.
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release2 = new CountDownLatch(1);
        CompletableFuture<Void> blocker2 = writes.submit(db -> {
            held.countDown();
            try {
                release2.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        held.await();
        CompletableFuture<Void> good = writes.submit(insert, 20);
        CompletableFuture<Void> duplicate = writes.submit(insert, 10);
        CompletableFuture<Void> alsoGood = writes.submit(insert, 21);
        release2.countDown();
        CompletableFuture.allOf(blocker2, good, alsoGood).get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> GroupCommit.await(duplicate)).isInstanceOf(DataAccessException.class);
        assertThat(jdbc.queryForList("SELECT id FROM group_commit_probe ORDER BY id", Integer.class))
                .containsExactly(10, 11, 12, 20, 21);
    }
}
