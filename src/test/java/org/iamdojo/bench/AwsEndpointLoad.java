package org.iamdojo.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.OperatingSystemMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.iamdojo.Application;
import org.iamdojo.awsapi.AwsEndpointServer;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.iamdojo.training.attempt.AttemptService;
import org.iamdojo.training.attempt.LiveAttempt;
import org.iamdojo.training.member.MemberService;
import org.iamdojo.training.storage.GroupCommit;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Load on the AWS endpoint: N concurrent AWS SDK for Java v2 IAM clients (default 50, each its own IAM user's
 * access key, ten learners' sandboxes) against the app started in this JVM (its file database in a temporary
 * folder). Each client calls
 * GetUser, ListUsers and ListAttachedUserPolicies in turn; one call in {@code writeEvery} (default 10, 0 = none) is
 * a write instead (TagUser on its own user, which waits until its log entries are committed). Reports, for reads and
 * for writes apart, p50/p95/p99 as the clients saw them, the calls per second, and the process CPU per call split
 * by thread (client threads, endpoint threads, the database writer, the rest: JIT compiler and GC).
 *
 * <p>With a rate (calls per second for all clients together) the clients are paced: each sends on its own fixed
 * schedule and a call's time counts from when it was due, so a client that falls behind still counts the wait
 * (no coordinated omission). Without one (0) each client sends its next call as soon as the last one is answered.
 * Not a test: never runs in a build.
 *
 * <p>Arguments: {@code [clients] [seconds] [calls-per-second, 0 = unpaced] [writeEvery]}. Run: see the README (AWS
 * endpoint, load).
 */
