package org.iamdojo.training.attempt;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Carries workshop activity between nodes that share one PostgreSQL (issue 20, item 4): each activity published on
 * this node's {@link AttemptActivityBus} is sent with {@code pg_notify} on {@link #CHANNEL}, and a dedicated
 * connection LISTENs and {@link AttemptActivityBus#deliver delivers} other nodes' activity to this node's
 * listeners (the board). On HSQLDB (one node) it does nothing and the bus stays in-process.
 *
 * <p>A notification is sent in the publisher's transaction when there is one, so a rolled-back action is never
 * announced. A lost listening connection is opened again after {@link #RECONNECT}; activity sent meanwhile is
 * not replayed (the board catches up with the next activity, and a reopened board reads the database).
 */
@Component
public class PostgresActivityRelay {
    /** The NOTIFY channel every node listens on. */
    public static final String CHANNEL = "iamdojo_activity";
    static final Duration RECONNECT = Duration.ofSeconds(1);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Logger LOG = LoggerFactory.getLogger(PostgresActivityRelay.class);

    private final AttemptActivityBus bus;
    private final @Nullable DataSource dataSource;
    private final String url;
    private final String user;
    private final String password;
    /** Tells this node's own notifications apart from other nodes' (LISTEN hears both). */
    private final String node = UUID.randomUUID().toString();
    private volatile boolean running;
    private @Nullable Thread listener;
    private @Nullable AutoCloseable relay;
    private volatile boolean listening;

    /** The node's relay, on the application's data source and its JDBC settings. */
    @Autowired
    public PostgresActivityRelay(AttemptActivityBus bus, DataSource dataSource,
                                 @Value("${spring.datasource.url}") String url,
                                 @Value("${spring.datasource.username:}") String user,
                                 @Value("${spring.datasource.password:}") String password) {
        this.bus = bus;
        this.dataSource = dataSource;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** A relay for another "node" in the same process (tests): its own connections, no shared pool. */
    public PostgresActivityRelay(AttemptActivityBus bus, String url, String user, String password) {
        this.bus = bus;
        this.dataSource = null;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Starts relaying when the database is PostgreSQL; on any other database leaves the bus in-process. */
    @PostConstruct
    public void start() {
        if (!url.startsWith("jdbc:postgresql:")) {
            return;
        }
        running = true;
        relay = bus.relayTo(this::send);
        Thread t = new Thread(this::listen, "activity-listen");
        t.setDaemon(true);
        listener = t;
        t.start();
    }

    /** Whether the listening connection is up (tests wait for it before sending). */
    public boolean listening() {
        return listening;
    }

    @PreDestroy
    public void stop() throws Exception {
        running = false;
        if (relay != null) {
            relay.close();
        }
        Thread t = listener;
        if (t != null) {
            t.interrupt();
            t.join(RECONNECT.toMillis() + POLL.toMillis());
        }
    }

    private void send(AttemptActivity activity) {
        if (activity.workshopId() == null) {
            return; // self-paced practice: no board watches it
        }
        String payload = encode(activity);
        if (dataSource != null) {
            new JdbcTemplate(dataSource).query("SELECT pg_notify(?, ?)", rs -> null, CHANNEL, payload);
            return;
        }
        try (Connection c = DriverManager.getConnection(url, user, password);
             var s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            s.setString(1, CHANNEL);
            s.setString(2, payload);
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("NOTIFY failed: " + e.getMessage(), e);
        }
    }

    private void listen() {
        while (running) {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                listening = true;
                while (running) {
                    PGNotification[] got = pg.getNotifications((int) POLL.toMillis());
                    if (got == null) {
                        continue;
                    }
                    for (PGNotification n : got) {
                        AttemptActivity a = decode(n.getParameter());
                        if (a != null) {
                            bus.deliver(a);
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warn("Board relay lost its PostgreSQL connection ({}); listening again in {}",
                            e.getMessage(), RECONNECT);
                }
            } finally {
                listening = false;
            }
            try {
                Thread.sleep(RECONNECT.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** node|kind|workshop|member|attempt|epoch-millis: well under NOTIFY's 8000-byte payload limit. */
    private String encode(AttemptActivity a) {
        return String.join("|", node, a.kind(), a.workshopId(), Long.toString(a.memberId()),
                a.attemptId() == null ? "" : a.attemptId(), Long.toString(a.at().toEpochMilli()));
    }

    /** The activity another node sent, or null for this node's own (already delivered here) or a foreign payload. */
    private @Nullable AttemptActivity decode(String payload) {
        String[] f = payload.split("\\|", -1);
        if (f.length != 6 || f[0].equals(node)) {
            return null;
        }
        try {
            return new AttemptActivity(f[4].isEmpty() ? null : f[4], Long.parseLong(f[3]), f[2], f[1],
                    Instant.ofEpochMilli(Long.parseLong(f[5])));
        } catch (NumberFormatException e) {
            LOG.warn("Ignoring a malformed activity notification: {}", payload);
            return null;
        }
    }
}
