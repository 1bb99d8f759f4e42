package org.iamdojo.iam.access;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.iamdojo.iam.account.CallDetail;
import org.jspecify.annotations.Nullable;

/**
 * The access map of the sandbox accounts a caller may read: nodes, edges and escalation paths; {@code admins} are
 * the principals already allowed every representative action (no path is reported for them: they need none);
 * {@code bucketsShown}/{@code instancesShown} say whether the caller could list buckets and instances.
 */
public record AccessMap(List<String> accounts, List<MapNode> nodes, List<MapEdge> edges, List<EscalationPath> paths,
                        List<String> admins, boolean bucketsShown, boolean instancesShown) implements CallDetail {
    public AccessMap {
        accounts = List.copyOf(accounts);
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        paths = List.copyOf(paths);
        admins = List.copyOf(admins);
    }

    /** The node with that id, or null. */
    public @Nullable MapNode node(String id) {
        return byId().get(id);
    }

    /** Nodes by id. */
    public Map<String, MapNode> byId() {
        return nodes.stream().collect(Collectors.toMap(MapNode::id, Function.identity(), (a, b) -> a));
    }

    /** The edges of one kind from a node. */
    public List<MapEdge> edgesFrom(String from, EdgeKind kind) {
        return edges.stream().filter(e -> e.from().equals(from) && e.kind() == kind).toList();
    }

    /** The escalation paths of one principal (a user or role ARN). */
    public List<EscalationPath> pathsFrom(String principal) {
        return paths.stream().filter(p -> p.principal().equals(principal)).toList();
    }
}
