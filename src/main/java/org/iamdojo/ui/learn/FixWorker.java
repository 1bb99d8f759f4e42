package org.iamdojo.ui.learn;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.iamdojo.scenario.GradeReport;
import org.iamdojo.scenario.PendingFix;
import org.springframework.stereotype.Component;

/**
 * Works out smallest fixes off the UI threads: a search can take seconds, and a request thread held that long would
 * freeze the learner's page. Two threads, as many as the machines have cores; more requests wait their turn.
 */
@Component
public class FixWorker {
    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "smallest-fix-" + count.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /** The fix, computed on a worker thread unless it already is. */
    CompletableFuture<GradeReport.Fix> fix(PendingFix pending) {
        if (pending.computed()) {
            return CompletableFuture.completedFuture(pending.get());
        }
        return CompletableFuture.supplyAsync(pending::get, threads);
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
