package org.iamdojo.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.iamdojo.Application;
import org.iamdojo.awsapi.AwsEndpointServer;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.iamdojo.training.attempt.AttemptService;
import org.iamdojo.training.attempt.LiveAttempt;
import org.iamdojo.training.member.MemberService;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Load on the AWS endpoint: N concurrent AWS SDK for Java v2 IAM clients (default 50, each its own IAM user's
 * access key, ten learners' sandboxes), each calling GetUser, ListUsers and ListAttachedUserPolicies in a loop
 * for the given seconds against the app started in this JVM (in-memory database). Reports p50/p95/p99 of the IAM
 * reads as the clients saw them and the overall calls per second. Not a test: never runs in a build.
 *
 * <p>Arguments: {@code [clients] [seconds]}. Run: see the README (AWS endpoint, load).
 */
public final class AwsEndpointLoad {
    private AwsEndpointLoad() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path data = Files.createTempDirectory("aws-endpoint-load");
        ConfigurableApplicationContext app = SpringApplication.run(Application.class,
                "--spring.datasource.url=jdbc:hsqldb:mem:aws-endpoint-load", "--server.port=0",
                "--iamdojo.aws-endpoint.port=0", "--iamdojo.admin-password=Adm1n-Load-Pass",
                "--iamdojo.data-dir=" + data, "--logging.level.root=WARN");
        try {
            AttemptService attempts = app.getBean(AttemptService.class);
            MemberService members = app.getBean(MemberService.class);
            URI endpoint = URI.create("http://127.0.0.1:" + app.getBean(AwsEndpointServer.class).port());
            List<AwsBasicCredentials> keys = new ArrayList<>();
            int learners = Math.max(1, Math.min(10, clients));
            for (int l = 0; l < learners; l++) {
                members.signUp("load-" + l, "Load-Password-42");
                LiveAttempt live = attempts.open("load-" + l, "developers-and-testers");
                Credentials console = live.attempt().learnerCredentials();
                for (int u = l; u < clients; u += learners) {
                    String user = "load-user-" + u;
                    live.call(console, "iam", "CreateUser", Params.of("UserName", user)).orThrow();
                    live.call(console, "iam", "AttachUserPolicy", Params.of("UserName", user,
                            "PolicyArn", "arn:aws:iam::aws:policy/IAMReadOnlyAccess")).orThrow();
                    ObjectNode k = live.call(console, "iam", "CreateAccessKey", Params.of("UserName", user)).orThrow();
                    keys.add(AwsBasicCredentials.create(k.path("AccessKey").path("AccessKeyId").asText(),
                            k.path("AccessKey").path("SecretAccessKey").asText()));
                }
            }
            run(endpoint, keys, 5, "warm-up");
            System.out.println("load before: " + Files.readString(Path.of("/proc/loadavg")).trim());
            run(endpoint, keys, seconds, "measured");
            System.out.println("load after: " + Files.readString(Path.of("/proc/loadavg")).trim());
        } finally {
            app.close();
        }
    }

    private static void run(URI endpoint, List<AwsBasicCredentials> keys, int seconds, String label) throws Exception {
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long[] end = new long[1];
        for (AwsBasicCredentials key : keys) {
            Thread t = new Thread(() -> {
                try (IamClient iam = IamClient.builder().endpointOverride(endpoint).region(Region.AWS_GLOBAL)
                        .credentialsProvider(StaticCredentialsProvider.create(key))
                        .httpClient(UrlConnectionHttpClient.create()).build()) {
                    start.await();
                    int i = 0;
                    while (System.nanoTime() < end[0]) {
                        long t0 = System.nanoTime();
                        try {
                            switch (i++ % 3) {
                                case 0 -> iam.getUser();
                                case 1 -> iam.listUsers();
                                default -> iam.listAttachedUserPolicies(r -> r.userName("dana"));
                            }
                            micros.add((System.nanoTime() - t0) / 1000);
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            threads.add(t);
        }
        long t0 = System.nanoTime();
        end[0] = t0 + seconds * 1_000_000_000L;
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%s: %d clients, %.1f s, %d calls ok, %d errors, %.0f calls/s, p50 %.1f ms, p95 %.1f ms, "
                        + "p99 %.1f ms%n", label, keys.size(), elapsed, sorted.length, errors.get(),
                sorted.length / elapsed, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99));
    }

    private static double pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1000.0;
    }
}
