package org.iamdojo;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs an {@link InMemoryAppTest} class again on PostgreSQL (issue 20): put it on a subclass. Enabled when
 * {@code IAMDOJO_TEST_POSTGRESQL_URL} names a database; {@code .ci/run} starts a throw-away cluster
 * ({@code scripts/postgresql-test-cluster}) and sets it, so CI runs these; a plain {@code mvn verify} on a
 * machine without PostgreSQL skips them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("postgresql")
@EnabledIfEnvironmentVariable(named = "IAMDOJO_TEST_POSTGRESQL_URL", matches = ".+")
@TestPropertySource(properties = {
        "spring.datasource.url=${IAMDOJO_TEST_POSTGRESQL_URL}",
        "spring.datasource.username=${IAMDOJO_TEST_POSTGRESQL_USER:iamdojo}",
        "spring.datasource.password=${IAMDOJO_TEST_POSTGRESQL_PASSWORD:iamdojo}"})
public @interface OnPostgresql {
}
