package org.iamdojo.training.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.iamdojo.InMemoryAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The database runs under MVCC, so a workshop board reading attempts never blocks learners saving theirs. */
@InMemoryAppTest
class HsqldbMvccTest {
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void databaseUsesMultiVersionConcurrencyControl() {
        assertThat(jdbc.queryForObject("SELECT PROPERTY_VALUE FROM INFORMATION_SCHEMA.SYSTEM_PROPERTIES "
                + "WHERE PROPERTY_NAME = 'hsqldb.tx'", String.class)).isEqualTo("MVCC");
    }
}
