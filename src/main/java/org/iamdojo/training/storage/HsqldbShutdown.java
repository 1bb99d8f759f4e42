package org.iamdojo.training.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs HSQLDB's {@code SHUTDOWN} when the application context closes, so the files are left consistent
 * and the lock file is released (the next start then needs no log replay). Does nothing on other databases.
 */
@Component
public class HsqldbShutdown implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HsqldbShutdown.class);

    private final DataSource dataSource;

    /** Shutdown hook for the given data source; as a dependent bean it is destroyed before the pool. */
    public HsqldbShutdown(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void destroy() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getMetaData().getDatabaseProductName().contains("HSQL")) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
            log.info("HSQLDB shut down cleanly");
        } catch (SQLException e) {
            log.warn("HSQLDB SHUTDOWN failed; the next start will replay the log: {}", e.getMessage());
        }
    }
}
