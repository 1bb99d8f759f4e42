package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.account.Sandbox;

/**
 * CloudWatch: the account's metrics (ListMetrics) and the datapoints of the selected one (GetMetricStatistics),
 * plus a small form to publish a datapoint (PutMetricData), all as the acting identity.
 */
final class CloudWatchPage extends DivPage {
    private static final List<String> STATISTICS = List.of("SampleCount", "Average", "Sum", "Minimum", "Maximum");

    private final SandboxWorkspace workspace;
    private final Grid<MetricRow> metrics = new Grid<>();
    private final Grid<JsonNode> datapoints = new Grid<>();
    private final Div listError = new Div();
    private final Div pointsError = new Div();
    private final H4 pointsTitle = new H4();
    private final Select<Integer> period = new Select<>();
    private final Select<Integer> hours = new Select<>();
    private MetricRow selected;

    /** A metric as ListMetrics returns it. */
    record MetricRow(String namespace, String metricName, JsonNode dimensions) {
        /** Dimensions as "Name=Value, …". */
        String dimensionText() {
            List<String> parts = new ArrayList<>();
            dimensions.forEach(d -> parts.add(d.path("Name").asText() + "=" + d.path("Value").asText()));
            return String.join(", ", parts);
        }
    }

    CloudWatchPage(SandboxWorkspace workspace) {
        super("cloudwatch-page");
        this.workspace = workspace;
        root.add(new H3(t("cw.title")), publishForm());
        listError.addClassName("console-error");
        metrics.setId("cw-metrics");
        metrics.setAllRowsVisible(true);
        metrics.addColumn(MetricRow::namespace).setHeader(t("cw.col.namespace"));
        metrics.addColumn(MetricRow::metricName).setHeader(t("cw.col.name"));
        metrics.addColumn(MetricRow::dimensionText).setHeader(t("cw.col.dimensions")).setFlexGrow(2);
        metrics.addItemClickListener(e -> {
            selected = e.getItem();
            loadPoints();
        });
        // GetMetricStatistics' Period in seconds, and how many hours back StartTime is.
        choice(period, "cw.period", "cw-period", "cw.seconds", List.of(60, 300, 3600), 300);
        choice(hours, "cw.range", "cw-range", "cw.hours", List.of(1, 24, 168), 24);
        datapoints.setId("cw-datapoints");
        datapoints.setAllRowsVisible(true);
        datapoints.addColumn(d -> d.path("Timestamp").asText()).setHeader(t("cw.col.timestamp")).setFlexGrow(2);
        for (String s : STATISTICS) {
            datapoints.addColumn(d -> String.format(Locale.ROOT, "%.2f", d.path(s).asDouble()))
                    .setHeader(t("cw.stat." + s));
        }
        datapoints.addColumn(d -> d.path("Unit").asText()).setHeader(t("cw.col.unit"));
        pointsError.addClassName("console-error");
        HorizontalLayout options = new HorizontalLayout(period, hours);
        root.add(new H4(t("cw.metrics")), listError, metrics, pointsTitle, options, pointsError, datapoints);
        refresh();
    }

    private Component publishForm() {
        TextField namespace = new TextField(t("cw.namespace"));
        namespace.setId("cw-put-namespace");
        namespace.setValue("Dojo/App");
        TextField name = new TextField(t("cw.metric-name"));
        name.setId("cw-put-name");
        name.setValue("Requests");
        NumberField value = new NumberField(t("cw.value"));
        value.setId("cw-put-value");
        value.setValue(1.0);
        Button put = new Button(t("cw.publish"), e -> {
            ObjectNode p = Sandbox.json().objectNode();
            p.put("Namespace", namespace.getValue().trim());
            ArrayNode data = p.putArray("MetricData");
            data.addObject().put("MetricName", name.getValue().trim())
                    .put("Value", value.getValue() == null ? 0 : value.getValue()).put("Unit", "Count");
            if (CallFeedback.show(workspace.call("cloudwatch", "PutMetricData", new Params(p)),
                    t("cw.published"))) {
                refresh();
            }
        });
        put.setId("cw-publish");
        HorizontalLayout row = new HorizontalLayout(namespace, name, value, put);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return new Div(new H4(t("cw.publish-title")), row);
    }

    /** A choice among a few numbers, each labelled by {@code itemKey}, that redraws the datapoints when changed. */
    private void choice(Select<Integer> select, String labelKey, String id, String itemKey, List<Integer> items,
                        int value) {
        select.setLabel(t(labelKey));
        select.setId(id);
        select.setItems(items);
        select.setItemLabelGenerator(n -> t(itemKey, n));
        select.setValue(value);
        select.addValueChangeListener(e -> loadPoints());
    }

    @Override
    public void refresh() {
        listError.removeAll();
        CallResult r = workspace.call("cloudwatch", "ListMetrics", Params.of());
        List<MetricRow> rows = new ArrayList<>();
        if (r.succeeded()) {
            for (JsonNode m : r.response().path("Metrics")) {
                rows.add(new MetricRow(m.path("Namespace").asText(), m.path("MetricName").asText(), m.path("Dimensions")));
            }
        } else {
            listError.add(new ErrorNotice(r));
        }
        metrics.setItems(rows);
        if (selected == null && !rows.isEmpty()) {
            selected = rows.get(0);
        }
        loadPoints();
    }

    private void loadPoints() {
        pointsError.removeAll();
        if (selected == null) {
            pointsTitle.setText(t("cw.pick-metric"));
            datapoints.setItems(List.of());
            return;
        }
        pointsTitle.setText(t("cw.datapoints", selected.namespace(), selected.metricName()));
        ObjectNode p = Sandbox.json().objectNode();
        p.put("Namespace", selected.namespace());
        p.put("MetricName", selected.metricName());
        p.set("Dimensions", selected.dimensions());
        Instant now = workspace.sandbox().now();
        p.put("StartTime", now.minus(Duration.ofHours(hours.getValue())).toString());
        p.put("EndTime", now.plusSeconds(60).toString());
        p.put("Period", period.getValue());
        ArrayNode stats = p.putArray("Statistics");
        STATISTICS.forEach(stats::add);
        CallResult r = workspace.call("cloudwatch", "GetMetricStatistics", new Params(p));
        List<JsonNode> points = new ArrayList<>();
        if (r.succeeded()) {
            r.response().path("Datapoints").forEach(points::add);
        } else {
            pointsError.add(new ErrorNotice(r));
        }
        datapoints.setItems(points.stream().sorted((a, b) -> b.path("Timestamp").asText()
                .compareTo(a.path("Timestamp").asText())).collect(Collectors.toList()));
        if (points.isEmpty() && r.succeeded()) {
            pointsError.add(new Paragraph(t("cw.no-datapoints")));
        }
    }
}
