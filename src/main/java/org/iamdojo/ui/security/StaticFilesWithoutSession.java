package org.iamdojo.ui.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests for static files ({@link SecurityConfig#STATIC_FILES}) never create an HTTP session: nothing down the
 * line may start one, and a file that does not exist is a plain 404 (otherwise Vaadin would answer it with its
 * not-found page, starting a session for it).
 */
@Configuration(proxyBeanMethods = false)
public class StaticFilesWithoutSession {

    private static final String[] ROOTS = {"/META-INF/resources", "/static", "/public", "/resources"};

    /** Runs before Spring Security, for the static file paths only. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> staticFilesFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter());
        registration.addUrlPatterns("/favicon.ico", "/robots.txt", "/scripts/*", "/icons/*", "/images/*");
        registration.setOrder(-200);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (path.contains("..") || !exists(path)) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            chain.doFilter(new HttpServletRequestWrapper(request) {
                @Override
                public HttpSession getSession() {
                    return request.getSession(false);
                }

                @Override
                public HttpSession getSession(boolean create) {
                    return request.getSession(false);
                }
            }, response);
        }

        private static boolean exists(String path) {
            for (String root : ROOTS) {
                if (Filter.class.getResource(root + path) != null) {
                    return true;
                }
            }
            return false;
        }
    }
}
