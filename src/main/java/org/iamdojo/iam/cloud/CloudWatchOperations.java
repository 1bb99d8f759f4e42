package org.iamdojo.iam.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.iamdojo.iam.account.AccessRequest;
import org.iamdojo.iam.account.AwsException;
import org.iamdojo.iam.account.Operation;
import org.iamdojo.iam.account.OperationContext;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.account.Sandbox;

/**
 * The simulated CloudWatch metrics API (service prefix cloudwatch, CloudTrail source monitoring.amazonaws.com):
 * PutMetricData, ListMetrics, GetMetricStatistics and GetMetricData over each account's own metrics.
 * CloudWatch metric actions have no resource-level permissions, so they are authorized on "*".
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/permissions-reference-cw.html
 */
public final class CloudWatchOperations {
    private CloudWatchOperations() {
    }

    /** The CloudWatch state of a sandbox. */
    public static CloudWatchState state(Sandbox sandbox) {
        return sandbox.extension(CloudWatchState.class, CloudWatchState::new);
    }

    /** Registers the CloudWatch operations on a sandbox. */
    public static void registerAll(Sandbox sb) {
        List.of(
                Operation.write("cloudwatch", "PutMetricData", CloudWatchOperations::putMetricDataAccess,
                        CloudWatchOperations::putMetricData),
                Operation.read("cloudwatch", "ListMetrics", (c, p) -> need(c, "ListMetrics"),
                        CloudWatchOperations::listMetrics),
                Operation.read("cloudwatch", "GetMetricStatistics", (c, p) -> need(c, "GetMetricStatistics"),
                        CloudWatchOperations::getMetricStatistics),
                Operation.read("cloudwatch", "GetMetricData", (c, p) -> need(c, "GetMetricData"),
                        CloudWatchOperations::getMetricData)
        ).forEach(sb::register);
    }

    /** PutMetricData is authorized with the cloudwatch:namespace key of the request. */
    private static List<AccessRequest> putMetricDataAccess(OperationContext c, Params p) {
        return List.of(AccessRequest.withoutResource("cloudwatch:PutMetricData", c.accountId(),
                Map.of("cloudwatch:namespace", List.of(p.required("Namespace")))));
    }

    /** Seeds datapoints of a metric in an account, one every {@code step} from {@code start}: scenario setup. */
    public static void seed(Sandbox sandbox, String accountId, CloudWatchState.Metric metric, String unit,
                            Instant start, Duration step, double... values) {
        sandbox.lock().lock();
        try {
            for (int i = 0; i < values.length; i++) {
                state(sandbox).add(accountId, metric, new CloudWatchState.Datapoint(start.plus(step.multipliedBy(i)),
                        values[i], unit));
            }
        } finally {
            sandbox.lock().unlock();
        }
    }

    /** Seeds AWS/EC2 CPUUtilization (percent, 5-minute basic monitoring) for an instance id. */
    public static CloudWatchState.Metric seedEc2Cpu(Sandbox sandbox, String accountId, String instanceId,
                                                    Instant start, double... percents) {
        CloudWatchState.Metric metric = new CloudWatchState.Metric("AWS/EC2", "CPUUtilization",
                new TreeMap<>(Map.of("InstanceId", instanceId)));
        seed(sandbox, accountId, metric, "Percent", start, Duration.ofMinutes(5), percents);
        return metric;
    }

    private static List<AccessRequest> need(OperationContext c, String action) {
        return List.of(AccessRequest.withoutResource("cloudwatch:" + action, c.accountId()));
    }

    private static ObjectNode putMetricData(OperationContext c, Params p) {
        String namespace = p.required("Namespace");
        // https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricData.html
        if (namespace.startsWith("AWS/")) {
            throw new AwsException("InvalidParameterValue", 400, "The value " + namespace
                    + " for parameter Namespace is invalid.");
        }
        JsonNode data = p.json().path("MetricData");
        if (!data.isArray() || data.isEmpty()) {
            throw new AwsException("MissingParameter", 400, "The parameter MetricData is required.");
        }
        for (JsonNode d : data) {
            String name = d.path("MetricName").asText("");
            if (name.isEmpty()) {
                throw new AwsException("MissingParameter", 400, "The parameter MetricData.member.MetricName is required.");
            }
            if (!d.path("Value").isNumber()) {
                throw new AwsException("MissingParameter", 400, "The parameter MetricData.member.Value is required.");
            }
            Instant at = d.hasNonNull("Timestamp") ? time(d.get("Timestamp").asText(), "Timestamp") : c.now();
            state(c.sandbox()).add(c.accountId(), new CloudWatchState.Metric(namespace, name, dimensions(d)),
                    new CloudWatchState.Datapoint(at, d.get("Value").asDouble(), d.path("Unit").asText("None")));
        }
        return c.object();
    }

    private static ObjectNode listMetrics(OperationContext c, Params p) {
        String namespace = p.optional("Namespace");
        String name = p.optional("MetricName");
        Map<String, String> wanted = dimensions(p.json());
        ObjectNode out = c.object();
        ArrayNode list = out.putArray("Metrics");
        for (CloudWatchState.Metric m : state(c.sandbox()).metrics(c.accountId()).keySet()) {
            if ((namespace == null || namespace.equals(m.namespace())) && (name == null || name.equals(m.metricName()))
                    && m.dimensions().entrySet().containsAll(wanted.entrySet())) {
                list.add(metricJson(c, m));
            }
        }
        return out;
    }

