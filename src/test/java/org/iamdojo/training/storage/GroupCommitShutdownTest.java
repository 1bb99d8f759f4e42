package org.iamdojo.training.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Shutting down: the database writer's queue is committed before the pool closes (a backlog of reads' log entries
 * used to be still committing after the connection pool had closed), and past the drain limit what is left fails
 * at once instead of running later against a closed pool.
 */
class GroupCommitShutdownTest {
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:hsqldb:mem:group-commit-shutdown", "SA", ""));
        jdbc.execute("CREATE TABLE probe (id INTEGER PRIMARY KEY)");
    }

    @AfterEach
    void drop() {
        jdbc.execute("DROP TABLE probe");
    }

    @Test
    void stopReturnsOnlyOnceEveryQueuedWriteIsCommittedEvenPastFiveSeconds() throws Exception {
        GroupCommit writes = new GroupCommit(jdbc);
        List<CompletableFuture<Void>> queued = new ArrayList<>();
        // One slow write holds the writer longer than the old 5 s wait; 200 writes queue up behind it.
        queued.add(writes.submit(db -> {
            sleep(5_500);
            db.update("INSERT INTO probe VALUES (0)");
        }));
        for (int i = 1; i <= 200; i++) {
            int id = i;
            queued.add(writes.submit(db -> db.update("INSERT INTO probe VALUES (?)", id)));
        }
        writes.stop();
        assertThat(queued).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM probe", Integer.class)).isEqualTo(201);
        assertThatThrownBy(() -> writes.write(db -> db.update("INSERT INTO probe VALUES (999)")))
                .hasMessageContaining("shutting down");
    }

    @Test
    void pastTheDrainLimitTheWritesLeftFailAndNeverRun() throws Exception {
        GroupCommit writes = new GroupCommit(jdbc, Duration.ofMillis(300));
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ranLater = new AtomicInteger();
        CompletableFuture<Void> first = writes.submit(db -> {
            busy.countDown();
            await(release);
            db.update("INSERT INTO probe VALUES (1)");
        });
        assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> left = writes.submit(db -> {
            ranLater.incrementAndGet();
            db.update("INSERT INTO probe VALUES (2)");
        });
        writes.stop();
        assertThat(left).isCompletedExceptionally();
        assertThatThrownBy(() -> GroupCommit.await(left)).hasMessageContaining("shutting down");
        release.countDown();
        first.get(10, TimeUnit.SECONDS); // the write already running when time ran out still completes
        Thread.sleep(300);
        assertThat(ranLater).hasValue(0);
        assertThat(jdbc.queryForList("SELECT id FROM probe", Integer.class)).containsExactly(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
