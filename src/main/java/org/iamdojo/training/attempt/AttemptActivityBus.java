package org.iamdojo.training.attempt;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * In-memory publish/subscribe of learners' activity. Listeners run on the learner's thread, so they must only
 * note the event and hand real work elsewhere (the board schedules a throttled refresh). With several nodes a
 * relay (PostgreSQL LISTEN/NOTIFY, {@code ActivityRelay}) forwards each published activity to the other nodes,
 * which hand it to their listeners with {@link #deliver}.
 */
@Component
public class AttemptActivityBus {
    private static final Logger LOG = LoggerFactory.getLogger(AttemptActivityBus.class);

    private final List<Consumer<AttemptActivity>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<AttemptActivity>> relays = new CopyOnWriteArrayList<>();

    /** Adds a listener; closing the returned handle removes it. */
    public AutoCloseable subscribe(Consumer<AttemptActivity> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Adds a relay that carries this node's activity to other nodes; closing the handle removes it. */
    public AutoCloseable relayTo(Consumer<AttemptActivity> relay) {
        relays.add(relay);
        return () -> relays.remove(relay);
    }

    /**
     * Something a learner did on this node: tells every listener here and every relay; one failing listener or
     * relay does not stop the others or the learner's action.
     */
    public void publish(AttemptActivity activity) {
        deliver(activity);
        for (Consumer<AttemptActivity> relay : relays) {
            try {
                relay.accept(activity);
            } catch (RuntimeException e) {
                LOG.warn("Activity relay failed", e);
            }
        }
    }

    /** Something a learner did (here or on another node): tells every listener on this node, never a relay. */
    public void deliver(AttemptActivity activity) {
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
