package org.iamdojo.iam.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iamdojo.iam.SandboxFixture.allow;
import static org.iamdojo.iam.SandboxFixture.json;

import org.iamdojo.iam.SandboxFixture;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.junit.jupiter.api.Test;

/** CloudWatch metrics. https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricData.html */
class CloudWatchOperationsTest {
    static final String A = "111122223333";
    final SandboxFixture f = new SandboxFixture().account(A);

    @Test
    void putListAndStatistics() {
        Credentials app = f.user(A, "app", allow("cloudwatch:*", "*"));
        f.call(app, "cloudwatch", "PutMetricData", json("{\"Namespace\":\"Dojo/App\",\"MetricData\":["
                + "{\"MetricName\":\"Latency\",\"Value\":100,\"Unit\":\"Milliseconds\",\"Timestamp\":\"2026-03-02T08:01:00Z\"},"
                + "{\"MetricName\":\"Latency\",\"Value\":300,\"Unit\":\"Milliseconds\",\"Timestamp\":\"2026-03-02T08:02:00Z\"}]}"))
                .orThrow();
        assertThat(f.call(app, "cloudwatch", "ListMetrics", Params.of("Namespace", "Dojo/App")).orThrow().get("Metrics"))
                .hasSize(1);
        var stats = f.call(app, "cloudwatch", "GetMetricStatistics", json("{\"Namespace\":\"Dojo/App\",\"MetricName\":"
                + "\"Latency\",\"StartTime\":\"2026-03-02T08:00:00Z\",\"EndTime\":\"2026-03-02T09:00:00Z\",\"Period\":3600,"
                + "\"Statistics\":[\"Average\",\"Maximum\",\"SampleCount\"]}")).orThrow();
        assertThat(stats.at("/Datapoints/0/Average").asDouble()).isEqualTo(200.0);
        assertThat(stats.at("/Datapoints/0/Maximum").asDouble()).isEqualTo(300.0);
        assertThat(stats.at("/Datapoints/0/SampleCount").asDouble()).isEqualTo(2.0);
        assertThat(stats.at("/Datapoints/0/Unit").asText()).isEqualTo("Milliseconds");
        assertThat(f.sandbox.trail().find(e -> e.eventName().equals("PutMetricData")).get(0).eventSource())
                .isEqualTo("monitoring.amazonaws.com");
    }

    @Test
    void awsNamespacesAreReservedAndReadersCannotWrite() {
        Credentials app = f.user(A, "app", allow("cloudwatch:*", "*"));
        assertThat(f.call(app, "cloudwatch", "PutMetricData", json("{\"Namespace\":\"AWS/EC2\",\"MetricData\":"
                + "[{\"MetricName\":\"x\",\"Value\":1}]}")).error().code()).isEqualTo("InvalidParameterValue");
        Credentials reader = f.user(A, "reader", allow("cloudwatch:Get*", "*"));
        assertThat(f.call(reader, "cloudwatch", "PutMetricData", json("{\"Namespace\":\"Dojo\",\"MetricData\":"
                + "[{\"MetricName\":\"x\",\"Value\":1}]}")).error().code()).isEqualTo("AccessDenied");
        String onlyDojo = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"cloudwatch:PutMetricData\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"cloudwatch:namespace\":\"Dojo\"}}}]}";
        Credentials scoped = f.user(A, "scoped", onlyDojo);
        assertThat(f.call(scoped, "cloudwatch", "PutMetricData", json("{\"Namespace\":\"Dojo\",\"MetricData\":"
                + "[{\"MetricName\":\"x\",\"Value\":1}]}")).succeeded()).isTrue();
        assertThat(f.call(scoped, "cloudwatch", "PutMetricData", json("{\"Namespace\":\"Other\",\"MetricData\":"
                + "[{\"MetricName\":\"x\",\"Value\":1}]}")).succeeded()).isFalse();
    }
}
