package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.audit.CloudTrail;
import org.iamdojo.iam.audit.TrailEvent;

/**
 * CloudTrail event history of the workspace account as LookupEvents returns it to the acting identity (so it
 * needs cloudtrail:LookupEvents), newest first, 50 at a time with "Load more": who called what from where and
 * how it ended, filtered by event name, user and errors; the selected event as CloudTrail's JSON record.
 */
final class CloudTrailPage implements ConsolePage {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final SandboxWorkspace workspace;
    private final Div root = new Div();
    private final Grid<TrailEvent> grid = new Grid<>();
    private final TextField eventName = new TextField();
    private final TextField user = new TextField();
    private final Checkbox errorsOnly = new Checkbox();
    private final Pre json = new Pre();
    private final SandboxClockWidget clock;
    private final Div refused = new Div();
    private final Button more = new Button();
    /** The events the lookups returned so far, newest first, and the token of the next page (null: no more). */
    private final List<TrailEvent> loaded = new ArrayList<>();
    private String nextToken;

    CloudTrailPage(SandboxWorkspace workspace) {
        this.workspace = workspace;
        root.addClassName("console-page");
        root.addClassName("cloudtrail-page");
        clock = new SandboxClockWidget(workspace, this::refresh);
        H3 title = new H3(t("trail.title"));
        HorizontalLayout head = new HorizontalLayout(title, clock);
        head.setWidthFull();
        head.setAlignItems(FlexComponent.Alignment.CENTER);
        head.expand(title);
        eventName.setLabel(t("trail.filter.event"));
        eventName.setId("trail-filter-event");
        user.setLabel(t("trail.filter.user"));
        user.setId("trail-filter-user");
        errorsOnly.setLabel(t("trail.filter.errors"));
        errorsOnly.setId("trail-filter-errors");
        for (TextField f : List.of(eventName, user)) {
            f.setValueChangeMode(ValueChangeMode.LAZY);
            f.setClearButtonVisible(true);
            f.addValueChangeListener(e -> show());
        }
        errorsOnly.addValueChangeListener(e -> show());
        HorizontalLayout filters = new HorizontalLayout(eventName, user, errorsOnly);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("trail-events");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setHeight("320px");
        grid.addColumn(e -> TIME.format(e.eventTime())).setHeader(t("trail.col.time")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::userCell).setHeader(t("trail.col.user")).setFlexGrow(3);
        grid.addColumn(TrailEvent::eventSource).setHeader(t("trail.col.source")).setFlexGrow(2);
        grid.addColumn(TrailEvent::eventName).setHeader(t("trail.col.event")).setKey("event").setFlexGrow(2);
        grid.addComponentColumn(this::resultCell).setHeader(t("trail.col.result")).setFlexGrow(2);
        grid.addColumn(e -> e.sourceIPAddress() == null ? "-" : e.sourceIPAddress())
                .setHeader(t("trail.col.ip")).setAutoWidth(true).setFlexGrow(0);
        grid.asSingleSelect().addValueChangeListener(e -> showJson(e.getValue()));
        json.setId("trail-json");
        json.addClassName("console-json");
        json.addClassName("trail-json");
        more.setText(t("trail.more"));
        more.setId("trail-more");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        more.addClickListener(e -> load());
        root.add(head, filters, refused, grid, more, new H4(t("trail.record")), json);
        refresh();
    }

    /** "Type name" of the caller, e.g. "IAMUser alice", with a badge when the root user made the call. */
    static String userLabel(TrailEvent e) {
        String arn = e.principalArn() == null ? "" : e.principalArn();
        String name = switch (e.userIdentityType() == null ? "" : e.userIdentityType()) {
            case "Root" -> "";
            case "AWSService" -> arn;
            default -> arn.contains(":user/") || arn.contains(":assumed-role/") || arn.contains(":federated-user/")
                    ? arn.substring(arn.indexOf(':', arn.indexOf("::") + 2) + 1).replaceFirst("^user/", "")
                    : arn;
        };
        return name.isEmpty() ? e.userIdentityType() : e.userIdentityType() + " " + name;
    }

    private Component userCell(TrailEvent e) {
        Span who = new Span(userLabel(e));
        if (!e.byRoot()) {
            return who;
        }
        Span badge = new Span(t("trail.root-used"));
        badge.getElement().getThemeList().add("badge error small");
        badge.addClassName("root-used");
        HorizontalLayout cell = new HorizontalLayout(who, badge);
        cell.setSpacing(true);
        cell.setAlignItems(FlexComponent.Alignment.CENTER);
        return cell;
    }

    private Component resultCell(TrailEvent e) {
        Span s = new Span(e.succeeded() ? t("trail.success") : e.errorCode());
        s.getElement().getThemeList().add(e.succeeded() ? "badge success" : "badge error");
        return s;
    }

    private void showJson(TrailEvent e) {
        json.setText(e == null ? t("trail.pick-event") : PrettyJson.of(CloudTrail.toJson(e)));
    }

    @Override
    public Component component() {
        return root;
    }

    @Override
    public void refresh() {
        clock.update();
        loaded.clear();
        nextToken = null;
        refused.removeAll();
        load();
    }

    /** Reads the next page (the first after a refresh) with LookupEvents and shows it below the ones loaded. */
    private void load() {
        CallResult r = workspace.call("cloudtrail", "LookupEvents",
                nextToken == null ? Params.of() : Params.of("NextToken", nextToken));
        if (!r.succeeded()) {
            refused.removeAll();
            refused.add(new ErrorNotice(r));
            nextToken = null;
        } else {
            for (JsonNode e : r.response().path("Events")) {
                JsonNode record = PrettyJson.parse(e.path("CloudTrailEvent").asText());
                if (record != null) {
                    loaded.add(CloudTrail.fromJson(record));
                }
            }
            nextToken = r.response().path("NextToken").asText(null);
        }
        show();
    }

    /** Shows the loaded events that pass the filters. */
    private void show() {
        more.setVisible(nextToken != null);
        String name = eventName.getValue().trim().toLowerCase(Locale.ROOT);
        String who = user.getValue().trim().toLowerCase(Locale.ROOT);
        List<TrailEvent> events = loaded.stream()
                .filter(e -> name.isEmpty() || e.eventName().toLowerCase(Locale.ROOT).contains(name))
                .filter(e -> who.isEmpty() || userLabel(e).toLowerCase(Locale.ROOT).contains(who))
                .filter(e -> !errorsOnly.getValue() || !e.succeeded())
                .toList();
        grid.setItems(events);
        if (!events.isEmpty()) {
            grid.select(events.get(0));
        } else {
            showJson(null);
        }
    }
}
