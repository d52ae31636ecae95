package dev.tia.engine.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The impact graph's edges as plain successor lists, in the order they were added.
 *
 * <p>A graph is built afresh on every run from tens of thousands of edges and then only walked forward from the
 * change: a general graph library's predecessor sets, edge counts and duplicate checks cost a third of building it
 * and are never read. An edge added twice is walked twice, which the walks' visited sets make harmless.
 */
final class Adjacency {

    private final Map<Node, List<Node>> successors = new HashMap<>();

    /** Adds {@code from -> to}; a self edge means nothing and is dropped. */
    void putEdge(Node from, Node to) {
        if (!from.equals(to)) {
            successors.computeIfAbsent(from, node -> new ArrayList<>(4)).add(to);
        }
    }

    /** The nodes {@code node} has edges to, in insertion order; none for a node without edges. */
    List<Node> successors(Node node) {
        return successors.getOrDefault(node, List.of());
    }
}
