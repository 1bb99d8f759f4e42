package org.iamdojo.training.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** An install made before V5 keeps its workshop boards: hints and the last failed checks come from the logs. */
class AttemptBoardColumnsMigrationTest {

    @Test
    void existingAttemptsAreFilledInFromTheirLogs() {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:hsqldb:mem:v5-upgrade", "SA", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/hsqldb").target("4").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.update("INSERT INTO member (id, username, password_hash, enabled, failed_sign_ins, created_at) "
                + "VALUES (1, 'old-learner', 'x', TRUE, 0, CURRENT_TIMESTAMP)");
        jdbc.update("INSERT INTO attempt (id, member_id, scenario_id, scenario_version, seed, status, started_at, "
                + "updated_at, hints_used, max_score) VALUES ('a1', 1, 's', 1, 7, 'IN_PROGRESS', CURRENT_TIMESTAMP, "
                + "CURRENT_TIMESTAMP, 0, 100)");
        String insert = "INSERT INTO attempt_event (attempt_id, seq, kind, occurred_at, payload) "
                + "VALUES ('a1', ?, ?, CURRENT_TIMESTAMP, ?)";
        jdbc.update(insert, 1, "HINT", "{\"step\":1,\"hint\":1}");
        jdbc.update(insert, 2, "GRADE", "{\"total\":10,\"max\":100,\"passed\":false,\"failed\":[0,2,5]}");
        jdbc.update(insert, 3, "HINT", "{\"step\":2,\"hint\":1}");
        jdbc.update(insert, 4, "GRADE", "{\"total\":60,\"max\":100,\"passed\":false,\"failed\":[2,5]}");

        Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/hsqldb")
                .javaMigrations(new V5__AttemptBoardColumns()).load().migrate();

        Map<String, Object> row = jdbc.queryForMap("SELECT hints_used, last_failed FROM attempt WHERE id = 'a1'");
        assertThat(row.get("HINTS_USED")).isEqualTo(2);
        assertThat(row.get("LAST_FAILED")).isEqualTo("2,5");
        jdbc.execute("SHUTDOWN");
    }
}
