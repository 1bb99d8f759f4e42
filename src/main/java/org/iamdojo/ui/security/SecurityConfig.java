package org.iamdojo.ui.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.iamdojo.training.member.MemberService;
import org.iamdojo.ui.health.HealthCheck;
import org.iamdojo.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Web security: Vaadin's configurer with our login view. Views declare access with
 * {@code @AnonymousAllowed}, {@code @PermitAll} or {@code @RolesAllowed}; Spring Security's default session
 * fixation protection (change the session id on sign-in) stays on.
 */
@Configuration
@EnableWebSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
public class SecurityConfig {

    /** Files anyone may fetch without a session. */
    static final String[] STATIC_FILES = {"/favicon.ico", "/robots.txt", "/scripts/**", "/icons/**", "/images/**"};

    /** The Content-Security-Policy of every response. */
    static final String CONTENT_SECURITY_POLICY =
            "object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'";

    /**
     * Static files bypass the security chain: an anonymous fetch must neither be redirected to sign-in nor, by
     * saving the request for after sign-in, create an HTTP session. (Adding a permitAll rule for them ahead of
     * Vaadin's configurer broke Vaadin's own rules: pages stopped rendering after sign-in.) The proxy's health
     * check bypasses it for the same reason.
     */
    @Bean
    WebSecurityCustomizer staticFilesBypassSecurity() {
        return web -> web.ignoring().requestMatchers(STATIC_FILES).requestMatchers(HealthCheck.PATH);
    }

    /** The filter chain for the whole app; signing out returns to the landing page. */
    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, RequestUtil vaadinRequests, MemberService members)
            throws Exception {
        // A disabled member, or one who lost a role, is signed out at the next request.
        http.addFilterAfter(new MemberStateFilter(members), SecurityContextHolderFilter.class);
        // Vaadin's own CSRF set-up exempts the login URL, so a cross-site page could sign a victim into the
        // attacker's account (login CSRF). Ours exempts only Vaadin's internal requests, which carry Vaadin's own
        // security key; the sign-in form sends the token Vaadin puts in the page's _csrf meta tags.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        http.headers(headers -> headers
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                // Vaadin needs inline styles and its bootstrap scripts; what can be locked down without breaking
                // it is: no plug-ins, no foreign <base>, no framing by other sites, forms post only to us.
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.with(VaadinSecurityConfigurer.vaadin(), configurer -> configurer
                        .enableCsrfConfiguration(false).loginView(LoginView.class, "/"))
                .build();
    }
}
