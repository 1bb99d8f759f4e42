package org.iamdojo.training.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Keeps on each attempt what a workshop board shows, so the board reads one table: the positions of the checks
 * the latest grading failed ({@code last_failed}, "0,3") and the hints opened so far ({@code hints_used}, until
 * now written only when grading). Existing attempts are filled in from their logs. Portable SQL; the JSON of
 * GRADE entries is read here rather than in SQL.
 */
@Component
public class V5__AttemptBoardColumns extends BaseJavaMigration {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE attempt ADD COLUMN last_failed VARCHAR(2000)");
            s.execute("UPDATE attempt SET hints_used = (SELECT COUNT(*) FROM attempt_event e "
                    + "WHERE e.attempt_id = attempt.id AND e.kind = 'HINT')");
        }
        Map<String, String> latest = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT attempt_id, payload FROM attempt_event WHERE kind = 'GRADE' "
                     + "ORDER BY attempt_id, seq")) {
            while (rs.next()) {
                latest.put(rs.getString(1), rs.getString(2));
            }
        }
        if (latest.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE attempt SET last_failed = ? WHERE id = ?")) {
            for (Map.Entry<String, String> e : latest.entrySet()) {
                List<String> failed = new ArrayList<>();
                for (JsonNode index : JSON.readTree(e.getValue()).path("failed")) {
                    failed.add(Integer.toString(index.asInt()));
                }
                update.setString(1, String.join(",", failed));
                update.setString(2, e.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
