package org.iamdojo.training.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * Switches HSQLDB to multi-version concurrency control at start-up: a database setting HSQLDB keeps in its files,
 * set here so new and existing data folders alike get it (a URL property would only reach new ones). Under HSQLDB's default
 * two-phase locking a reader of a table blocks every writer of it: a workshop board reading attempts every
 * 300 ms would stall a hundred learners' saves. Under MVCC readers see the last committed state and writers
 * wait only for writers of the same rows. Does nothing on other databases.
 */
@Component
@DependsOn("flywayInitializer")
public class HsqldbMvcc {

    public HsqldbMvcc(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getMetaData().getDatabaseProductName().contains("HSQL")) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET DATABASE TRANSACTION CONTROL MVCC");
            }
        }
    }
}
