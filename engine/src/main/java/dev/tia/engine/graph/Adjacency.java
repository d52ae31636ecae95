package dev.tia.engine.graph;

import dev.tia.engine.source.TypeRef;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The impact graph's edges as plain successor lists, in the order they were added, over nodes numbered densely in
 * the order they were first named.
 *
 * <p>A graph is built afresh on every run from tens of thousands of edges and then only walked forward from the
 * change: a general graph library's predecessor sets, edge counts and duplicate checks cost a third of building it
 * and are never read. An edge added twice is walked twice, which the walks' visited sets make harmless.
 *
 * <p>Walks go by number: a change that reaches most of a 50k-class project visits some 70,000 nodes and many more
 * edges, and with a hash lookup for each successor list and each visited check that walk took about 100 ms; with
 * arrays indexed by number it is a small part of that. Nodes are looked up by value only where a walk starts and
 * where a chain is read.
 */
final class Adjacency {

    private static final int[] NO_SUCCESSORS = new int[0];

    /**
     * Type nodes by their type: most nodes, looked up without a {@link Node.Type} made for each edge. For a stored
     * graph, only the types a patch adds: the stored ones are found in the store's own table (numbering 70k types took
     * 15-20 ms of a run at 50k classes that looked up a few).
     */
    private final TypeNumbers typeIds;
    private final Map<Node, Integer> otherIds = new HashMap<>();
    /** A stored graph's nodes, numbered first and decoded as looked at; null for a graph built in this run. */
    private final StoredNodes stored;
    /**
     * A stored graph's successor lists, each decoded into {@link #successors} when its node is first walked or patched
     * (a null row there); null for a graph built in this run. Like the rest of this class, for one thread at a time.
     */
    private final StoredEdges storedEdges;
    private final int storedCount;
    /** The nodes numbered after the stored ones (every node of a graph built in this run). */
    private final List<Node> nodes;
    private int[][] successors;
    private int[] degrees;
    /** Type nodes whose edges to their supertypes were left out on purpose (test classes: see the builder). */
    private final BitSet supertypesLeftOut = new BitSet();
    /** By number: how many of a node's first successors are reference edges (see {@link #referenceEdges}). */
    private int[] referenceEdges = NO_SUCCESSORS;

    /** @param expectedTypes about how many type nodes the graph will have, so its maps are sized once */
    Adjacency(int expectedTypes) {
        typeIds = new TypeNumbers(expectedTypes);
        stored = null;
        storedEdges = null;
        storedCount = 0;
        nodes = new ArrayList<>(expectedTypes + 16);
        successors = new int[expectedTypes + 16][];
        degrees = new int[expectedTypes + 16];
    }

    private Adjacency(StoredNodes stored, StoredEdges storedEdges) {
        typeIds = new TypeNumbers(16);
        this.stored = stored;
        this.storedEdges = storedEdges;
        storedCount = stored.size();
        nodes = new ArrayList<>();
        successors = new int[storedCount + 16][];
        degrees = new int[storedCount + 16];
        referenceEdges = new int[storedCount];
    }

    /**
     * A graph as stored: {@code nodes} numbered by position, each with its successor list in {@code edges}, decoded
     * when first asked for. Nodes are numbered as {@link #id} would have numbered them, so walks and chains are those
     * of the graph stored.
     */
    static Adjacency of(StoredNodes nodes, StoredEdges edges, BitSet supertypesLeftOut) {
        Adjacency graph = new Adjacency(nodes, edges);
        for (int id : nodes.others()) {
            graph.otherIds.put(nodes.node(id), id);
        }
        graph.supertypesLeftOut.or(supertypesLeftOut);
        return graph;
    }

    /** Records that every edge so far is a reference edge (or a file mate's): see {@link #referenceEdges}. */
    void markReferenceEdges() {
        referenceEdges = Arrays.copyOf(degrees, size());
    }

