package org.iamdojo.ui.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.iamdojo.Application;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 20: a starting node answers {@code /healthz} with 503 until it can serve pages, so HAProxy does not send
 * learners to it while it is half started. Tomcat listens before the application runners run (the first admin's
 * creation); this test holds start-up inside a runner and asks the health check meanwhile.
 * Readiness: https://docs.spring.io/spring-boot/reference/features/spring-application.html#features.spring-application.application-availability
 */
class HealthCheckReadinessTest {

    @Test
    void notReadyWhileStartingReadyAfterwards() throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        CountDownLatch release = new CountDownLatch(1);
        ApplicationRunner hold = args -> {
            // Runs once the web server is listening, before the application counts as ready.
            release.await(2, TimeUnit.MINUTES);
        };
        Path dataDir = Files.createTempDirectory("iamdojo-ready");
        // Command-line arguments, as a node gets them: they override application.properties.
        String[] args = {"--server.port=0", "--spring.datasource.url=jdbc:hsqldb:mem:iamdojo-ready",
                "--iamdojo.admin-password=Adm1n-Test-Pass", "--iamdojo.aws-endpoint.port=0",
                "--iamdojo.data-dir=" + dataDir, "--vaadin.devmode.devTools.enabled=false"};
        SpringApplicationBuilder builder = new SpringApplicationBuilder(Application.class)
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("holdStartUp", hold);
                    ctx.addApplicationListener(event -> {
                        if (event instanceof WebServerInitializedEvent web) {
                            port.complete(web.getWebServer().getPort());
                        }
                    });
                });
        CompletableFuture<ConfigurableApplicationContext> started = CompletableFuture.supplyAsync(() -> builder.run(args),
                r -> new Thread(r, "ready-test").start());
        ConfigurableApplicationContext context = null;
        try {
            int p = port.get(3, TimeUnit.MINUTES);
            HttpResponse<String> starting = health(p);
            assertThat(starting.statusCode()).as("while an application runner still runs").isEqualTo(503);
            assertThat(starting.body()).isEqualTo("not ready\n");

            release.countDown();
            context = started.get(2, TimeUnit.MINUTES);
            HttpResponse<String> ready = health(p);
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("ok\n");
        } finally {
            release.countDown();
            if (context == null && started.isDone() && !started.isCompletedExceptionally()) {
                context = started.get();
            }
            if (context != null) {
                context.close();
            }
        }
    }

    private static HttpResponse<String> health(int port) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + HealthCheck.PATH)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
