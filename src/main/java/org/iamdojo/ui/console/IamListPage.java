package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.ValueProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.Locale;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Params;

/**
 * The skeleton the IAM list pages share (Users, User groups, Roles, Policies): a heading with the create button,
 * the list one List* call returns to the acting identity (its error in place of the list when refused), and below
 * it the selected row's detail, which reads what it shows with its own calls. A page is named by its entity
 * ({@code kind}: User, Group, Role, Policy) and its plural ({@code plural}: users…), and its element ids and
 * translation keys follow from them: users-page, users-grid, create-user, iam.users.title, .create, .empty,
 * .select, .delete.
 *
 * @param <R> one row of the list, made from one item of the List* response
 */
abstract class IamListPage<R> extends DivPage {
    /** Rows shown before the list scrolls. */
    private static final int VISIBLE_ROWS = 6;

    protected final SandboxWorkspace ws;
    /** The entity in element ids: user, group, role, policy. */
    private final String entity;
    private final String plural;
    private final String listOperation;
    private final Function<R, String> key;
    private final HorizontalLayout head;
    private final Div listBox = new Div();
    /** The selected row's detail. */
    protected final Div detail = new Div();
    /** The key (name or ARN) of the selected row, or null. */
    protected String selected;

    /**
     * @param listOperation the List* operation that fills the list (ListUsers…), spelled out
     * @param key what a row is selected by: its entity's name, or a policy's ARN
     */
    IamListPage(SandboxWorkspace ws, String kind, String plural, String listOperation, Function<R, String> key) {
        super("iam-page");
        this.ws = ws;
        this.listOperation = listOperation;
        this.key = key;
        this.plural = plural;
        this.entity = kind.toLowerCase(Locale.ROOT);
        root.setId(plural + "-page");
        head = ConsoleUi.pageHead("iam." + plural + ".title", "create-" + entity,
                "iam." + plural + ".create", this::create);
        detail.addClassName("iam-detail");
    }

    /** Lays the page out ({@code betweenHeadAndList}: filters) and draws it; subclasses call it last in their constructor. */
    protected final void build(Component... betweenHeadAndList) {
        root.add(head);
        root.add(betweenHeadAndList);
        root.add(listBox, detail);
        refresh();
    }

    /** The List* call (ListUsers…), as the acting identity. */
    protected CallResult list() {
        return ws.call("iam", listOperation, Params.of());
    }

    /** The response field of the list: Users, Groups, Roles, Policies. */
    private String listField() {
        return Character.toUpperCase(plural.charAt(0)) + plural.substring(1);
    }

    /** The row of one item of the List* response (its per-row reads, if any, also as the acting identity); null skips it. */
    protected abstract R row(JsonNode item);

    /** The rows in the order shown (as listed unless a page sorts them). */
    protected List<R> arrange(List<R> rows) {
        return rows;
    }

    /** The key a row is selected by. */
    private String key(R row) {
        return key.apply(row);
    }

    /** An entity's CreateDate as the list shows it. */
    protected static String created(JsonNode entity) {
        return ConsoleUi.date(Instant.parse(entity.path("CreateDate").asText()));
    }

    /** A sized-to-content column headed by the translation of {@code headerKey}. */
    protected static <T> Grid.Column<T> column(Grid<T> grid, ValueProvider<T, ?> value, String headerKey) {
        return grid.addColumn(value).setHeader(t(headerKey)).setAutoWidth(true);
    }

    /** The grid's columns. */
    protected abstract void columns(Grid<R> grid);

    /** Draws the detail of the selected row into {@link #detail} with its own calls. */
    protected abstract void drawDetail(String key);

    /** Opens the create dialog. */
    protected abstract void create();

    /** The create dialog (create-user-dialog…), titled iam.users.create…; the page adds its fields. */
    protected final Dialog createDialog() {
        Dialog d = new Dialog();
        d.setHeaderTitle(t("iam." + plural + ".create"));
        d.setId("create-" + entity + "-dialog");
        return d;
    }

    /** The new entity's name field (new-user-name…), labelled iam.users.name…. */
    protected final TextField nameField() {
        TextField name = new TextField(t("iam." + plural + ".name"));
        name.setId("new-" + entity + "-name");
        return name;
    }

    /** The Path field, "/" unless changed. */
    protected static TextField pathField() {
        TextField path = new TextField(t("iam.path"));
        path.setValue("/");
        return path;
    }

