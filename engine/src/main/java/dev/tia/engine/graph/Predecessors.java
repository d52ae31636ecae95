package dev.tia.engine.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one walk reached, and from where: each reached node's predecessor on its chain back to a changed file (a file
 * is its own predecessor). Nodes go by the graph's numbers; the few a walk meets that no edge names (changed files,
 * methods, types without edges) are numbered after the graph's, for this walk only.
 */
final class Predecessors {

    private final Adjacency graph;
    private final Map<Node, Integer> extraIds = new HashMap<>();
    private final List<Node> extraNodes = new ArrayList<>();
    /** By number: the predecessor's number plus one, 0 while the node is not reached (so a new array is empty). */
    private int[] previous;
    /** How many nodes are reached: with none (a run without changes), a chain is empty without looking the node up. */
    private int reached;

    Predecessors(Adjacency graph) {
        this.graph = graph;
        this.previous = new int[graph.size() + 16];
    }

    /** The number of {@code node} in this walk, numbering it if neither the graph nor the walk has yet. */
    int id(Node node) {
        int id = find(node);
        if (id >= 0) {
            return id;
        }
        id = graph.size() + extraNodes.size();
        extraNodes.add(node);
        extraIds.put(node, id);
        if (id >= previous.length) {
            previous = Arrays.copyOf(previous, previous.length * 2);
        }
        return id;
    }

    /** The number of {@code node}, or -1 when neither the graph nor this walk has one for it. */
    private int find(Node node) {
        // no edge names a file or a method: only the walk numbers them
        int id = node instanceof Node.Member || node instanceof Node.File ? -1 : graph.find(node);
        if (id >= 0) {
            return id;
        }
        Integer extra = extraIds.get(node);
        return extra != null ? extra : -1;
    }

    Node node(int id) {
        return id < graph.size() ? graph.node(id) : extraNodes.get(id - graph.size());
    }

    /** Records that {@code node} was reached from {@code from}, unless it was reached before; true when it is new. */
    boolean putIfAbsent(int node, int from) {
        if (previous[node] != 0) {
            return false;
        }
        previous[node] = from + 1;
        reached++;
        return true;
    }

    /** The chain from a changed file to {@code node}, file first; empty when not reached. */
    List<Node> chain(Node node) {
        if (reached == 0) {
            return List.of();
        }
        int id = find(node);
        if (id < 0 || previous[id] == 0) {
            return List.of();
        }
        List<Node> chain = new ArrayList<>();
        while (true) {
            chain.add(node(id));
            int before = previous[id] - 1;
            if (before == id) {
                break;
            }
            id = before;
        }
        Collections.reverse(chain);
        return chain;
    }
}
