package org.iamdojo.iam.access;

import java.util.List;

/**
 * An edge from one node to another; for engine-decided kinds, the check that allowed it (first) and any other
 * checks made for it, so a "Why?" can show the engine's own trace.
 */
public record MapEdge(String from, String to, EdgeKind kind, List<EngineCheck> checks) {
    public MapEdge {
        checks = List.copyOf(checks);
    }

    /** A configuration fact, no engine decision behind it. */
    static MapEdge fact(String from, String to, EdgeKind kind) {
        return new MapEdge(from, to, kind, List.of());
    }

    /** A stable id for the edge (kind, from, to). */
    public String id() {
        return kind.name() + "|" + from + "|" + to;
    }
}