    private static ObjectNode getMetricStatistics(OperationContext c, Params p) {
        CloudWatchState.Metric metric = new CloudWatchState.Metric(p.required("Namespace"), p.required("MetricName"),
                dimensions(p.json()));
        Instant start = time(p.required("StartTime"), "StartTime");
        Instant end = time(p.required("EndTime"), "EndTime");
        int period = period(p.integer("Period"));
        List<String> stats = p.list("Statistics");
        if (stats.isEmpty()) {
            throw new AwsException("MissingParameter", 400, "Must specify either Statistics or ExtendedStatistics.");
        }
        ObjectNode out = c.object();
        out.put("Label", metric.metricName());
        ArrayNode points = out.putArray("Datapoints");
        for (Bucket b : buckets(c, metric, start, end, period)) {
            ObjectNode d = points.addObject();
            d.put("Timestamp", b.start().toString());
            for (String s : stats) {
                d.put(s, stat(b.stats(), s));
            }
            d.put("Unit", b.unit());
        }
        return out;
    }

    private static ObjectNode getMetricData(OperationContext c, Params p) {
        Instant start = time(p.required("StartTime"), "StartTime");
        Instant end = time(p.required("EndTime"), "EndTime");
        JsonNode queries = p.json().path("MetricDataQueries");
        if (!queries.isArray() || queries.isEmpty()) {
            throw AwsException.validation("The parameter MetricDataQueries is required.");
        }
        ObjectNode out = c.object();
        ArrayNode results = out.putArray("MetricDataResults");
        for (JsonNode q : queries) {
            JsonNode stat = q.path("MetricStat");
            JsonNode m = stat.path("Metric");
            if (!stat.isObject() || !m.hasNonNull("MetricName") || !m.hasNonNull("Namespace")) {
                throw AwsException.validation("The sandbox supports MetricStat queries with Metric.Namespace and "
                        + "Metric.MetricName (Id " + q.path("Id").asText() + ")");
            }
            CloudWatchState.Metric metric = new CloudWatchState.Metric(m.get("Namespace").asText(),
                    m.get("MetricName").asText(), dimensions(m));
            String statName = stat.path("Stat").asText("Average");
            ObjectNode r = results.addObject();
            r.put("Id", q.path("Id").asText());
            r.put("Label", q.path("Label").asText(metric.metricName()));
            ArrayNode times = r.putArray("Timestamps");
            ArrayNode values = r.putArray("Values");
            List<Bucket> buckets = buckets(c, metric, start, end, period(stat.path("Period").asInt(300)));
            // GetMetricData lists the newest first (ScanBy TimestampDescending by default).
            for (int i = buckets.size() - 1; i >= 0; i--) {
                times.add(buckets.get(i).start().toString());
                values.add(stat(buckets.get(i).stats(), statName));
            }
            r.put("StatusCode", "Complete");
        }
        return out;
    }

    private record Bucket(Instant start, DoubleSummaryStatistics stats, String unit) {
    }

    private static List<Bucket> buckets(OperationContext c, CloudWatchState.Metric metric, Instant start, Instant end,
                                        int period) {
        List<CloudWatchState.Datapoint> points = state(c.sandbox()).metrics(c.accountId()).getOrDefault(metric, List.of());
        TreeMap<Instant, DoubleSummaryStatistics> byPeriod = new TreeMap<>();
        String unit = "None";
        for (CloudWatchState.Datapoint d : points) {
            if (d.timestamp().isBefore(start) || !d.timestamp().isBefore(end)) {
                continue;
            }
            long offset = Duration.between(start, d.timestamp()).getSeconds() / period * period;
            byPeriod.computeIfAbsent(start.plusSeconds(offset), k -> new DoubleSummaryStatistics()).accept(d.value());
            unit = d.unit();
        }
        List<Bucket> out = new ArrayList<>();
        String u = unit;
        byPeriod.forEach((t, s) -> out.add(new Bucket(t, s, u)));
        return out;
    }

    private static double stat(DoubleSummaryStatistics s, String name) {
        return switch (name) {
            case "Average" -> s.getAverage();
            case "Sum" -> s.getSum();
            case "Minimum" -> s.getMin();
            case "Maximum" -> s.getMax();
            case "SampleCount" -> s.getCount();
            default -> throw new AwsException("InvalidParameterValue", 400, "The parameter Statistics contains an "
                    + "invalid value " + name + " (the sandbox supports Average, Sum, Minimum, Maximum, SampleCount).");
        };
    }

    private static int period(Integer period) {
        int p = period == null ? 300 : period;
        if (p < 1 || (p >= 60 && p % 60 != 0)) {
            throw new AwsException("InvalidParameterValue", 400, "The parameter Period must be a multiple of 60.");
        }
        return p;
    }

    private static SortedMap<String, String> dimensions(JsonNode node) {
        SortedMap<String, String> dims = new TreeMap<>();
        for (JsonNode d : node.path("Dimensions")) {
            dims.put(d.path("Name").asText(), d.path("Value").asText());
        }
        return dims;
    }

    private static ObjectNode metricJson(OperationContext c, CloudWatchState.Metric m) {
        ObjectNode e = c.object();
        e.put("Namespace", m.namespace());
        e.put("MetricName", m.metricName());
        ArrayNode dims = e.putArray("Dimensions");
        m.dimensions().forEach((k, v) -> dims.addObject().put("Name", k).put("Value", v));
        return e;
    }

    private static Instant time(String value, String param) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new AwsException("InvalidParameterValue", 400, "The parameter " + param
                    + " must be an ISO 8601 UTC timestamp: " + value);
        }
    }
}
