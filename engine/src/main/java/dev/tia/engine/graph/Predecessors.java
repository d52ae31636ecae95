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
    /** By number, once asked for: the labels of the chain to the node joined (see {@link #joinedChain}). */
    private String[] joined;

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

    /**
     * The labels of the nodes of {@link #chain} joined by {@code " -> "}; empty when not reached. A report asks this
     * for every test a change reaches (thousands for a change of a type most code uses), and tests share the start
     * of their chains: each node's is made once, from its predecessor's.
     */
    String joinedChain(Node node) {
        if (reached == 0) {
            return "";
        }
        int id = find(node);
        if (id < 0 || previous[id] == 0) {
            return "";
        }
        if (joined == null || joined.length < previous.length) {
            joined = joined == null ? new String[previous.length] : Arrays.copyOf(joined, previous.length);
        }
        String chain = joined[id];
        return chain != null ? chain : join(id);
    }

    /** Makes the joined chains of {@code id} and of the nodes before it that have none yet, and gives {@code id}'s. */
    private String join(int id) {
        int[] unjoined = new int[8];
        int count = 0;
        for (int at = id; joined[at] == null; ) {
            if (count == unjoined.length) {
                unjoined = Arrays.copyOf(unjoined, count * 2);
            }
            unjoined[count++] = at;
            int before = previous[at] - 1;
            if (before == at) {
                break;
            }
            at = before;
        }
        for (int i = count - 1; i >= 0; i--) {
            int at = unjoined[i];
            int before = previous[at] - 1;
            String label = node(at).label();
            // one copy of the start: a builder grew twice over a chain's 150-200 characters, then copied it again
            joined[at] = before == at ? label : joined[before].concat(" -> ".concat(label));
        }
        return joined[id];
    }
}
