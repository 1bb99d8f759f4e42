package org.iamdojo.training.workshop;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.iamdojo.training.attempt.AttemptActivityBus;
import org.iamdojo.training.attempt.AttemptService.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Live boards: hears learners' activity in a workshop and hands a fresh {@link Board} to the watcher, at most
 * once per {@link #THROTTLE}. A burst of 100 learners acting at once costs one rebuild, not 100, and the
 * rebuild runs on the feed's own threads, never on a learner's thread or inside a UI lock.
 */
@Component
public class BoardFeed {
    /** The longest a change waits before the board is rebuilt; well inside the 2-second promise. */
    public static final Duration THROTTLE = Duration.ofMillis(300);
    private static final Logger LOG = LoggerFactory.getLogger(BoardFeed.class);

    private final AttemptActivityBus bus;
    private final WorkshopService workshops;
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "board-feed");
        t.setDaemon(true);
        return t;
    });

    public BoardFeed(AttemptActivityBus bus, WorkshopService workshops) {
        this.bus = bus;
        this.workshops = workshops;
    }

    /**
     * Watches a workshop the instructor runs: {@code onBoard} receives a rebuilt board after activity (on a feed
     * thread). Close the handle to stop. NotFoundException if the instructor does not run the workshop.
     */
    public AutoCloseable watch(String workshopId, String instructor, Consumer<Board> onBoard) {
        workshops.runBy(workshopId, instructor)
                .orElseThrow(() -> new NotFoundException("No workshop " + workshopId));
        AtomicBoolean pending = new AtomicBoolean();
        AtomicBoolean closed = new AtomicBoolean();
        AutoCloseable subscription = bus.subscribe(activity -> {
            if (workshopId.equals(activity.workshopId()) && !closed.get() && pending.compareAndSet(false, true)) {
                executor.schedule(() -> {
                    pending.set(false);
                    if (closed.get()) {
                        return;
                    }
                    try {
                        onBoard.accept(workshops.board(workshopId, instructor));
                    } catch (RuntimeException e) {
                        LOG.warn("Board refresh failed for workshop {}", workshopId, e);
                    }
                }, THROTTLE.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
        return () -> {
            closed.set(true);
            subscription.close();
        };
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
