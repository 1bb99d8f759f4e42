package org.iamdojo.training.attempt;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * In-memory publish/subscribe of learners' activity. Listeners run on the learner's thread, so they must only
 * note the event and hand real work elsewhere (the board schedules a throttled refresh).
 */
@Component
public class AttemptActivityBus {
    private static final Logger LOG = LoggerFactory.getLogger(AttemptActivityBus.class);

    private final List<Consumer<AttemptActivity>> listeners = new CopyOnWriteArrayList<>();

    /** Adds a listener; closing the returned handle removes it. */
    public AutoCloseable subscribe(Consumer<AttemptActivity> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Tells every listener; one failing listener does not stop the others or the learner's action. */
    public void publish(AttemptActivity activity) {
        for (Consumer<AttemptActivity> listener : listeners) {
            try {
                listener.accept(activity);
            } catch (RuntimeException e) {
                LOG.warn("Activity listener failed", e);
            }
        }
    }

    /** How many listeners are attached (tests and the load test check the board is listening). */
    public int listenerCount() {
        return listeners.size();
    }
}
