package org.iamdojo.ui.workshop;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iamdojo.scenario.Scenario;
import org.iamdojo.training.attempt.AttemptService;
import org.iamdojo.training.workshop.Board;
import org.iamdojo.training.workshop.BoardFeed;
import org.iamdojo.training.workshop.Workshop;
import org.iamdojo.training.workshop.WorkshopService;
import org.iamdojo.ui.shell.MainLayout;
import org.slf4j.LoggerFactory;

/**
 * The live board of a workshop the instructor runs: participants × scenarios with status, score, hints and
 * last activity, a class summary, sort and filter, CSV export. Learners' actions reach it by server push
 * within {@link BoardFeed#THROTTLE} plus one rebuild. Any other workshop id shows "not found".
 */
@Route(value = "workshops/board", layout = MainLayout.class)
@RolesAllowed({"INSTRUCTOR", "ADMIN"})
public class WorkshopBoardView extends Div implements HasUrlParameter<String>, HasDynamicTitle {
    static final String FILTER_ALL = "all";
    static final String FILTER_UNFINISHED = "unfinished";
    static final String FILTER_FINISHED = "finished";

    private final WorkshopService workshops;
    private final BoardFeed feed;
    private final String me;
    private final Grid<Board.Row> grid = new Grid<>();
    private final TextField nameFilter = new TextField();
    private final Select<String> statusFilter = new Select<>();
    private final Div summary = new Div();
    private final Span updated = new Span();
    private Workshop workshop;
    private List<Scenario> scenarios = List.of();
    private Board board;
    private AutoCloseable watching;
    private volatile Locale csvLocale = Locale.ENGLISH;

    public WorkshopBoardView(WorkshopService workshops, BoardFeed feed, AuthenticationContext authentication) {
        this.workshops = workshops;
        this.feed = feed;
        this.me = authentication.getPrincipalName().orElse("");
        addClassNames("dojo-page", "workshop-board");
    }

    @Override
    public void setParameter(BeforeEvent event, String workshopId) {
        workshop = workshops.runBy(workshopId, me).orElseThrow(NotFoundException::new);
        scenarios = workshops.scenarios(workshop);
        build();
        show(workshops.board(workshop.id(), me));
    }

    private void build() {
        removeAll();
        Locale locale = getLocale();
        csvLocale = locale;
        Span codeLabel = new Span(getTranslation("board.join-code"));
        codeLabel.addClassName("dojo-muted");
        Span code = new Span(workshop.joinCode());
        code.setId("join-code");
        code.addClassName("join-code");
        String link = baseUrl() + workshop.joinPath();
        Anchor joinLink = new Anchor(link, link);
        joinLink.setId("join-link");
        Div join = new Div(codeLabel, code, joinLink);
        join.addClassName("board-join");

        Div heading = new Div();
        WorkshopHeading.of(this, locale, workshop, "board-title").forEach(heading::add);
        Div head = new Div(heading, join);
        head.addClassName("board-head");

        summary.setId("board-summary");
        summary.addClassName("board-summary");

        nameFilter.setId("board-filter-name");
        nameFilter.setLabel(getTranslation("board.filter.name"));
        nameFilter.setClearButtonVisible(true);
        nameFilter.setValueChangeMode(ValueChangeMode.LAZY);
        nameFilter.addValueChangeListener(e -> applyFilter());
        statusFilter.setId("board-filter-status");
        statusFilter.setLabel(getTranslation("board.filter.status"));
        statusFilter.setItems(FILTER_ALL, FILTER_UNFINISHED, FILTER_FINISHED);
        statusFilter.setItemLabelGenerator(k -> getTranslation("board.filter.status." + k));
        statusFilter.setValue(FILTER_ALL);
        statusFilter.addValueChangeListener(e -> applyFilter());
        Anchor csv = new Anchor(new StreamResource(csvFileName(), () -> new ByteArrayInputStream(csvBytes())),
                getTranslation("board.export-csv"));
        csv.getElement().setAttribute("download", true);
        csv.setId("export-csv");
        csv.addClassName("board-export");
        updated.setId("board-updated");
        updated.addClassName("dojo-muted");
        Div toolbar = new Div(nameFilter, statusFilter, csv, updated);
        toolbar.addClassName("board-toolbar");

        configureGrid();
        add(head, summary, toolbar, grid);
    }

