package org.iamdojo.training.storage;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Durable writes committed in groups. Every commit of the file database waits for the disk (write_delay=false:
 * nothing acknowledged is lost in a crash), and the database commits one transaction at a time, so a class of
 * a hundred acting at once would queue behind a hundred disk syncs. Here one writer thread takes every write
 * waiting at that moment and commits them together: one disk sync for the whole group. {@link #write} returns
 * only after the group holding its work is committed, so a learner still sees a result only once it is saved.
 *
 * <p>When a group fails, each of its writes is retried in a transaction of its own, so one bad write fails
 * only its own caller.
 */
@Component
@DependsOn("hsqldbShutdown") // destroyed before it: queued writes are committed before SHUTDOWN
public class GroupCommit {
    /** The most writes committed in one transaction. */
    static final int MAX_GROUP = 500;
    /** How long shutting down waits for the queued writes to be committed. */
    static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    /**
     * Writes of one kind that run together: the items of such writes queued one after another are written with one
     * statement batch (one statement compiled per group, not per write), e.g. the attempt log's appends.
     */
    @FunctionalInterface
    public interface Batch<T> {
        /** Writes the items in order; a failure fails them all (the group then retries each alone). */
        void writeAll(JdbcTemplate jdbc, List<T> items);
    }

    private record Write(Consumer<JdbcTemplate> work, Batch<Object> batch, Object item, CompletableFuture<Void> done) {
    }

    private final BlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Thread writer;
    private volatile boolean stopped;
    /** Set when shutting down gave up waiting: the writer starts no further group. */
    private volatile boolean abandoned;
    private final Duration drainLimit;
    private final LongAdder groups = new LongAdder();
    private final LongAdder written = new LongAdder();
    private final LongAdder commitNanos = new LongAdder();
    private final LongAccumulator largest =
            new LongAccumulator(Math::max, 0);

    /** Counts since start: transactions committed, writes in them, the largest group, time spent committing. */
    public record Stats(long groups, long writes, long largestGroup, long commitMillis) {
    }

    @Autowired
    public GroupCommit(JdbcTemplate jdbc) {
        this(jdbc, DRAIN_LIMIT);
    }

    GroupCommit(JdbcTemplate jdbc, Duration drainLimit) {
        this.jdbc = jdbc;
        this.drainLimit = drainLimit;
        // Plain JDBC transactions: the writes are SQL only, so no JPA session needs opening for each group.
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        this.writer = new Thread(this::drain, "group-commit");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Runs {@code work} (SQL through the given JdbcTemplate) in a transaction shared with the writes waiting
     * at the same moment, and returns once it is committed. A failure of this work is thrown here.
     */
    public void write(Consumer<JdbcTemplate> work) {
        await(submit(work));
    }

    /**
     * Queues {@code work} as {@link #write} does but returns at once; the future completes when its group is
     * committed (or fails with this work's failure). Writes are committed in the order they were queued, so once
     * a write's future completes every write queued before it is committed too.
     */
    public CompletableFuture<Void> submit(Consumer<JdbcTemplate> work) {
        return queue(new Write(work, null, null, new CompletableFuture<>()));
    }

    /**
     * Queues one item of a {@link Batch} kind as {@link #submit(Consumer)} queues a write: same order, same
     * commit; writes of the same kind queued next to each other are written together.
     */
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<Void> submit(Batch<T> kind, T item) {
        return queue(new Write(null, (Batch<Object>) kind, item, new CompletableFuture<>()));
    }

    private CompletableFuture<Void> queue(Write w) {
        if (Thread.currentThread() == writer) {
            throw new IllegalStateException("A group write cannot start another one");
        }
        if (stopped) {
            throw new IllegalStateException("The database is shutting down");
        }
        queue.add(w);
        if (stopped && !writer.isAlive()) {
            failQueued(); // came in as the writer ended: refused, not left waiting forever
        }
        return w.done();
    }

    /** Waits for a write queued with {@link #submit}; its failure is thrown here as it was raised. */
    public static void await(CompletableFuture<Void> done) {
        try {
            done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private void drain() {
        List<Write> group = new ArrayList<>();
        // Not interrupted to stop (an interrupt could break the database's file channels): it polls.
        while ((!stopped || !queue.isEmpty()) && !abandoned) {
            try {
                Write first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(group, MAX_GROUP - 1);
            commit(group);
            group.clear();
        }
    }

    /** What the writer has done so far (the load test reports it). */
    public Stats stats() {
        return new Stats(groups.sum(), written.sum(), largest.get(), commitNanos.sum() / 1_000_000);
    }

    private void commit(List<Write> group) {
        long t = System.nanoTime();
        groups.increment();
        written.add(group.size());
        largest.accumulate(group.size());
        try {
            transactions.executeWithoutResult(status -> runInOrder(group));
            group.forEach(w -> w.done().complete(null));
        } catch (RuntimeException groupFailed) {
            for (Write w : group) {
                try {
                    transactions.executeWithoutResult(status -> runInOrder(List.of(w)));
                    w.done().complete(null);
                } catch (RuntimeException e) {
                    w.done().completeExceptionally(e);
                }
            }
        } finally {
            commitNanos.add(System.nanoTime() - t);
        }
    }

    /** Runs a group's writes in queue order, the items of neighbouring writes of one batch kind together. */
    private void runInOrder(List<Write> group) {
        int i = 0;
        while (i < group.size()) {
            Write w = group.get(i);
            if (w.batch() == null) {
                w.work().accept(jdbc);
                i++;
                continue;
            }
            List<Object> items = new ArrayList<>();
            int j = i;
            while (j < group.size() && group.get(j).batch() == w.batch()) {
                items.add(group.get(j++).item());
            }
            w.batch().writeAll(jdbc, items);
            i = j;
        }
    }

    /**
     * Stops taking writes and returns once those queued are committed: before the database and its connection pool
     * shut down (see the DependsOn; the pool is destroyed after this bean, which needs it). Only past the drain limit
     * does it give up: the writes still queued then fail (their callers hear so) instead of running later against a
     * closed pool.
     */
    @PreDestroy
    void stop() {
        stopped = true;
        try {
            writer.join(drainLimit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            abandoned = true;
            LOG.warn("The database writer did not finish its queue within {} s of shutting down",
                    drainLimit.toSeconds());
        }
        failQueued();
    }

    private void failQueued() {
        List<Write> left = new ArrayList<>();
        queue.drainTo(left);
        for (Write w : left) {
            w.done().completeExceptionally(new IllegalStateException("The database is shutting down"));
        }
        if (!left.isEmpty()) {
            LOG.warn("{} queued database writes were not saved: the database is shutting down", left.size());
        }
    }
}