    /**
     * How many of node {@code id}'s first successors are reference edges: for a type, the types of the files that name
     * it or declare it beside it, file by file in the index's order, each file's types in the order it declares
     * them. The builder adds them before any other edge; a node numbered after that has none.
     */
    int referenceEdges(int id) {
        load(id);
        return id < referenceEdges.length ? referenceEdges[id] : 0;
    }

    /** Decodes node {@code id}'s stored successor list, unless it is decoded or the node is not a stored one. */
    private void load(int id) {
        if (id < storedCount && successors[id] == null) {
            int[] row = storedEdges.successors(id);
            degrees[id] = row.length;
            referenceEdges[id] = storedEdges.referenceEdges(id);
            successors[id] = row;
        }
    }

    /**
     * Puts {@code references} in place of node {@code id}'s reference edges, keeping the edges after them: for a
     * stored graph patched with a file's new references (see {@link ReferencePatch}).
     */
    void replaceReferenceEdges(int id, int[] references) {
        int before = referenceEdges(id); // decodes the list
        int[] row = new int[references.length + degrees[id] - before];
        System.arraycopy(references, 0, row, 0, references.length);
        System.arraycopy(successors[id], before, row, references.length, degrees[id] - before);
        successors[id] = row;
        degrees[id] = row.length;
        if (id >= referenceEdges.length) {
            referenceEdges = Arrays.copyOf(referenceEdges, Math.max(id + 1, size()));
        }
        referenceEdges[id] = references.length;
    }

    /** Which type nodes have no edges to their supertypes on purpose: for storing the graph. */
    BitSet supertypesLeftOut() {
        return (BitSet) supertypesLeftOut.clone();
    }

    /** The number of {@code node}, numbering it if it is new. */
    int id(Node node) {
        if (node instanceof Node.Type type) {
            return typeId(type.type());
        }
        Integer known = otherIds.get(node);
        if (known != null) {
            return known;
        }
        int id = add(node);
        otherIds.put(node, id);
        return id;
    }

    /** The number of the node of {@code type}, numbering it if it is new. */
    int typeId(TypeRef type) {
        int known = findType(type);
        if (known >= 0) {
            return known;
        }
        int id = add(new Node.Type(type));
        typeIds.put(type, id);
        return id;
    }

    private int add(Node node) {
        int id = size();
        nodes.add(node);
        if (id == successors.length) {
            successors = Arrays.copyOf(successors, id * 2);
            degrees = Arrays.copyOf(degrees, id * 2);
        }
        successors[id] = NO_SUCCESSORS;
        return id;
    }

    /** The number of {@code node}, or -1 when no edge names it. */
    int find(Node node) {
        if (node instanceof Node.Type type) {
            return findType(type.type());
        }
        Integer known = otherIds.get(node);
        return known != null ? known : -1;
    }

    /** The number of the node of {@code type}, or -1 when no edge names it. */
    int findType(TypeRef type) {
        if (stored != null) {
            int id = stored.findType(type);
            if (id >= 0) {
                return id;
            }
        }
        return typeIds.get(type);
    }

    /**
     * The number of the first node that is no type and that {@code wanted} accepts, or -1: found among the few such
     * nodes (a few per module), without looking at the types.
     */
    int findOther(Predicate<Node> wanted) {
        int first = -1;
        for (Map.Entry<Node, Integer> other : otherIds.entrySet()) {
            if ((first < 0 || other.getValue() < first) && wanted.test(other.getKey())) {
                first = other.getValue();
            }
        }
        return first;
    }

    /** How many nodes are numbered: numbers run from 0 to this, exclusive. */
    int size() {
        return storedCount + nodes.size();
    }

    Node node(int id) {
        return id < storedCount ? stored.node(id) : nodes.get(id - storedCount);
    }

    /** Whether node {@code id} is a type's: read from a stored graph's record, with no node made. */
    boolean isType(int id) {
        return id < storedCount ? stored.isType(id) : nodes.get(id - storedCount) instanceof Node.Type;
    }