    private void configureGrid() {
        grid.removeAllColumns();
        grid.setId("board-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        Grid.Column<Board.Row> name = grid.addColumn(Board.Row::username).setKey("participant")
                .setHeader(getTranslation("board.column.participant")).setComparator(Board.Row::username)
                .setSortable(true).setAutoWidth(true).setFrozen(true);
        for (int i = 0; i < scenarios.size(); i++) {
            int index = i;
            grid.addComponentColumn(row -> cell(row, index)).setKey("s" + (i + 1))
                    .setHeader(new Span(getTranslation("board.column.scenario", i + 1, scenarios.get(i).title().in(getLocale()))))
                    .setComparator(row -> {
                        Board.Cell c = row.cells().get(index);
                        return c.score() == null ? -1 : c.score();
                    }).setSortable(true).setWidth("13em").setFlexGrow(0);
        }
        grid.addColumn(Board.Row::totalScore).setKey("total").setHeader(getTranslation("board.column.total"))
                .setComparator(Board.Row::totalScore).setSortable(true).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(Board.Row::finishedCount).setKey("finished").setHeader(getTranslation("board.column.finished"))
                .setComparator(Board.Row::finishedCount).setSortable(true).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(Board.Row::hintsUsed).setKey("hints").setHeader(getTranslation("board.column.hints"))
                .setComparator(Board.Row::hintsUsed).setSortable(true).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(row -> Formats.time(row.lastActivity(), getLocale())).setKey("last")
                .setHeader(getTranslation("board.column.last-activity"))
                .setComparator(Comparator.comparing(Board.Row::lastActivity, Comparator.nullsFirst(Instant::compareTo)))
                .setSortable(true).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("board.empty"));
        grid.sort(GridSortOrder.asc(name).build());
    }

    private Div cell(Board.Row row, int scenarioIndex) {
        Board.Cell c = row.cells().get(scenarioIndex);
        Div cell = new Div();
        cell.addClassNames("board-cell", "status-" + c.status().toLowerCase(Locale.ROOT));
        // Whose cell it is: the grid does not keep rows in document order, so browser tests find a cell by this.
        cell.getElement().setAttribute("data-participant", row.username());
        cell.getElement().setAttribute("data-scenario", c.scenarioId());
        Span status = new Span(getTranslation("board.status." + c.status()));
        status.addClassNames("dojo-badge", "board-status");
        cell.add(status);
        if (c.score() != null) {
            Span score = new Span(getTranslation("board.cell.score", c.score(), c.max()));
            score.addClassName("board-score");
            cell.add(score);
        }
        if (c.attemptId() != null) {
            Span actions = new Span(getTranslation("board.cell.actions", c.actions()));
            actions.addClassNames("dojo-muted", "board-actions");
            cell.add(actions);
        }
        if (c.hintsUsed() > 0) {
            Span hints = new Span(getTranslation("board.cell.hints", c.hintsUsed()));
            hints.addClassName("dojo-muted");
            cell.add(hints);
        }
        if (c.attemptId() != null) {
            Button open = new Button(getTranslation("board.cell.open"), e -> UI.getCurrent().navigate(
                    ParticipantAttemptView.class,
                    new RouteParameters(Map.of("workshopId", workshop.id(), "attemptId", c.attemptId()))));
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            open.addClassName("board-open");
            cell.add(open);
        }
        return cell;
    }


