package org.iamdojo.ui.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The proxy's health check answers without a session and creates none (README "Running several nodes"). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:hsqldb:mem:iamdojo-health", "iamdojo.admin-password=Adm1n-Test-Pass",
        "iamdojo.aws-endpoint.port=0", "vaadin.devmode.devTools.enabled=false"})
class HealthCheckTest {
    @LocalServerPort
    int port;

    @Test
    void answersOkWithoutCreatingASession() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + HealthCheck.PATH)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("ok\n");
        assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
    }
}