public final class AwsEndpointLoad {
    private AwsEndpointLoad() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        double rate = args.length > 2 ? Double.parseDouble(args[2]) : 0;
        int writeEvery = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        Path data = Files.createTempDirectory("aws-endpoint-load");
        // The app's own file database (durable commits) in a temporary folder: the in-memory one keeps every log
        // entry's text on the heap and ran out of it in a long run.
        ConfigurableApplicationContext app = SpringApplication.run(Application.class, "--server.port=0",
                "--iamdojo.aws-endpoint.port=0", "--iamdojo.admin-password=Adm1n-Load-Pass",
                "--iamdojo.data-dir=" + data, "--logging.level.root=WARN");
        try {
            AttemptService attempts = app.getBean(AttemptService.class);
            MemberService members = app.getBean(MemberService.class);
            URI endpoint = URI.create("http://127.0.0.1:" + app.getBean(AwsEndpointServer.class).port());
            List<Client> keys = new ArrayList<>();
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
                    live.call(console, "iam", "PutUserPolicy", Params.of("UserName", user, "PolicyName", "tag-self",
                            "PolicyDocument", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                                    + "\"Action\":\"iam:TagUser\",\"Resource\":\"arn:aws:iam::*:user/" + user + "\"}]}"))
                            .orThrow();
                    ObjectNode k = live.call(console, "iam", "CreateAccessKey", Params.of("UserName", user)).orThrow();
                    keys.add(new Client(user, AwsBasicCredentials.create(k.path("AccessKey").path("AccessKeyId").asText(),
                            k.path("AccessKey").path("SecretAccessKey").asText())));
                }
            }
            System.out.printf("%d clients, %s, one write in %s%n", clients,
                    rate > 0 ? "paced at " + rate + " calls/s" : "unpaced", writeEvery > 0 ? writeEvery : "never");
            run(endpoint, keys, 5, rate, writeEvery, "warm-up");
            System.out.println("load before: " + Files.readString(Path.of("/proc/loadavg")).trim());
            run(endpoint, keys, seconds, rate, writeEvery, "measured");
            System.out.println("load after: " + Files.readString(Path.of("/proc/loadavg")).trim());
            GroupCommit.Stats stats = app.getBean(GroupCommit.class).stats();
            System.out.printf("database writer since start: %d transactions, %d writes, largest group %d, %d ms%n",
                    stats.groups(), stats.writes(), stats.largestGroup(), stats.commitMillis());
        } finally {
            app.close();
        }
    }

    private record Client(String user, AwsBasicCredentials key) {
    }

    private static void run(URI endpoint, List<Client> clients, int seconds, double rate, int writeEvery,
                            String label) throws Exception {
        ConcurrentLinkedQueue<Long> reads = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> writes = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        LongAdder clientCpu = new LongAdder();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long[] window = new long[2];
        // Each client's interval between calls when paced; clients are spread evenly over one interval.
        long interval = rate > 0 ? (long) (clients.size() * 1e9 / rate) : 0;
        for (int c = 0; c < clients.size(); c++) {
            Client client = clients.get(c);
            long offset = interval * c / clients.size();
            Thread t = new Thread(() -> {
                try (IamClient iam = IamClient.builder().endpointOverride(endpoint).region(Region.AWS_GLOBAL)
                        .credentialsProvider(StaticCredentialsProvider.create(client.key()))
                        .httpClient(UrlConnectionHttpClient.create()).build()) {
                    start.await();
                    long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    long due = window[0] + offset;
                    int i = 0;
                    while (true) {
                        if (interval > 0) {
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                LockSupport.parkNanos(wait);
                            }
                        }
                        long t0 = interval > 0 ? due : System.nanoTime();
                        if (t0 >= window[1]) {
                            break;
                        }
                        boolean write = writeEvery > 0 && i % writeEvery == writeEvery - 1;
                        try {
                            if (write) {
                                iam.tagUser(r -> r.userName(client.user()).tags(tag -> tag.key("load").value("x")));
                            } else {
                                switch (i % 3) {
                                    case 0 -> iam.getUser();
                                    case 1 -> iam.listUsers();
                                    default -> iam.listAttachedUserPolicies(r -> r.userName("dana"));
                                }
                            }
                            (write ? writes : reads).add((System.nanoTime() - t0) / 1000);
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                        }
                        i++;
                        due += interval;
                    }
                    clientCpu.add(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "load-client-" + c);
            t.start();
            threads.add(t);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpuBefore = cpuByGroup(mx);
        long processBefore = processCpuNanos();
        long t0 = System.nanoTime();
        window[0] = t0;
        window[1] = t0 + seconds * 1_000_000_000L;
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long process = processCpuNanos() - processBefore;
        Map<String, Long> cpuAfter = cpuByGroup(mx);
        long[] r = reads.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] w = writes.stream().mapToLong(Long::longValue).sorted().toArray();
        long calls = r.length + w.length;
        System.out.printf("%s: %d clients, %.1f s, %d calls ok, %d errors, %.0f calls/s%n", label, clients.size(),
                elapsed, calls, errors.get(), calls / elapsed);
        System.out.printf("  reads:  %d, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", r.length, pct(r, 50), pct(r, 95),
                pct(r, 99));
        System.out.printf("  writes: %d, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", w.length, pct(w, 50), pct(w, 95),
                pct(w, 99));
        StringBuilder split = new StringBuilder();
        long threadsCpu = 0;
        for (String group : List.of("clients", "endpoint", "db-writer", "other-java")) {
            long used = group.equals("clients") ? clientCpu.sum()
                    : cpuAfter.getOrDefault(group, 0L) - cpuBefore.getOrDefault(group, 0L);
            threadsCpu += used;
            split.append(String.format(", %s %.3f", group, used / 1e6 / Math.max(1, calls)));
        }
        split.append(String.format(", jit+gc+native %.3f", (process - threadsCpu) / 1e6 / Math.max(1, calls)));
        System.out.printf("  process CPU per call %.3f ms (%.0f %% of 2 cores)%s%n", process / 1e6 / Math.max(1, calls),
                100.0 * process / 1e9 / elapsed / Runtime.getRuntime().availableProcessors(), split);
    }

    /** CPU time so far of the live Java threads, by what they do. */
    private static Map<String, Long> cpuByGroup(ThreadMXBean mx) {
        Map<String, Long> byGroup = new HashMap<>();
        for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = mx.getThreadCpuTime(info.getThreadId());
            if (cpu < 0) {
                continue;
            }
            String name = info.getThreadName();
            String group = name.startsWith("load-client-") ? "clients" // counted by each client (they end before)
                    : name.startsWith("aws-endpoint") || name.startsWith("HTTP-Dispatcher") ? "endpoint"
                    : name.equals("group-commit") ? "db-writer" : "other-java";
            byGroup.merge(group, cpu, Long::sum);
        }
        return byGroup;
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1000.0;
    }
}