    /** Shows a board snapshot (called in the UI's lock). */
    void show(Board b) {
        this.board = b;
        summary.removeAll();
        Board.Summary s = b.summary();
        Div counts = new Div();
        counts.addClassName("board-counts");
        Span people = new Span(getTranslation("board.summary.participants", s.participants()));
        people.setId("summary-participants");
        Span done = new Span(getTranslation("board.summary.finished-all", s.finishedAll(), s.participants()));
        done.setId("summary-finished");
        counts.add(people, done);
        OrderedList perScenario = new OrderedList();
        perScenario.addClassName("board-per-scenario");
        for (int i = 0; i < scenarios.size() && i < s.finishedPerScenario().size(); i++) {
            perScenario.add(new ListItem(getTranslation("board.summary.scenario-finished",
                    scenarios.get(i).title().in(getLocale()), s.finishedPerScenario().get(i), s.participants())));
        }
        Div failed = new Div();
        failed.setId("summary-failed");
        failed.addClassName("board-failed");
        failed.add(new H2(getTranslation("board.summary.most-failed")));
        if (s.mostFailed().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("board.summary.none-failed"));
            none.addClassName("dojo-muted");
            failed.add(none);
        } else {
            OrderedList list = new OrderedList();
            for (Board.FailedCheck f : s.mostFailed()) {
                String scenarioTitle = scenarios.stream().filter(x -> x.id().equals(f.scenarioId())).findFirst()
                        .map(x -> x.title().in(getLocale())).orElse(f.scenarioId());
                list.add(new ListItem(getTranslation("board.summary.failed-check", f.title().in(getLocale()),
                        scenarioTitle, f.participants())));
            }
            failed.add(list);
        }
        Div progress = new Div(counts, perScenario);
        progress.addClassName("board-progress");
        summary.add(progress, failed);
        updated.setText(getTranslation("board.updated", Formats.time(b.takenAt(), getLocale())));
        applyFilter();
    }

    private void applyFilter() {
        if (board == null) {
            return;
        }
        String text = nameFilter.getValue() == null ? "" : nameFilter.getValue().strip().toLowerCase(Locale.ROOT);
        String status = statusFilter.getValue() == null ? FILTER_ALL : statusFilter.getValue();
        grid.setItems(board.rows().stream()
                .filter(r -> text.isEmpty() || r.username().toLowerCase(Locale.ROOT).contains(text))
                .filter(r -> switch (status) {
                    case FILTER_FINISHED -> r.finishedAll();
                    case FILTER_UNFINISHED -> !r.finishedAll();
                    default -> true;
                }).toList());
    }

    /**
     * The CSV export's bytes: headers, statuses (the board's own words) and scenario titles in the language the
     * board was built in. The download runs in a request of its own, without a current UI, where
     * {@link #getLocale()} falls back to the default language; so the board's language is kept when it is built.
     */
    byte[] csvBytes() {
        Locale locale = csvLocale;
        List<String> headers = List.of("workshop", "participant", "scenario", "status", "score", "max", "hints",
                "last-activity").stream().map(k -> getTranslation(locale, "board.csv." + k)).toList();
        return workshops.resultsCsv(workshop.id(), me, headers,
                status -> getTranslation(locale, "board.status." + status), locale);
    }

    private String csvFileName() {
        return "workshop-" + workshop.joinCode() + "-results.csv";
    }

    private static String baseUrl() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request == null) {
            return "/";
        }
        var http = request.getHttpServletRequest();
        boolean defaultPort = "http".equals(http.getScheme()) && http.getServerPort() == 80
                || "https".equals(http.getScheme()) && http.getServerPort() == 443;
        return http.getScheme() + "://" + http.getServerName() + (defaultPort ? "" : ":" + http.getServerPort())
                + http.getContextPath() + "/";
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (workshop == null) {
            return;
        }
        UI ui = attachEvent.getUI();
        try {
            watching = feed.watch(workshop.id(), me, b -> ui.access(() -> show(b)));
        } catch (AttemptService.NotFoundException e) {
            watching = null;
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopWatching();
        super.onDetach(detachEvent);
    }

    private void stopWatching() {
        if (watching != null) {
            try {
                watching.close();
            } catch (Exception e) {
                LoggerFactory.getLogger(WorkshopBoardView.class).debug("Closing the board feed failed", e);
            }
            watching = null;
        }
    }

    @Override
    public String getPageTitle() {
        return workshop == null ? getTranslation("workshops.page-title")
                : getTranslation("board.page-title", workshop.title());
    }
}
