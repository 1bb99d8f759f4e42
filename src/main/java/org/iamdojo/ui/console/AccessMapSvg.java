package org.iamdojo.ui.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.iamdojo.iam.access.EdgeKind;
import org.iamdojo.iam.access.EscalationPath;
import org.iamdojo.iam.access.MapEdge;
import org.iamdojo.iam.access.MapNode;
import org.iamdojo.iam.access.NodeKind;

/**
 * The access map drawn on the server as SVG (no graph library, no frontend build): a fixed layered layout, the
 * same for the same map. Columns, left to right: root and users; groups; roles, instance profiles and instances;
 * buckets. Within a column, nodes go by account, then kind, then name; policies are not drawn (the table lists
 * them). Edges are cubic curves from the right side of their source to the left side of their target (a loop on
 * the right when both are in one column); each carries {@code data-edge} (its id, kind|from|to) so a click
 * opens its "Why?", plus a {@code <title>} read by screen readers. Escalation paths are red dashed curves with
 * {@code data-path}.
 */
final class AccessMapSvg {
    static final int COLUMN_WIDTH = 196;
    static final int BOX_WIDTH = 166;
    static final int BOX_HEIGHT = 24;
    static final int ROW = 32;
    static final int TOP = 36;
    static final int LEFT = 12;
    static final int WIDTH = LEFT * 2 + COLUMN_WIDTH * 3 + BOX_WIDTH;
    private static final int MAX_NAME = 15;

    private AccessMapSvg() {
    }

    /** The column of a node kind (policies: -1, not drawn). */
    static int column(NodeKind kind) {
        return switch (kind) {
            case ROOT, USER -> 0;
            case GROUP -> 1;
            case ROLE, INSTANCE_PROFILE, INSTANCE -> 2;
            case BUCKET -> 3;
            case MANAGED_POLICY, INLINE_POLICY -> -1;
        };
    }

    /** Where a drawn node sits: its top-left corner. */
    record Place(int x, int y) {
    }

