package org.iamdojo.ui.health;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;

/**
 * {@code GET /healthz} for a reverse proxy's health check (issue 20, README "Running several nodes"): 200 "ok" only
 * when this node is ready to serve pages and reaches its database within two seconds, else 503.
 * <p>
 * Ready is Spring Boot's readiness state: it becomes {@link ReadinessState#ACCEPTING_TRAFFIC} when the application
 * is ready (the database migrated by Flyway during start-up, every {@code ApplicationRunner} done, such as the
 * first admin's creation) and {@link ReadinessState#REFUSING_TRAFFIC} again when the node shuts down. Tomcat opens
 * its port before the runners, so without this a proxy would send learners to a half-started node
 * (https://docs.spring.io/spring-boot/reference/features/spring-application.html#features.spring-application.application-availability.readiness).
 * It runs outside Vaadin and Spring Security ({@code SecurityConfig} ignores the path), so a check every few
 * seconds creates no HTTP session.
 */
@Configuration
public class HealthCheck {
    /** The path the proxy checks. */
    public static final String PATH = "/healthz";

    @Bean
    ServletRegistrationBean<HttpServlet> healthServlet(DataSource dataSource, ApplicationAvailability availability) {
        HttpServlet servlet = new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                // The status comes from the readiness state and the database check themselves, the text only says which.
                boolean ready = availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
                boolean reachable = ready && reachable(dataSource);
                String answer = !ready ? "not ready\n" : reachable ? "ok\n" : "database unreachable\n";
                response.setStatus(reachable ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.setContentType("text/plain;charset=UTF-8");
                response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
                response.getWriter().write(answer);
            }
        };
        ServletRegistrationBean<HttpServlet> bean = new ServletRegistrationBean<>(servlet, PATH);
        bean.setName("health");
        return bean;
    }

    /** Whether a connection from the pool answers a validity check within two seconds. */
    private static boolean reachable(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
