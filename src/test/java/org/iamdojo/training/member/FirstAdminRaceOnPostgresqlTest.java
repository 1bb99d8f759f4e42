package org.iamdojo.training.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iamdojo.Application;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Issue 20: two nodes starting together on one empty PostgreSQL database make one first admin between them. Both
 * applications run Flyway on the new database at once, then wait for each other just before the first-admin step,
 * so both find no members; the unique username lets one insert commit, the other node starts with that admin.
 * The one password printed is the one stored (no password is ever fixed or lost).
 */
@Tag("postgresql")
@EnabledIfEnvironmentVariable(named = "IAMDOJO_TEST_POSTGRESQL_URL", matches = ".+")
class FirstAdminRaceOnPostgresqlTest {
    private static final Pattern PRINTED = Pattern.compile("Password: (\\S+)");

    /** Holds a node's start-up until the other node reaches the same point, before the first admin is made. */
    private record Together(CyclicBarrier barrier) implements ApplicationRunner, Ordered {
        @Override
        public void run(ApplicationArguments args) throws Exception {
            barrier.await(3, TimeUnit.MINUTES);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    @Test
    void twoNodesStartingTogetherOnAnEmptyDatabaseMakeOneAdmin() throws Exception {
        String database = "iamdojo_first_admin_" + Long.toString(System.currentTimeMillis(), 36);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        CyclicBarrier barrier = new CyclicBarrier(2);
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<CompletableFuture<ConfigurableApplicationContext>> nodes = new ArrayList<>();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            for (String node : List.of("a", "b")) {
                SpringApplicationBuilder builder = new SpringApplicationBuilder(Application.class)
                        .initializers(ctx -> ctx.getBeanFactory().registerSingleton("together", new Together(barrier)));
                // Command-line arguments, as a node gets them: they override application.properties.
                String[] args = {"--server.port=0", "--vaadin.devmode.devTools.enabled=false",
                        "--spring.datasource.url=" + url(database),
                        "--spring.datasource.username=" + user(), "--spring.datasource.password=" + password(),
                        "--iamdojo.admin-password=", "--iamdojo.aws-endpoint.enabled=false",
                        "--iamdojo.data-dir=" + Files.createTempDirectory("iamdojo-node-" + node)};
                // A thread each (the common pool may have one thread on a small machine).
                nodes.add(CompletableFuture.supplyAsync(() -> builder.run(args),
                        r -> new Thread(r, "node-" + node).start()));
            }
            for (CompletableFuture<ConfigurableApplicationContext> node : nodes) {
                // Both start: the loser of the race does not fail on the winner's admin.
                node.get(4, TimeUnit.MINUTES);
            }
        } finally {
            System.setOut(console);
            for (CompletableFuture<ConfigurableApplicationContext> node : nodes) {
                if (node.isDone() && !node.isCompletedExceptionally()) {
                    node.get().close();
                }
            }
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        console.print(output);
        try (Connection c = DriverManager.getConnection(url(database), user(), password());
                Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM member")).isEqualTo(1);
            assertThat(count(s, "SELECT COUNT(*) FROM member_role WHERE role = 'ADMIN'")).isEqualTo(1);
            ResultSet hash = s.executeQuery("SELECT password_hash FROM member WHERE username = 'admin'");
            assertThat(hash.next()).isTrue();
            Matcher m = PRINTED.matcher(output);
            assertThat(m.find()).as("one node printed the admin's password").isTrue();
            assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches(m.group(1), hash.getString(1)))
                    .as("the printed password is the stored one").isTrue();
            assertThat(m.find()).as("only one password printed").isFalse();
            assertThat(output).contains("was created by another node starting at the same time");
        } finally {
            try (Connection c = admin(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    private static int count(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    private static Connection admin() throws Exception {
        return DriverManager.getConnection(System.getenv("IAMDOJO_TEST_POSTGRESQL_URL"), user(), password());
    }

    private static String user() {
        return Optional.ofNullable(System.getenv("IAMDOJO_TEST_POSTGRESQL_USER")).orElse("iamdojo");
    }

    private static String password() {
        return Optional.ofNullable(System.getenv("IAMDOJO_TEST_POSTGRESQL_PASSWORD")).orElse("iamdojo");
    }

    /** The cluster's URL with the database name replaced. */
    private static String url(String database) {
        URI uri = URI.create(System.getenv("IAMDOJO_TEST_POSTGRESQL_URL").substring("jdbc:".length()));
        return "jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + "/" + database
                + (uri.getQuery() == null ? "" : "?" + uri.getQuery());
    }
}
