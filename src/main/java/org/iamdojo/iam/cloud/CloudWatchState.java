package org.iamdojo.iam.cloud;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The simulated CloudWatch metrics of one sandbox: per account, each metric's datapoints. */
public final class CloudWatchState {
    private final Map<String, Map<Metric, List<Datapoint>>> byAccount = new HashMap<>();

    /** The metrics of an account with their datapoints (oldest first). */
    public Map<Metric, List<Datapoint>> metrics(String accountId) {
        return Collections.unmodifiableMap(byAccount.getOrDefault(accountId, Map.of()));
    }

    void add(String accountId, Metric metric, Datapoint point) {
        List<Datapoint> points = byAccount.computeIfAbsent(accountId, k -> new LinkedHashMap<>())
                .computeIfAbsent(metric, k -> new ArrayList<>());
        points.add(point);
        points.sort((a, b) -> a.timestamp().compareTo(b.timestamp()));
    }

    /** A metric: namespace, name and dimensions (sorted by name, as CloudWatch identifies metrics). */
    public record Metric(String namespace, String metricName, SortedMap<String, String> dimensions) {
        /** A metric with its dimensions copied and sorted. */
        public Metric {
            dimensions = Collections.unmodifiableSortedMap(new TreeMap<>(dimensions));
        }
    }

    /** One value at a time, with its unit. */
    public record Datapoint(Instant timestamp, double value, String unit) {
    }
}