    /** Adds {@code from -> to}; a self edge means nothing and is dropped. */
    void putEdge(Node from, Node to) {
        putEdge(id(from), id(to));
    }

    /** Adds an edge between two numbered nodes; a self edge is dropped. */
    void putEdge(int from, int to) {
        if (from == to) {
            return;
        }
        load(from);
        int[] row = successors[from];
        int degree = degrees[from];
        if (degree == row.length) {
            row = Arrays.copyOf(row, Math.max(4, degree * 2));
            successors[from] = row;
        }
        row[degree] = to;
        degrees[from] = degree + 1;
    }

    /**
     * Puts {@code from -> to} at place {@code at} of {@code from}'s edges, at or after its reference edges: where a
     * build adds it, for a patch (see {@code ReferencePatch}).
     */
    void insertEdge(int from, int at, int to) {
        load(from);
        int degree = degrees[from];
        int[] row = new int[degree + 1];
        System.arraycopy(successors[from], 0, row, 0, at);
        row[at] = to;
        System.arraycopy(successors[from], at, row, at + 1, degree - at);
        successors[from] = row;
        degrees[from] = degree + 1;
    }

    /**
     * Puts {@code edges} in place of node {@code id}'s {@code length} edges from place {@code at}, at or after its
     * reference edges: a resource's edges, where a build adds them, for a patch (see {@code ResourcePatch}).
     */
    void replaceEdges(int id, int at, int length, int[] edges) {
        load(id);
        int degree = degrees[id];
        int[] row = new int[degree - length + edges.length];
        System.arraycopy(successors[id], 0, row, 0, at);
        System.arraycopy(edges, 0, row, at, edges.length);
        System.arraycopy(successors[id], at + length, row, at + edges.length, degree - at - length);
        successors[id] = row;
        degrees[id] = row.length;
    }

    /**
     * Drops node {@code id}'s edges after its reference edges (to supertypes, artifacts, resources' modules): for a
     * type no file declares any more, whose only edges are those from the files that name it (see {@link ReferencePatch}).
     */
    void keepReferenceEdgesOnly(int id) {
        int references = referenceEdges(id); // decodes the list
        successors[id] = Arrays.copyOf(successors[id], references);
        degrees[id] = references;
        supertypesLeftOut.clear(id);
    }

    /** Drops the edge from {@code from} to {@code to} after {@code from}'s reference edges, if there is one. */
    void removeEdge(int from, int to) {
        load(from);
        int[] row = successors[from];
        for (int at = referenceEdges(from); at < degrees[from]; at++) {
            if (row[at] == to) {
                int[] shorter = new int[degrees[from] - 1];
                System.arraycopy(row, 0, shorter, 0, at);
                System.arraycopy(row, at + 1, shorter, at, degrees[from] - at - 1);
                successors[from] = shorter;
                degrees[from] = shorter.length;
                return;
            }
        }
    }

    /** Records that the edges from node {@code id} to its supertypes are left out on purpose. */
    void leaveOutSupertypes(int id) {
        supertypesLeftOut.set(id);
    }

    /** Sets whether node {@code id} lacks edges to its supertypes: for a test class whose supertypes a patch changed. */
    void leaveOutSupertypes(int id, boolean leftOut) {
        supertypesLeftOut.set(id, leftOut);
    }

    /** Whether node {@code id} lacks edges to its supertypes although implementation edges are on. */
    boolean supertypesLeftOut(int id) {
        return supertypesLeftOut.get(id);
    }

    /** How many edges leave node {@code id}. */
    int degree(int id) {
        load(id);
        return degrees[id];
    }

    /** The numbers {@code id} has edges to, in insertion order, in the first {@link #degree} places; not to be written. */
    int[] successors(int id) {
        load(id);
        return successors[id];
    }
}
