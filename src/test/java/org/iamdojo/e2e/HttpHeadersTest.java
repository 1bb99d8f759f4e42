package org.iamdojo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, item 11: security headers and the session cookie, as a browser receives them from the running app
 * (OWASP Secure Headers; SameSite per RFC 6265bis). The session id never appears in a URL.
 */
class HttpHeadersTest extends BrowserTestBase {

    /** Issue 19, item 8: a sign-in POST without the page's CSRF token is refused (no login CSRF). */
    @Test
    void signInWithoutTheCsrfTokenIsRefused() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + ADMIN_PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        // Refused before the password is even checked: Spring Security's CSRF filter hands the request to the entry
        // point, which sends the visitor back to the sign-in page. Signed in it would go to "/", with a wrong
        // password to "/login?error" (what this test saw before the fix: 302 to "/").
        assertThat(post.statusCode()).isIn(302, 403);
        if (post.statusCode() == 302) {
            assertThat(post.headers().firstValue("Location")).hasValue(baseUrl() + "/login");
        }
    }

    @Test
    void pagesCarrySecurityHeadersAndTheSessionCookieIsSameSiteAndCookieOnly() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(login.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("object-src 'none'").contains("frame-ancestors 'self'");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        // A protected page redirects to sign-in: the redirect must not carry ;jsessionid= in the URL.
        HttpResponse<String> protectedPage = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/history"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        protectedPage.headers().firstValue("Location").ifPresent(l -> assertThat(l).doesNotContainIgnoringCase("jsessionid"));
        assertThat(login.body()).doesNotContainIgnoringCase(";jsessionid=");
        for (HttpResponse<String> r : java.util.List.of(login, protectedPage)) {
            for (String cookie : r.headers().allValues("Set-Cookie")) {
                if (cookie.startsWith("JSESSIONID=")) {
                    assertThat(cookie).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly");
                }
            }
        }
        assertThat(login.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID="))
                || protectedPage.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID=")))
                .as("a session cookie was set to check").isTrue();
    }

    /**
     * Issue 19, item 11: an anonymous GET of a static file creates no HTTP session (no JSESSIONID cookie), so
     * crawlers and icon fetches cost no server memory.
     */
    @Test
    void staticFilesCreateNoSession() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        org.assertj.core.api.SoftAssertions soft = new org.assertj.core.api.SoftAssertions();
        for (String path : java.util.List.of("/favicon.ico", "/scripts/policy-highlight.js", "/icons/icon.png",
                "/images/logo.png", "/robots.txt", "/themes/iamdojo/styles.css")) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            soft.assertThat(r.headers().allValues("Set-Cookie")).as(path + " (HTTP " + r.statusCode() + ")")
                    .noneMatch(c -> c.startsWith("JSESSIONID="));
            if (path.equals("/favicon.ico") || path.equals("/scripts/policy-highlight.js")) {
                soft.assertThat(r.statusCode()).as(path).isEqualTo(200);
            }
        }
        soft.assertAll();
    }
}