    /**
     * Opens the create dialog with Cancel and Create (create-user-confirm…). Create runs {@code create}, which makes
     * the calls and returns the new entity's key, or null to keep the dialog open (the error is shown in place);
     * on success the dialog closes and the new row is selected.
     */
    protected final void openCreate(Dialog d, Supplier<String> create) {
        Button ok = new Button(t("iam.create"), e -> {
            String created = create.get();
            if (created != null) {
                d.close();
                select(created);
            }
        });
        ok.setId("create-" + entity + "-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button(t("iam.cancel"), e -> d.close()), ok);
        d.open();
    }

    /** Sizes the list: all rows up to six, then a scrolling box. */
    protected void size(Grid<R> grid, int rows) {
        grid.setAllRowsVisible(rows <= VISIBLE_ROWS);
        if (rows > VISIBLE_ROWS) {
            grid.setHeight("240px");
        }
    }

    /** Selects a row by its key (as if clicked in the list). */
    void select(String key) {
        selected = key;
        refresh();
    }

    @Override
    public void refresh() {
        // The list, each row's reads and the detail's: one durable write for all their log entries.
        ws.inOneWrite(this::redraw);
    }

    private void redraw() {
        listBox.removeAll();
        CallResult r = list();
        if (!r.succeeded()) {
            // The detail may still be readable: its own calls decide.
            listBox.add(new ErrorNotice(r));
        } else {
            List<R> rows = new ArrayList<>();
            for (JsonNode item : r.response().path(listField())) {
                R row = row(item);
                if (row != null) {
                    rows.add(row);
                }
            }
            rows = arrange(rows);
            Grid<R> grid = new Grid<>();
            grid.setId(plural + "-grid");
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
            columns(grid);
            grid.setEmptyStateText(t("iam." + plural + ".empty"));
            grid.setItems(rows);
            size(grid, rows.size());
            rows.stream().filter(x -> key(x).equals(selected)).findFirst().ifPresent(grid::select);
            grid.addSelectionListener(e -> {
                selected = e.getFirstSelectedItem().map(this::key).orElse(null);
                ws.inOneWrite(this::showDetail);
            });
            listBox.add(grid);
        }
        showDetail();
    }

    private void showDetail() {
        detail.removeAll();
        if (selected == null) {
            detail.add(new Paragraph(t("iam." + plural + ".select")));
        } else {
            drawDetail(selected);
        }
    }

    /**
     * Whether the selected entity is gone (its Get* call answers NoSuchEntity, e.g. deleted in the terminal);
     * then the selection is cleared and the detail asks to select one, as when nothing is selected.
     */
    protected boolean gone(CallResult got) {
        if (got.succeeded() || !"NoSuchEntity".equals(got.error().code())) {
            return false;
        }
        selected = null;
        detail.removeAll();
        detail.add(new Paragraph(t("iam." + plural + ".select")));
        return true;
    }

    /**
     * Reads the selected {@code kind} (User, Group or Role) with its Get call as the acting identity and adds the
     * detail's head (name, ARN, delete); null when the entity is gone. The caller shows a refusal where it fits.
     */
    protected CallResult readSelected(IdentityKind kind, String name) {
        Params p = Params.of(kind.nameParameter(), name);
        CallResult got = ws.call("iam", kind.get, p);
        if (gone(got)) {
            return null;
        }
        detail.add(detailHead(name, got, "/" + kind.word + "/Arn", "delete-" + kind.word.toLowerCase(Locale.ROOT),
                "iam." + plural + ".delete", kind.delete, p));
        return got;
    }

    /**
     * The detail's head: the name, its ARN from the Get* response {@code got} (left out when refused; the page
     * shows that error) and, when {@code deleteId} is given, a delete button that asks first, calls
     * {@code deleteOperation} and clears the selection. {@code deletePrefix} is the button's translation key;
     * {@code .title}, {@code .text} and {@code d} after it name the question, its note and the success message.
     */
    protected HorizontalLayout detailHead(String name, CallResult got, String arnField, String deleteId,
                                          String deletePrefix, String deleteOperation, Params deleteParams) {
        HorizontalLayout head = new HorizontalLayout(new H4(name));
        head.addClassName("iam-detail-head");
        head.setAlignItems(HorizontalLayout.Alignment.CENTER);
        if (got != null && got.succeeded()) {
            head.add(new Span(got.response().at(arnField).asText()));
        }
        if (deleteId != null) {
            Button delete = ConsoleUi.button(deleteId, deletePrefix, e -> ConsoleUi.confirm(
                    t(deletePrefix + ".title", name), t(deletePrefix + ".text"), () -> {
                        if (ConsoleUi.call(ws, "iam", deleteOperation, deleteParams, deletePrefix + "d", name) != null) {
                            selected = null;
                            refresh();
                        }
                    }));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            head.add(delete);
        }
        return head;
    }

    /** A grid cell from a per-row read: the value, or the refused call's error code. */
    static String cell(CallResult r, Function<ObjectNode, String> value) {
        return r.succeeded() ? value.apply(r.response()) : r.error().code();
    }
}
