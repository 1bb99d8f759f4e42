package org.iamdojo.awsapi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.iamdojo.iam.account.AwsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Serves {@link AwsEndpoint} on a port of its own ({@code iamdojo.aws-endpoint.port}, default 4566), apart from the
 * web app: S3's path-style {@code /bucket/key} cannot collide with the app's pages, and no session, cookie, CSRF
 * or page filter of the web app applies to it. {@code iamdojo.aws-endpoint.enabled=false} switches it off. A port
 * that cannot be opened is logged and the app keeps running without the endpoint.
 */
@Component
public class AwsEndpointServer implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(AwsEndpointServer.class);
    private final AwsEndpoint endpoint;
    private final boolean enabled;
    private final String address;
    private final int configuredPort;
    private final int maxBody;
    private final int threads;
    private volatile HttpServer server;
    private volatile ExecutorService executor;

    public AwsEndpointServer(AwsEndpoint endpoint,
                             @Value("${iamdojo.aws-endpoint.enabled:true}") boolean enabled,
                             @Value("${iamdojo.aws-endpoint.address:0.0.0.0}") String address,
                             @Value("${iamdojo.aws-endpoint.port:4566}") int port,
                             @Value("${iamdojo.aws-endpoint.max-body-bytes:1048576}") int maxBody,
                             @Value("${iamdojo.aws-endpoint.threads:16}") int threads) {
        this.endpoint = endpoint;
        this.enabled = enabled;
        this.address = address;
        this.configuredPort = port;
        this.maxBody = maxBody;
        this.threads = threads;
    }

    /** The port the endpoint listens on, or -1 when it is off (or could not open its port). */
    public int port() {
        HttpServer s = server;
        return s == null ? -1 : s.getAddress().getPort();
    }

    @Override
    public void start() {
        if (!enabled) {
            LOG.info("AWS endpoint switched off (iamdojo.aws-endpoint.enabled=false)");
            return;
        }
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(address, configuredPort), 128);
            executor = Executors.newFixedThreadPool(Math.max(2, threads), r -> {
                Thread t = new Thread(r, "aws-endpoint");
                t.setDaemon(true);
                return t;
            });
            s.setExecutor(executor);
            s.createContext("/", this::exchange);
            s.start();
            server = s;
            LOG.info("AWS endpoint (IAM, STS, S3, EC2) listening on {}:{}", address, port());
        } catch (IOException | RuntimeException e) {
            LOG.error("AWS endpoint could not open {}:{} ({}); the app runs without it", address, configuredPort,
                    e.getMessage());
        }
    }

    private void exchange(HttpExchange ex) throws IOException {
        AwsResponse response;
        try {
            response = endpoint.handle(read(ex));
        } catch (AwsException e) {
            response = AwsResponse.xml(e.httpStatus(), QueryProtocol.error("iam", e, "0"), "0");
        } catch (RuntimeException e) {
            LOG.warn("AWS endpoint could not read a request", e);
            response = AwsResponse.xml(400, QueryProtocol.error("iam", new EndpointException("MalformedRequest", 400,
                    "The request could not be read."), "0"), "0");
        }
        boolean head = ex.getRequestMethod().equals("HEAD");
        response.headers().forEach((k, v) -> {
            if (!k.equals("Content-Length")) {
                ex.getResponseHeaders().set(k, v);
            }
        });
        byte[] body = response.body();
        if (head) {
            String length = response.headers().get("Content-Length");
            if (length != null) {
                ex.getResponseHeaders().set("Content-Length", length);
            }
            ex.sendResponseHeaders(response.status(), -1);
        } else {
            ex.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }

    private AwsRequest read(HttpExchange ex) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        String length = headers.get("content-length");
        if (length != null && parseLength(length) > maxBody) {
            throw new EndpointException("RequestEntityTooLarge", 413,
                    "Request body is larger than the sandbox endpoint's limit of " + maxBody + " bytes.");
        }
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(maxBody + 1);
        }
        if (body.length > maxBody) {
            throw new EndpointException("RequestEntityTooLarge", 413,
                    "Request body is larger than the sandbox endpoint's limit of " + maxBody + " bytes.");
        }
        String rawPath = ex.getRequestURI().getRawPath();
        List<Map.Entry<String, String>> query = AwsRequest.decodeForm(ex.getRequestURI().getRawQuery());
        return new AwsRequest(ex.getRequestMethod(), rawPath == null ? "/" : rawPath, query, headers, body,
                ex.getRemoteAddress().getAddress().getHostAddress());
    }

    private static long parseLength(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public void stop() {
        HttpServer s = server;
        server = null;
        if (s != null) {
            s.stop(0);
        }
        ExecutorService e = executor;
        if (e != null) {
            e.shutdownNow();
            try {
                e.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}
