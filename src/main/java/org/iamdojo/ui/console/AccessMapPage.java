package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.DomListenerRegistration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.iamdojo.iam.access.AccessMap;
import org.iamdojo.iam.access.AccessMapOperation;
import org.iamdojo.iam.access.EdgeKind;
import org.iamdojo.iam.access.EngineCheck;
import org.iamdojo.iam.access.EscalationPath;
import org.iamdojo.iam.access.MapEdge;
import org.iamdojo.iam.access.MapNode;
import org.iamdojo.iam.access.NodeKind;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.account.Sandbox;

/**
 * The access map of the sandbox as the acting identity may read it (dojo:GetAccessMap, so it needs
 * iam:GetAccountAuthorizationDetails): a layered SVG diagram, the escalation paths with their steps, write-up and
 * closing change, and a table with the same facts as text. Every "can" edge is an engine decision; clicking it (or
 * its row) opens the same layer-by-layer evaluation as the simulator. While shown, the page redraws after every
 * change made to the sandbox (the learner's console, terminal or own CLI), pushed to the browser.
 */
final class AccessMapPage extends DivPage {
    private static final String EDGE_EXPR =
            "event.target.closest('[data-edge]') ? event.target.closest('[data-edge]').getAttribute('data-edge') : ''";

    private final SandboxWorkspace workspace;
    private final ComboBox<MapNode> identity = new ComboBox<>();
    private final Div notices = new Div();
    private final Div drawing = new Div();
    private final Div pathList = new Div();
    private final Grid<Row> table = new Grid<>();
    private final Sandbox.MutationListener onChange = m -> redrawLater();
    /** A redraw is queued and has not started: a burst of changes (a pasted script) computes the map once. */
    private final AtomicBoolean redrawQueued = new AtomicBoolean();
    private AccessMap map;
    private List<MapEdge> shown = List.of();
    private UI ui;

    /** One table row: an edge with its words. */
    record Row(MapEdge edge, String from, String relation, String to, String basis) {
    }

