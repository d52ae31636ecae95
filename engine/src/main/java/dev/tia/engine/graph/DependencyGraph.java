package dev.tia.engine.graph;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;

import dev.tia.engine.source.SourceIndex;
import dev.tia.engine.source.TypeRef;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The project's impact graph: an edge {@code a -> b} means a change to {@code a} can change the behaviour of
 * {@code b} (b names a, b implements a when implementation edges are on, b is a test of module a, ...).
 */
public final class DependencyGraph {

    private final Adjacency graph;
    private final Supplier<TypeHierarchy> hierarchy;
    private final Supplier<CallIndex> calls;
    private final boolean supertypeEdges;
    private final Optional<DeclaringFiles> declaringFiles;

    /**
     * @param graph not copied: the builder hands over a graph no one else holds
     * @param index the files whose calls the member-level walk reads
     * @param hierarchy what the member-level walk needs of resolved names, worked out on first use (only a change
     *     confined to method bodies, and storing the graph, need it)
     * @param supertypeEdges whether every project type but a test class has an edge to each of its project
     *     supertypes (implementation edges are on)
     */
    DependencyGraph(Adjacency graph, SourceIndex index, Supplier<TypeHierarchy> hierarchy, boolean supertypeEdges) {
        this(graph, index, hierarchy, supertypeEdges, Optional::empty, Optional.empty());
    }

    /** A built graph, with the files that declare its types as the build numbered them. */
    DependencyGraph(Adjacency graph, SourceIndex index, Supplier<TypeHierarchy> hierarchy, boolean supertypeEdges,
            DeclaringFiles declaringFiles) {
        this(graph, index, hierarchy, supertypeEdges, Optional::empty, Optional.of(declaringFiles));
    }

    /**
     * @param sites a stored graph's calls as this run sees them, for the member-level walk, when there are any;
     *     otherwise it reads every file's calls (see {@link CallSites})
     */
    DependencyGraph(Adjacency graph, SourceIndex index, Supplier<TypeHierarchy> hierarchy, boolean supertypeEdges,
            Supplier<Optional<CallSites>> sites) {
        this(graph, index, hierarchy, supertypeEdges, sites, Optional.empty());
    }

    private DependencyGraph(Adjacency graph, SourceIndex index, Supplier<TypeHierarchy> hierarchy, boolean supertypeEdges,
            Supplier<Optional<CallSites>> sites, Optional<DeclaringFiles> declaringFiles) {
        this.graph = graph;
        this.declaringFiles = declaringFiles;
        this.hierarchy = Suppliers.memoize(hierarchy::get);
        this.calls = Suppliers.memoize(() -> sites.get()
                .map(stored -> CallIndex.of(index, this.hierarchy.get(), stored))
                .orElseGet(() -> CallIndex.of(index, this.hierarchy.get())));
        this.supertypeEdges = supertypeEdges;
    }

    /** The files declaring each type, as a build noted them; empty for a stored graph, patched or not. */
    Optional<DeclaringFiles> declaringFiles() {
        return declaringFiles;
    }

    /** The edges, for storing them: not to be changed. */
    Adjacency adjacency() {
        return graph;
    }

    /**
     * Every node's successors in order, by value: what two graphs of one project must agree on to give the same
     * answers, whatever their numbers. Nodes without successors are left out: a patched graph may keep a type no file
     * names any more, which leads nowhere, and a walk treats it as it treats a type without a node. For tests that
     * hold a stored graph to the one a build makes.
     */
    public Map<Node, List<Node>> successorsByNode() {
        Map<Node, List<Node>> all = new LinkedHashMap<>();
        for (int id = 0; id < graph.size(); id++) {
            if (graph.degree(id) == 0) {
                continue;
            }
            List<Node> successors = new ArrayList<>();
            for (int i = 0; i < graph.degree(id); i++) {
                successors.add(graph.node(graph.successors(id)[i]));
            }
            all.put(graph.node(id), successors);
        }
        return all;
    }

    /** The types named in string literals and resources, sorted: for tests that hold a stored graph to a built one. */
    public List<String> namedInText() {
        return hierarchy.get().namedInText().stream().map(type -> type.module() + ":" + type.name()).sorted().toList();
    }

