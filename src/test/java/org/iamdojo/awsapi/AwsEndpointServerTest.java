package org.iamdojo.awsapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The endpoint's own port: off by a setting, and bodies over the limit refused before anything reads them. */
class AwsEndpointServerTest {
    @Test
    void switchedOffItOpensNoPort() {
        AwsEndpointServer off = new AwsEndpointServer(null, false, "127.0.0.1", 0, 1024, 2);
        off.start();
        assertThat(off.isRunning()).isFalse();
        assertThat(off.port()).isEqualTo(-1);
    }

    @Test
    void aBodyOverTheLimitIsRequestEntityTooLarge() throws Exception {
        AwsEndpointServer on = new AwsEndpointServer(null, true, "127.0.0.1", 0, 1024, 2);
        on.start();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + on.port() + "/")).POST(HttpRequest.BodyPublishers.ofString("x".repeat(2048)))
                    .header("Content-Type", "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.body()).contains("<Code>RequestEntityTooLarge</Code>");
        } finally {
            on.stop();
        }
    }
}
