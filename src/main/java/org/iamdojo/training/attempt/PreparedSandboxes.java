package org.iamdojo.training.attempt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.scenario.Attempt;
import org.iamdojo.scenario.Scenario;

/**
 * Sandboxes set up ahead of time for one learner's next scenario (a workshop participant who joined, or who is
 * looking at the workshop's scenario list), so pressing "Start" takes a ready sandbox instead of running the
 * scenario's setup while a whole class presses it at once.
 *
 * <p>A prepared sandbox is an ordinary setup with its own random seed and start time, exactly as an attempt
 * begun on the spot; the attempt stores that seed and time, so a rebuild after a restart gives the same sandbox.
 * At most one is kept per learner and scenario, unused ones are dropped after {@link #MAX_AGE} (the scenario's
 * setup-time credentials must not have aged), and one whose scenario was reloaded since is not used.
 */
final class PreparedSandboxes implements AutoCloseable {
    /** How long a prepared sandbox stays usable. */
    static final Duration MAX_AGE = Duration.ofMinutes(20);

    /** A set-up sandbox waiting for its learner. */
    record Prepared(Scenario scenario, long seed, Instant startedAt, Attempt attempt) {
    }

    /** A set-up queued or running; {@code started} once a builder has begun it. */
    private record Pending(CompletableFuture<Prepared> future, AtomicBoolean started) {
    }

    private final Map<String, Pending> byKey = new ConcurrentHashMap<>();
    private final PolicyValidator validator;
    private final Clock clock;
    private final ExecutorService builders;

    PreparedSandboxes(PolicyValidator validator, Clock clock, int threads) {
        this.validator = validator;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.builders = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "sandbox-prepare-" + n.incrementAndGet());
                    t.setDaemon(true);
                    t.setPriority(Thread.NORM_PRIORITY - 1);
                    return t;
                });
        ((ThreadPoolExecutor) builders).allowCoreThreadTimeOut(true);
    }

    /** Sets up a sandbox of {@code scenario} in the background for {@code key}, unless one is there or coming. */
    void prepare(String key, Scenario scenario) {
        dropExpired();
        byKey.computeIfAbsent(key, k -> {
            AtomicBoolean started = new AtomicBoolean();
            return new Pending(CompletableFuture.supplyAsync(() -> {
                started.set(true);
                return build(scenario);
            }, builders), started);
        });
    }

    /**
     * The sandbox prepared for {@code key} if it is ready (or being set up right now: then it is waited for, not
     * set up a second time beside it), fresh and of this very scenario; otherwise null (the caller sets one up on
     * the spot; a set-up still waiting for a builder is cancelled). Either way the key's slot is emptied.
     */
    Prepared take(String key, Scenario scenario) {
        Pending pending = byKey.remove(key);
        if (pending == null) {
            return null;
        }
        CompletableFuture<Prepared> f = pending.future();
        if (!f.isDone() && !pending.started().get()) {
            f.cancel(false);
            return null;
        }
        Prepared p;
        try {
            p = f.join();
        } catch (CompletionException | CancellationException failed) {
            return null;
        }
        return p != null && p.scenario() == scenario && fresh(p) ? p : null;
    }

    /** Sandboxes held that are being set up or waiting for a builder. */
    int pending() {
        return (int) byKey.values().stream().filter(p -> !p.future().isDone()).count();
    }

    private Prepared build(Scenario scenario) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long seed = ThreadLocalRandom.current().nextLong();
        return new Prepared(scenario, seed, at, LiveAttempt.setUp(scenario, seed, at, validator));
    }

    private boolean fresh(Prepared p) {
        return Duration.between(p.startedAt(), clock.instant()).compareTo(MAX_AGE) < 0;
    }

    private void dropExpired() {
        byKey.values().removeIf(p -> p.future().isDone()
                && (p.future().isCompletedExceptionally() || !fresh(p.future().join())));
    }

    @Override
    public void close() {
        builders.shutdownNow();
    }
}