    AccessMapPage(SandboxWorkspace workspace) {
        super("access-map-page");
        this.workspace = workspace;
        root.setId("access-map-page");
        identity.setLabel(t("map.filter"));
        identity.setId("access-map-filter");
        identity.setPlaceholder(t("map.filter.all"));
        identity.setClearButtonVisible(true);
        identity.setWidth("320px");
        identity.setItemLabelGenerator(n -> kindWord(n.kind()) + ": " + n.name() + account(n));
        identity.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                draw();
            }
        });
        drawing.setId("access-map-drawing");
        drawing.addClassName("access-map-drawing");
        drawing.getElement().setAttribute("aria-describedby", "access-map-table");
        DomListenerRegistration click = drawing.getElement().addEventListener("click", e -> openEdge(
                e.getEventData().getString(EDGE_EXPR)));
        click.addEventData(EDGE_EXPR);
        DomListenerRegistration key = drawing.getElement().addEventListener("keydown", e -> openEdge(
                e.getEventData().getString(EDGE_EXPR)));
        key.addEventData(EDGE_EXPR);
        key.setFilter("event.key === 'Enter' || event.key === ' '");
        pathList.setId("access-map-paths");
        pathList.addClassName("access-map-paths");
        table.setId("access-map-table");
        table.addClassName("access-map-table");
        table.addColumn(Row::from).setHeader(t("map.col.from")).setFlexGrow(2).setSortable(true);
        table.addColumn(Row::relation).setHeader(t("map.col.relation")).setFlexGrow(1).setSortable(true);
        table.addColumn(Row::to).setHeader(t("map.col.to")).setFlexGrow(2).setSortable(true);
        table.addColumn(Row::basis).setHeader(t("map.col.basis")).setFlexGrow(3);
        table.addComponentColumn(r -> {
            Button why = ConsoleUi.small("access-map-why", "map.why", e -> openEdge(r.edge()));
            why.getElement().setAttribute("aria-label",
                    t("map.sentence." + r.edge().kind().name(), r.from(), r.to()) + ": " + t("map.why"));
            return why;
        }).setHeader(t("map.col.why")).setFlexGrow(0).setWidth("110px");
        table.addItemClickListener(e -> openEdge(e.getItem().edge()));
        table.setHeight("360px");
        Paragraph intro = new Paragraph(t("map.intro"));
        intro.addClassName("dojo-muted");
        Div legend = new Div();
        legend.addClassName("access-map-legend");
        for (String k : List.of("member-of", "can-assume", "can-read", "can-write", "in-profile", "escalation")) {
            Span s = new Span(t("map.legend." + k));
            s.addClassNames("access-map-key", "access-map-key-" + k);
            legend.add(s);
        }
        root.add(new H3(t("map.title")), intro, identity, notices, legend, drawing,
                new H4(t("map.paths")), pathList, new H4(t("map.table")), table);
        root.addAttachListener(this::attached);
        root.addDetachListener(this::detached);
        refresh();
    }

    private void attached(AttachEvent e) {
        ui = e.getUI();
        workspace.sandbox().addMutationListener(onChange);
    }

    private void detached(DetachEvent e) {
        workspace.sandbox().removeMutationListener(onChange);
        ui = null;
    }

    /** A change to the sandbox, possibly from another session's thread: redraw when this UI is free. */
    private void redrawLater() {
        UI target = ui;
        if (target != null && redrawQueued.compareAndSet(false, true)) {
            target.access(() -> {
                redrawQueued.set(false); // a change from here on queues the next redraw
                refresh();
            });
        }
    }

    /** Asks the sandbox for the map as the acting identity and draws it. */
    @Override
    public void refresh() {
        notices.removeAll();
        CallResult r = workspace.call(AccessMapOperation.SERVICE, AccessMapOperation.NAME, Params.of());
        if (!r.succeeded() || !(r.detail() instanceof AccessMap m)) {
            map = null;
            notices.add(new ErrorNotice(r));
            identity.setItems(List.of());
            drawing.getElement().setProperty("innerHTML", "");
            pathList.removeAll();
            table.setItems(List.of());
            return;
        }
        map = m;
        MapNode before = identity.getValue();
        List<MapNode> principals = m.nodes().stream().filter(MapNode::principal).toList();
        identity.setItems(principals);
        identity.setValue(before == null ? null
                : principals.stream().filter(n -> n.id().equals(before.id())).findFirst().orElse(null));
        if (!m.bucketsShown()) {
            notices.add(note("map.no-buckets"));
        }
        if (!m.instancesShown()) {
            notices.add(note("map.no-instances"));
        }
        if (!m.admins().isEmpty()) {
            Map<String, MapNode> byId = m.byId();
            notices.add(note("map.admins", String.join(", ", m.admins().stream()
                    .map(a -> byId.containsKey(a) ? byId.get(a).name() : a).toList())));
        }
        draw();
    }

    private Paragraph note(String key, Object... args) {
        Paragraph p = new Paragraph(t(key, args));
        p.addClassName("dojo-notice");
        return p;
    }

    /** Draws the map for the chosen identity (all of it when none is chosen). */
    private void draw() {
        if (map == null) {
            return;
        }
        MapNode focus = identity.getValue();
        Map<String, MapNode> byId = map.byId();
        List<MapEdge> edges;
        List<EscalationPath> paths;
        Set<String> nodeIds = new LinkedHashSet<>();
        if (focus == null) {
            edges = map.edges();
            paths = map.paths();
            map.nodes().forEach(n -> nodeIds.add(n.id()));
        } else {
            Set<String> reach = reachable(focus.id());
            edges = map.edges().stream().filter(e -> reach.contains(e.from()) || e.to().equals(focus.id())).toList();
            paths = map.pathsFrom(focus.id());
            nodeIds.add(focus.id());
            edges.forEach(e -> {
                nodeIds.add(e.from());
                nodeIds.add(e.to());
            });
            paths.forEach(p -> nodeIds.add(p.target()));
        }
        Set<String> flagged = new HashSet<>();
        paths.forEach(p -> {
            flagged.add(p.principal());
            flagged.add(p.target());
        });
        List<MapNode> nodes = nodeIds.stream().map(byId::get).filter(n -> n != null).toList();
        shown = edges;
        drawing.getElement().setProperty("innerHTML", AccessMapSvg.svg(nodes, map.accounts(), edges, paths, flagged,
                new Words(byId)));
        drawing.getElement().setAttribute("data-edges", Integer.toString(
                AccessMapSvg.drawable(edges, byId::get).size()));
        pathList(paths, byId);
        List<Row> rows = new ArrayList<>();
        for (MapEdge e : edges) {
            rows.add(new Row(e, name(byId, e.from()), t("map.edge." + e.kind().name()), name(byId, e.to()), basis(e)));
        }
        table.setItems(rows);
    }

    /** The node and every node it reaches by can-assume and membership (its groups), roles' profiles and instances. */
    private Set<String> reachable(String from) {
        Set<String> out = new LinkedHashSet<>(List.of(from));
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            String at = queue.poll();
            for (MapEdge e : map.edges()) {
                if (e.from().equals(at) && (e.kind() == EdgeKind.CAN_ASSUME || e.kind() == EdgeKind.MEMBER_OF
                        || e.kind() == EdgeKind.IN_PROFILE) && out.add(e.to())) {
                    queue.add(e.to());
                }
            }
        }
        return out;
    }

    private void pathList(List<EscalationPath> paths, Map<String, MapNode> byId) {
        pathList.removeAll();
        if (paths.isEmpty()) {
            Paragraph none = new Paragraph(t("map.paths.none"));
            none.setId("access-map-no-paths");
            none.addClassName("dojo-muted");
            pathList.add(none);
            return;
        }
        int i = 0;
        for (EscalationPath p : paths) {
            Div card = new Div();
            card.addClassName("access-path");
            card.setId("access-path-" + i++);
            Span title = new Span(t("map.path.title", name(byId, p.principal()),
                    t("map.technique." + p.technique().name()), name(byId, p.target())));
            title.addClassName("access-path-title");
            card.add(title);
            if (p.gains() != null) {
                card.add(new Paragraph(t("map.path.gains", p.gains(), name(byId, p.principal()))));
            }
            OrderedList steps = new OrderedList();
            for (EngineCheck c : p.steps()) {
                ListItem li = new ListItem(new Span(t("map.path.step", c.action(), c.resource(),
                        t("decision.outcome." + c.decision().decision().name()))));
                li.addClassName("access-path-step");
                Button why = ConsoleUi.small("access-path-why", "map.why", e -> openChecks(
                        t("map.why.step", c.action()), List.of(c)));
                li.add(why);
                steps.add(li);
            }
            card.add(new Span(t("map.path.steps")), steps);
            EscalationPath.Fix f = p.fix();
            String statement = f.sid() != null && !f.sid().isEmpty() ? f.sid() : "#" + (f.statementIndex() + 1);
            Paragraph fix = new Paragraph(f.policyId().isEmpty() ? t("map.path.fix-unknown", f.action(), f.resource())
                    : t("map.path.fix", f.action(), f.resource(), statement, DecisionText.policy(f.policyId())));
            fix.addClassName("access-path-fix");
            Anchor ref = new Anchor(p.technique().reference(), t("map.path.reference"));
            ref.setTarget(AnchorTarget.BLANK);
            ref.getElement().setAttribute("rel", "noopener");
            ref.addClassName("access-path-reference");
            card.add(fix, ref);
            pathList.add(card);
        }
    }

    /** The edge with that id among those drawn now (a click on a drawing already replaced finds none). */
    private void openEdge(String id) {
        shown.stream().filter(e -> e.id().equals(id)).findFirst().ifPresent(this::openEdge);
    }

    private void openEdge(MapEdge edge) {
        Map<String, MapNode> byId = map.byId();
        String title = t("map.sentence." + edge.kind().name(), name(byId, edge.from()), name(byId, edge.to()));
        if (!edge.kind().decided()) {
            Dialog d = dialog(title);
            Paragraph p = new Paragraph(t("map.why.fact." + edge.kind().name(), name(byId, edge.from()),
                    name(byId, edge.to())));
            p.setId("access-map-fact");
            d.add(p);
            d.open();
            return;
        }
        openChecks(title, edge.checks());
    }

    private void openChecks(String title, List<EngineCheck> checks) {
        Dialog d = dialog(title);
        Div body = new Div();
        body.setId("access-map-why");
        for (EngineCheck c : checks) {
            Paragraph head = new Paragraph(t("map.why.check", c.action(), c.resource(),
                    t("decision.outcome." + c.decision().decision().name())));
            head.addClassName("access-map-check");
            body.add(head, new EvaluationFlow(c.request(), c.decision()));
        }
        d.add(body);
        d.open();
    }

    private Dialog dialog(String title) {
        Dialog d = new Dialog();
        d.setId("access-map-why-dialog");
        d.setHeaderTitle(title);
        d.setWidth("min(900px, 95vw)");
        Button close = new Button(t("console.close"), e -> d.close());
        close.setId("access-map-why-close");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(close);
        return d;
    }

    private String basis(MapEdge e) {
        if (!e.kind().decided()) {
            return t("map.basis.fact");
        }
        EngineCheck c = e.checks().get(0);
        return t("map.basis.engine", c.action(), c.resource());
    }

    private static String name(Map<String, MapNode> byId, String id) {
        MapNode n = byId.get(id);
        return n == null ? id : n.name() + account(n);
    }

    private static String account(MapNode n) {
        return n.kind() == NodeKind.ROOT && n.accountId() != null ? " (" + n.accountId() + ")" : "";
    }

    private static String kindWord(NodeKind kind) {
        return t("map.kind." + kind.name());
    }

    /** The drawing's words in the UI language. */
    private record Words(Map<String, MapNode> byId) implements AccessMapSvg.Labels {
        @Override
        public String description() {
            return t("map.svg.title");
        }

        @Override
        public String column(int column) {
            return t("map.column." + column);
        }

        @Override
        public String kindShort(NodeKind kind) {
            return t("map.kind-short." + kind.name());
        }

        @Override
        public String node(MapNode node) {
            return kindWord(node.kind()) + ": " + node.name() + (node.accountId() == null ? "" : " · " + node.accountId())
                    + "\n" + node.id();
        }

        @Override
        public String edge(MapEdge edge) {
            return t("map.sentence." + edge.kind().name(), name(byId, edge.from()), name(byId, edge.to()));
        }

        @Override
        public String path(EscalationPath path) {
            return t("map.path.title", name(byId, path.principal()),
                    t("map.technique." + path.technique().name()), name(byId, path.target()));
        }
    }
}