    /** The places of the drawn nodes among {@code nodes}, in the layout's order; {@code accounts} order them. */
    static Map<String, Place> layout(List<MapNode> nodes, List<String> accounts) {
        Map<String, Place> out = new LinkedHashMap<>();
        int[] rows = new int[4];
        Comparator<MapNode> order = Comparator
                .comparingInt((MapNode n) -> n.accountId() == null ? Integer.MAX_VALUE : accounts.indexOf(n.accountId()))
                .thenComparingInt(n -> n.kind().ordinal())
                .thenComparing(MapNode::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(MapNode::id);
        nodes.stream().filter(n -> column(n.kind()) >= 0).sorted(order).forEach(n -> {
            int c = column(n.kind());
            out.put(n.id(), new Place(LEFT + c * COLUMN_WIDTH, TOP + rows[c]++ * ROW));
        });
        return out;
    }

    /**
     * The SVG of the drawn {@code nodes}, {@code edges} (between drawn nodes; others are skipped) and
     * {@code paths}; {@code flagged} nodes (a principal with a path, or its target) are outlined red.
     */
    static String svg(List<MapNode> nodes, List<String> accounts, List<MapEdge> edges, List<EscalationPath> paths,
                      Set<String> flagged, Labels labels) {
        Map<String, Place> places = layout(nodes, accounts);
        Map<String, MapNode> byId = new HashMap<>();
        nodes.forEach(n -> byId.put(n.id(), n));
        int rows = 1;
        for (Place p : places.values()) {
            rows = Math.max(rows, (p.y() - TOP) / ROW + 1);
        }
        int height = TOP + rows * ROW + 8;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"access-map-svg\" role=\"group\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" style=\"max-width:").append(WIDTH).append("px\" data-nodes=\"").append(places.size()).append("\"><title>")
                .append(escape(labels.description())).append("</title>");
        svg.append("<defs><marker id=\"access-map-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\""
                + " markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"arrow\"/>"
                + "</marker></defs>");
        for (int c = 0; c < 4; c++) {
            svg.append(String.format(Locale.ROOT, "<text class=\"column-head\" x=\"%d\" y=\"%d\">%s</text>",
                    LEFT + c * COLUMN_WIDTH, 20, escape(labels.column(c))));
        }
        for (int i = 0; i < edges.size(); i++) {
            MapEdge e = edges.get(i);
            Place from = places.get(e.from());
            Place to = places.get(e.to());
            if (from == null || to == null) {
                continue;
            }
            String d = curve(from, to, offset(e.kind()));
            svg.append("<g class=\"edge edge-").append(e.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .append("\" data-edge=\"").append(escape(e.id())).append("\" tabindex=\"0\" role=\"button\" aria-label=\"")
                    .append(escape(labels.edge(e))).append("\"><title>").append(escape(labels.edge(e)))
                    .append("</title><path class=\"hit\" d=\"").append(d).append("\"/><path class=\"line\" d=\"")
                    .append(d).append("\" marker-end=\"url(#access-map-arrow)\"/></g>");
        }
        for (int i = 0; i < paths.size(); i++) {
            EscalationPath p = paths.get(i);
            Place from = places.get(p.principal());
            Place to = places.get(p.target());
            if (from == null || to == null || from.equals(to)) {
                continue;
            }
            svg.append("<g class=\"escalation\" data-path=\"").append(i).append("\"><title>")
                    .append(escape(labels.path(p))).append("</title><path class=\"line\" d=\"")
                    .append(curve(from, to, -6)).append("\" marker-end=\"url(#access-map-arrow)\"/></g>");
        }
        for (Map.Entry<String, Place> entry : places.entrySet()) {
            MapNode n = byId.get(entry.getKey());
            Place p = entry.getValue();
            String kind = n.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
            svg.append("<g class=\"node node-").append(kind).append(flagged.contains(n.id()) ? " flagged" : "")
                    .append("\" data-node=\"").append(escape(n.id())).append("\"><title>")
                    .append(escape(labels.node(n))).append("</title>");
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"5\"/>",
                    p.x(), p.y(), BOX_WIDTH, BOX_HEIGHT));
            svg.append(String.format(Locale.ROOT, "<text class=\"kind\" x=\"%d\" y=\"%d\">%s</text>", p.x() + 6,
                    p.y() + 16, escape(labels.kindShort(n.kind()))));
            svg.append(String.format(Locale.ROOT, "<text class=\"name\" x=\"%d\" y=\"%d\">%s</text></g>", p.x() + 50,
                    p.y() + 16, escape(shorten(n.name()))));
        }
        return svg.append("</svg>").toString();
    }

    /** Read and write edges of one pair run side by side, not on top of each other. */
    private static int offset(EdgeKind kind) {
        return switch (kind) {
            case CAN_READ -> -3;
            case CAN_WRITE -> 3;
            default -> 0;
        };
    }

    private static String curve(Place from, Place to, int dy) {
        int y1 = from.y() + BOX_HEIGHT / 2 + dy;
        int y2 = to.y() + BOX_HEIGHT / 2 + dy;
        if (from.x() == to.x()) {
            int x = from.x() + BOX_WIDTH;
            int bulge = 24 + Math.min(60, Math.abs(y2 - y1) / 4);
            return String.format(Locale.ROOT, "M%d,%d C%d,%d %d,%d %d,%d", x, y1, x + bulge, y1, x + bulge, y2, x, y2);
        }
        boolean right = to.x() > from.x();
        int x1 = right ? from.x() + BOX_WIDTH : from.x();
        int x2 = right ? to.x() : to.x() + BOX_WIDTH;
        int mid = (x1 + x2) / 2;
        return String.format(Locale.ROOT, "M%d,%d C%d,%d %d,%d %d,%d", x1, y1, mid, y1, mid, y2, x2, y2);
    }

    private static String shorten(String name) {
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME - 1) + "…";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** The words of the drawing, in the UI language. */
    interface Labels {
        /** What the whole drawing shows (its title). */
        String description();

        /** The heading of a column (0–3). */
        String column(int column);

        /** A short kind tag drawn in the box ("user", "role"). */
        String kindShort(NodeKind kind);

        /** A node's tooltip: kind, name, ARN, policies. */
        String node(MapNode node);

        /** An edge's sentence ("alice can read reports"). */
        String edge(MapEdge edge);

        /** An escalation path's sentence. */
        String path(EscalationPath path);
    }

    /** The edges of {@code edges} whose both ends are drawn (kept in order). */
    static List<MapEdge> drawable(List<MapEdge> edges, Function<String, MapNode> node) {
        List<MapEdge> out = new ArrayList<>();
        for (MapEdge e : edges) {
            MapNode a = node.apply(e.from());
            MapNode b = node.apply(e.to());
            if (a != null && b != null && column(a.kind()) >= 0 && column(b.kind()) >= 0) {
                out.add(e);
            }
        }
        return out;
    }
}
