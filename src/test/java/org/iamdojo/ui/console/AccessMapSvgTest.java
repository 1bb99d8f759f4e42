package org.iamdojo.ui.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iamdojo.iam.access.EdgeKind;
import org.iamdojo.iam.access.EscalationPath;
import org.iamdojo.iam.access.MapEdge;
import org.iamdojo.iam.access.MapNode;
import org.iamdojo.iam.access.NodeKind;
import org.junit.jupiter.api.Test;

/** The access map's drawing: a deterministic layered layout, escaped text, every drawn edge clickable by index. */
class AccessMapSvgTest {
    private static final String A = "111122223333";

    private static MapNode node(NodeKind kind, String name) {
        return new MapNode("arn:" + kind + ":" + name, kind, name, A);
    }

    private static final AccessMapSvg.Labels WORDS = new AccessMapSvg.Labels() {
        public String description() { return "map"; }
        public String column(int c) { return "col" + c; }
        public String kindShort(NodeKind k) { return k.name(); }
        public String node(MapNode n) { return n.name(); }
        public String edge(MapEdge e) { return e.from() + " " + e.kind() + " " + e.to(); }
        public String path(EscalationPath p) { return p.principal(); }
    };

    @Test
    void columnsFollowKindsAndRowsFollowNames() {
        MapNode bob = node(NodeKind.USER, "bob");
        MapNode alice = node(NodeKind.USER, "alice");
        MapNode root = node(NodeKind.ROOT, "root");
        MapNode dev = node(NodeKind.GROUP, "Dev");
        MapNode role = node(NodeKind.ROLE, "Admin");
        MapNode bucket = node(NodeKind.BUCKET, "reports");
        MapNode policy = node(NodeKind.MANAGED_POLICY, "ReadOnly");
        Map<String, AccessMapSvg.Place> places = AccessMapSvg.layout(
                List.of(bucket, bob, policy, role, dev, alice, root), List.of(A));
        assertThat(places).doesNotContainKey(policy.id());
        assertThat(places.keySet()).containsExactly(root.id(), alice.id(), bob.id(), dev.id(), role.id(), bucket.id());
        assertThat(places.get(root.id()).y()).isLessThan(places.get(alice.id()).y());
        assertThat(places.get(alice.id()).y()).isLessThan(places.get(bob.id()).y());
        assertThat(places.get(dev.id()).x()).isGreaterThan(places.get(bob.id()).x());
        assertThat(places.get(role.id()).x()).isGreaterThan(places.get(dev.id()).x());
        assertThat(places.get(bucket.id()).x()).isGreaterThan(places.get(role.id()).x());
        // The same map, given in another order, is drawn the same.
        assertThat(AccessMapSvg.layout(List.of(root, alice, bob, dev, role, bucket, policy), List.of(A)))
                .isEqualTo(places);
    }

    @Test
    void namesAreEscapedAndEdgesCarryTheirIndex() {
        MapNode evil = node(NodeKind.USER, "<script>x\"&");
        MapNode bucket = node(NodeKind.BUCKET, "b");
        MapNode policy = node(NodeKind.MANAGED_POLICY, "p");
        List<MapEdge> edges = List.of(new MapEdge(evil.id(), policy.id(), EdgeKind.ATTACHED, List.of()),
                new MapEdge(evil.id(), bucket.id(), EdgeKind.CAN_READ, List.of()));
        String svg = AccessMapSvg.svg(List.of(evil, bucket, policy), List.of(A), edges, List.of(), Set.of(evil.id()),
                WORDS);
        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;x&quot;&amp;");
        // The policy is not drawn, so its edge is not either; the bucket edge carries its id.
        assertThat(svg).doesNotContain("data-edge=\"ATTACHED").contains("data-edge=\"CAN_READ|arn:USER:&lt;script&gt;x&quot;&amp;|arn:BUCKET:b\"");
        assertThat(svg).contains("class=\"node node-user flagged\"");
        assertThat(AccessMapSvg.drawable(edges, id -> List.of(evil, bucket, policy).stream()
                .filter(n -> n.id().equals(id)).findFirst().orElse(null))).containsExactly(edges.get(1));
    }

    @Test
    void thirtyIdentitiesAndTenBucketsFitTheWidthAndGrowInHeight() {
        List<MapNode> nodes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            nodes.add(node(NodeKind.USER, "user" + i));
        }
        for (int i = 0; i < 10; i++) {
            nodes.add(node(NodeKind.ROLE, "role" + i));
            nodes.add(node(NodeKind.BUCKET, "bucket" + i));
        }
        Map<String, AccessMapSvg.Place> places = AccessMapSvg.layout(nodes, List.of(A));
        int maxX = places.values().stream().mapToInt(AccessMapSvg.Place::x).max().orElseThrow();
        assertThat(maxX + AccessMapSvg.BOX_WIDTH).isLessThanOrEqualTo(AccessMapSvg.WIDTH);
        int maxY = places.values().stream().mapToInt(AccessMapSvg.Place::y).max().orElseThrow();
        assertThat(maxY).isEqualTo(AccessMapSvg.TOP + 19 * AccessMapSvg.ROW);
    }
}
