package org.iamdojo.ui.health;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;

/**
 * {@code GET /healthz} for a reverse proxy's health check (issue 20, README "Running several nodes"): 200 "ok" when
 * this node can reach its database within two seconds, else 503. It runs outside Vaadin and Spring Security
 * ({@code SecurityConfig} ignores the path), so a check every few seconds creates no HTTP session.
 */
@Configuration
public class HealthCheck {
    /** The path the proxy checks. */
    public static final String PATH = "/healthz";

    @Bean
    ServletRegistrationBean<HttpServlet> healthServlet(DataSource dataSource) {
        HttpServlet servlet = new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                boolean up;
                try (Connection c = dataSource.getConnection()) {
                    up = c.isValid(2);
                } catch (SQLException e) {
                    up = false;
                }
                response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.setContentType("text/plain;charset=UTF-8");
                response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
                response.getWriter().write(up ? "ok\n" : "database unreachable\n");
            }
        };
        ServletRegistrationBean<HttpServlet> bean = new ServletRegistrationBean<>(servlet, PATH);
        bean.setName("health");
        return bean;
    }
}