    /**
     * What the member-level walk reads of the type hierarchy, for every type node: its project supertypes, whether it
     * names a supertype outside the project, and whether its edges to them are left out (a test class's); types with
     * no supertype are left out. For tests that hold a stored or patched graph to the one a build makes.
     */
    public Map<TypeRef, String> hierarchyByType() {
        TypeHierarchy types = hierarchy.get();
        Map<TypeRef, String> all = new LinkedHashMap<>();
        for (int id = 0; id < graph.size(); id++) {
            if (graph.node(id) instanceof Node.Type node) {
                List<TypeRef> supertypes = types.supertypes(node.type());
                boolean outside = types.namesSupertypeOutsideProject(node.type());
                if (!supertypes.isEmpty() || outside) {
                    // A test class's edges to its supertypes are left out, so the walk looks them up: part of what it reads.
                    all.put(node.type(), supertypes + (outside ? " and outside" : "")
                            + (graph.supertypesLeftOut(id) ? ", edges left out" : ""));
                }
            }
        }
        return all;
    }

    /** What the member-level walk needs of resolved names, for storing it. */
    TypeHierarchy hierarchy() {
        return hierarchy.get();
    }

    /**
     * Everything reachable from the seeds, each with its shortest chain back to a changed file.
     *
     * @param seeds per changed file, the nodes it touches directly, in a stable order; {@link Node.Member} seeds
     *     (methods whose bodies changed) reach only what can call them (see {@link MemberWalk})
     */
    public Reach reach(Map<Node.File, ? extends Collection<? extends Node>> seeds) {
        Predecessors predecessor = new Predecessors(graph);
        IntQueue queue = new IntQueue();
        Map<Node.Member, Node.File> memberSeeds = new LinkedHashMap<>();
        for (Map.Entry<Node.File, ? extends Collection<? extends Node>> seed : seeds.entrySet()) {
            int file = predecessor.id(seed.getKey());
            if (predecessor.putIfAbsent(file, file)) {
                queue.add(file);
            }
            for (Node node : seed.getValue()) {
                if (node instanceof Node.Member member) {
                    memberSeeds.putIfAbsent(member, seed.getKey());
                } else {
                    int id = predecessor.id(node);
                    if (predecessor.putIfAbsent(id, file)) {
                        queue.add(id);
                    }
                }
            }
        }
        Optional<Predicate<TypeRef>> classLevelTypes = Optional.empty();
        if (!memberSeeds.isEmpty()) {
            MemberWalk.ClassLevelTypes walked = new MemberWalk(graph, calls.get(), supertypeEdges).walk(memberSeeds, predecessor, queue);
            // With implementation edges the walk's types are exactly what the changed members' types reach at class
            // level, unless it added supertypes the graph has no edges to (without implementation edges, or those of
            // a test class), which class level does not reach.
            classLevelTypes = supertypeEdges && walked.exact() ? Optional.of(walked::contains) : Optional.empty();
        }
        // Files and nodes without edges are numbered past the graph's nodes and lead nowhere.
        int nodesWithEdges = graph.size();
        while (!queue.isEmpty()) {
            int node = queue.poll();
            if (node >= nodesWithEdges) {
                continue;
            }
            int[] successors = graph.successors(node);
            for (int i = 0, degree = graph.degree(node); i < degree; i++) {
                int next = successors[i];
                if (predecessor.putIfAbsent(next, node)) {
                    queue.add(next);
                }
            }
        }
        return new Reach(predecessor, classLevelTypes);
    }

    /** The result of {@link #reach}: which nodes a change reaches and along which chain. */
    public static final class Reach {
        private final Predecessors predecessor;
        private final Optional<Predicate<TypeRef>> classLevelTypes;

        Reach(Predecessors predecessor, Optional<Predicate<TypeRef>> classLevelTypes) {
            this.predecessor = predecessor;
            this.classLevelTypes = classLevelTypes;
        }

        /**
         * When the seeds had changed methods and the graph has implementation edges: whether the changed methods'
         * types reach a type at class level, found by the member-level walk anyway. A type the reach does not hold is
         * reached here exactly when the class level would reach it from the seeds (their other seeds' reach is in
         * this reach already), which is what an explanation of a skipped test needs, without walking the graph again
         * (60-85 ms at 50k classes for a method called everywhere).
         */
        public Optional<Predicate<TypeRef>> classLevelTypes() {
            return classLevelTypes;
        }

        /** The chain from a changed file to {@code node}, file first; empty when not reached. */
        public List<Node> chain(Node node) {
            return predecessor.chain(node);
        }

        /**
         * The labels of {@link #chain}'s nodes joined by {@code " -> "}; empty when not reached. Made once per node,
         * from its predecessor's (tests share the start of their chains), for a report that asks for thousands.
         */
        public String joinedChain(Node node) {
            return predecessor.joinedChain(node);
        }
    }
}
