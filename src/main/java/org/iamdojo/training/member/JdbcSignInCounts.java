package org.iamdojo.training.member;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sign-in throttle's counts in the database (V20__sign_in_throttle_shared.sql), so every node behind a proxy
 * sees the same failures (README "Running several nodes"). Each statement commits by itself; the streak grows by a
 * single UPDATE, so two nodes counting at once both count.
 */
final class JdbcSignInCounts implements SignInCounts {
    private final JdbcTemplate jdbc;

    JdbcSignInCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Streak> streak(String name, String address) {
        List<Streak> found = jdbc.query("SELECT failures, last_failure FROM sign_in_streak WHERE name_key = ? AND address = ?",
                (r, i) -> new Streak(r.getInt(1), Instant.ofEpochMilli(r.getLong(2))), name, address);
        return found.stream().findFirst();
    }

    @Override
    public void failed(String name, String address, Instant now, Instant forgetBefore) {
        long at = now.toEpochMilli();
        jdbc.update("INSERT INTO sign_in_failure (name_key, address, failed_at) VALUES (?, ?, ?)", name, address, at);
        String grow = "UPDATE sign_in_streak SET failures = CASE WHEN last_failure <= ? THEN 1 ELSE failures + 1 END,"
                + " last_failure = ? WHERE name_key = ? AND address = ?";
        if (jdbc.update(grow, forgetBefore.toEpochMilli(), at, name, address) > 0) {
            return;
        }
        try {
            jdbc.update("INSERT INTO sign_in_streak (name_key, address, failures, last_failure) VALUES (?, ?, 1, ?)",
                    name, address, at);
        } catch (DataIntegrityViolationException raced) {
            // Another node inserted the streak meanwhile: count on top of it.
            jdbc.update(grow, forgetBefore.toEpochMilli(), at, name, address);
        }
    }

    @Override
    public void succeeded(String name, String address, Instant now) {
        jdbc.update("DELETE FROM sign_in_streak WHERE name_key = ? AND address = ?", name, address);
        String touch = "UPDATE sign_in_known_address SET signed_in_at = ? WHERE name_key = ? AND address = ?";
        if (jdbc.update(touch, now.toEpochMilli(), name, address) > 0) {
            return;
        }
        try {
            jdbc.update("INSERT INTO sign_in_known_address (name_key, address, signed_in_at) VALUES (?, ?, ?)",
                    name, address, now.toEpochMilli());
        } catch (DataIntegrityViolationException raced) {
            jdbc.update(touch, now.toEpochMilli(), name, address);
        }
    }

    @Override
    public Optional<Instant> knownSince(String name, String address) {
        List<Long> at = jdbc.queryForList(
                "SELECT signed_in_at FROM sign_in_known_address WHERE name_key = ? AND address = ?", Long.class,
                name, address);
        return at.stream().findFirst().map(Instant::ofEpochMilli);
    }

    @Override
    public Optional<Instant> nthNewestFailure(boolean byName, String key, Instant after, int nth) {
        // OFFSET/FETCH: SQL:2008, understood by HSQLDB and PostgreSQL alike.
        List<Long> at = jdbc.queryForList("SELECT failed_at FROM sign_in_failure WHERE "
                + (byName ? "name_key" : "address") + " = ? AND failed_at > ? ORDER BY failed_at DESC"
                + " OFFSET ? ROWS FETCH FIRST 1 ROWS ONLY", Long.class, key, after.toEpochMilli(), nth - 1);
        return at.stream().findFirst().map(Instant::ofEpochMilli);
    }

    @Override
    public void forget(Instant failuresBefore, Instant streaksBefore, Instant knownBefore) {
        jdbc.update("DELETE FROM sign_in_failure WHERE failed_at <= ?", failuresBefore.toEpochMilli());
        jdbc.update("DELETE FROM sign_in_streak WHERE last_failure <= ?", streaksBefore.toEpochMilli());
        jdbc.update("DELETE FROM sign_in_known_address WHERE signed_in_at <= ?", knownBefore.toEpochMilli());
    }
}
