package dev.tia.engine.graph;

import dev.tia.engine.source.MemberFacts;
import dev.tia.engine.source.TypeRef;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Member-level narrowing: from methods whose bodies changed, back along calls by name to the first member that
 * code tia cannot see may call (a test method, an annotated or overriding method, code outside methods). That
 * member's type is where class-level reach takes over.
 *
 * <p>Conservative by construction: a call by name reaches every method of that name and arity (any arity for a
 * method reference) in the types the change can reach at class level, overrides and overridden methods alike;
 * only a receiver whose declared type is plain in the source ({@code new Cart().total()}, {@code Texts.pad(s)}, a
 * parameter declared {@code Cart cart}) narrows that to the types whose objects it may hold.
 * Whatever the walk cannot judge (a member it does not know) is handed to the class level at once.
 */
final class MemberWalk {

    private final Adjacency graph;
    private final CallIndex index;
    private final boolean supertypeEdges;

    /**
     * @param supertypeEdges whether the graph has implementation edges: from every type but test classes to each of
     *     its project supertypes
     */
    MemberWalk(Adjacency graph, CallIndex index, boolean supertypeEdges) {
        this.graph = graph;
        this.index = index;
        this.supertypeEdges = supertypeEdges;
    }

    /**
     * Walks from {@code seeds}, recording each member's predecessor in {@code predecessor}, and queues in
     * {@code escalated} the types where the class level takes over.
     *
     * @return the types the seeds' types reach at class level (with their supertypes where the graph has no edges
     *     to them: without implementation edges, and from test classes): where the walk looked for callers
     */
    ClassLevelTypes walk(Map<Node.Member, Node.File> seeds, Predecessors predecessor, IntQueue escalated) {
        Set<TypeRef> changedTypes = new LinkedHashSet<>();
        seeds.keySet().forEach(m -> changedTypes.add(m.type()));
        ClassLevelTypes reachable = typesReachableFrom(changedTypes);
        CallIndex.CallsByName calls = index.callsWithin(reachable);
        Deque<Pending> work = new ArrayDeque<>();
        seeds.forEach((member, file) -> {
            int id = predecessor.id(member);
            if (predecessor.putIfAbsent(id, predecessor.id(file))) {
                work.add(new Pending(member, id, index.member(member.type(), member.signature())));
            }
        });
        // Which callers a group of calls yields depends only on the name, the receiver and the callee's arity, not
        // on the callee's type: a group is walked once, the first time, and would add no caller again (walking
        // every call of a name for every member of that name took minutes on large repositories).
        Set<CallGroup> walkedGroups = new HashSet<>();
        while (!work.isEmpty()) {
            Pending pending = work.poll();
            Node.Member member = pending.member();
            Optional<MemberFacts> facts = pending.facts();
            if (facts.isEmpty() || index.calledUnseen(member.type(), facts.get()).isPresent()) {
                escalate(member, pending.id(), predecessor, escalated);
                continue;
            }
            for (CallIndex.Call call : callsThatMayReach(member.type(), facts.get(), calls, walkedGroups)) {
                if (facts.get().acceptsArity(call.arity())) {
                    CallIndex.Caller caller = call.caller();
                    if (caller.node < 0) {
                        caller.node = predecessor.id(new Node.Member(caller.type, caller.member.signature()));
                    }
                    if (predecessor.putIfAbsent(caller.node, pending.id())) {
                        work.add(new Pending((Node.Member) predecessor.node(caller.node), caller.node, Optional.of(caller.member)));
                    }
                }
            }
        }
        return reachable;
    }

    /**
     * The calls of {@code callee}'s name that may run it (receiver unknown, or declared with a type such an object
     * may have), in the order they were listed, leaving out groups walked before.
     */
    private List<CallIndex.Call> callsThatMayReach(TypeRef type, MemberFacts callee, CallIndex.CallsByName calls,
            Set<CallGroup> walkedGroups) {
        String name = callee.name();
        List<CallIndex.Call> found = new ArrayList<>();
        int groups = 0;
        if (walkedGroups.add(new CallGroup(name, Optional.empty(), callee.arity(), callee.varargs()))) {
            found.addAll(calls.withUnknownReceiver(name));
            groups++;
        }
        for (String receiver : index.receiverNames(type)) {
            List<CallIndex.Call> group = calls.onReceiver(name, receiver);
            if (!group.isEmpty() && walkedGroups.add(new CallGroup(name, Optional.of(receiver), callee.arity(), callee.varargs()))) {
                found.addAll(group);
                groups++;
            }
        }
        if (groups > 1) {
            found.sort(Comparator.comparingLong(CallIndex.Call::order));
        }
        return found;
    }

    /** Calls of one name on one kind of receiver (empty: unknown), as seen by a callee of one arity. */
    private record CallGroup(String name, Optional<String> receiver, int arity, boolean varargs) {
        // Written out: a record's own equals and hashCode set up method handles on their first call, 10-60 ms of the
        // fresh JVM of a warm run that walks members (a method body changed).
        @Override
        public boolean equals(Object other) {
            return other instanceof CallGroup group && name.equals(group.name) && receiver.equals(group.receiver)
                    && arity == group.arity && varargs == group.varargs;
        }

        @Override
        public int hashCode() {
            return ((name.hashCode() * 31 + receiver.hashCode()) * 31 + arity) * 2 + (varargs ? 1 : 0);
        }
    }

    /**
     * A member the walk reached and has yet to look at, with its number and its facts (empty when unknown): a caller's
     * facts come with its call, so they are not looked up again by type and signature.
     */
    private record Pending(Node.Member member, int id, Optional<MemberFacts> facts) {
    }

    private static void escalate(Node.Member member, int memberId, Predecessors predecessor, IntQueue escalated) {
        int type = predecessor.id(new Node.Type(member.type()));
        if (predecessor.putIfAbsent(type, memberId)) {
            escalated.add(type);
        }
    }

    /**
     * The types a change reaches at class level: in the order reached, and by number for membership. Kept by number, the
     * list of types made only when asked for (a walk over stored calls never asks: it looks callers up by number).
     */
    static final class ClassLevelTypes {
        private final Adjacency graph;
        /** In the order reached: a node's number, or for a type outside the graph -1 - its place in {@link #outside}. */
        private int[] order = new int[64];
        private int reached;
        private final BitSet seen;
        /** By node: the type's place in {@link #types()}, once reached. */
        private final int[] positions;
        /** Reached types no edge names (the graph has no number for them), with their places in {@link #types()}. */
        private final Map<TypeRef, Integer> outsideGraph = new HashMap<>();
        private final List<TypeRef> outside = new ArrayList<>();
        private List<TypeRef> types;
        /** False once supertypes the class level does not reach were added (see {@link #exact()}). */
        private boolean exact = true;

        private ClassLevelTypes(Adjacency graph) {
            this.graph = graph;
            this.seen = new BitSet(graph.size());
            this.positions = new int[graph.size()];
        }

        /** The types in the order reached. */
        List<TypeRef> types() {
            if (types == null) {
                types = new ArrayList<>(reached);
                for (int i = 0; i < reached; i++) {
                    int entry = order[i];
                    types.add(entry >= 0 ? ((Node.Type) graph.node(entry)).type() : outside.get(-1 - entry));
                }
            }
            return types;
        }

        /** Whether the change reaches the type of node {@code node} at class level. */
        boolean containsNode(int node) {
            return seen.get(node);
        }

        /** Where the type of node {@code node}, which was reached, comes in {@link #types()}. */
        int positionOfNode(int node) {
            return positions[node];
        }

        /** How many nodes the graph numbers. */
        int nodeCount() {
            return positions.length;
        }

        /** Where {@code type}, which was reached, comes in {@link #types()}: the order the walk lists calls in. */
        int position(TypeRef type) {
            int id = graph.findType(type);
            return id >= 0 ? positions[id] : outsideGraph.get(type);
        }

        private void add(int node) {
            positions[node] = reached;
            append(node);
        }

        private void addOutsideGraph(TypeRef type) {
            outsideGraph.put(type, reached);
            append(-1 - outside.size());
            outside.add(type);
        }

        private void append(int entry) {
            if (reached == order.length) {
                order = Arrays.copyOf(order, reached * 2);
            }
            order[reached++] = entry;
        }

        /**
         * Whether these are exactly the types the class level reaches (with implementation edges on): not when the
         * walk added a test class's supertypes, to which the graph has no edges.
         */
        boolean exact() {
            return exact;
        }

        /** Whether the change's types reach {@code type} at class level. */
        boolean contains(TypeRef type) {
            int id = graph.findType(type);
            return id >= 0 ? seen.get(id) : outsideGraph.containsKey(type);
        }
    }

    /**
     * The types a change of {@code types} reaches at class level, and their project supertypes: a supertype's method
     * may call an override through {@code this} without naming the changed type, even with implementation edges off.
     */
    private ClassLevelTypes typesReachableFrom(Set<TypeRef> types) {
        ClassLevelTypes walked = new ClassLevelTypes(graph);
        IntQueue queue = new IntQueue();
        types.forEach(t -> visit(t, walked, queue));
        while (!queue.isEmpty()) {
            int node = queue.poll();
            // By number, the type's name read only where its supertypes are looked up: a change that reaches most of
            // a 50k-class project reaches some 70,000 nodes, and decoding each one's name was 40% of this walk.
            if (graph.isType(node)) {
                walked.add(node);
                // With implementation edges the graph's own edges lead to the supertypes (looking them up again cost
                // 40 ms at 50k), except from a test class, whose base class may still call its overrides.
                boolean leftOut = supertypeEdges && graph.supertypesLeftOut(node);
                if (!supertypeEdges || leftOut) {
                    List<TypeRef> supertypes = index.supertypes(((Node.Type) graph.node(node)).type());
                    walked.exact &= !leftOut || supertypes.isEmpty();
                    supertypes.forEach(s -> visit(s, walked, queue));
                }
            }
            int[] successors = graph.successors(node);
            for (int i = 0, degree = graph.degree(node); i < degree; i++) {
                int next = successors[i];
                if (!walked.seen.get(next)) {
                    walked.seen.set(next);
                    queue.add(next);
                }
            }
        }
        return walked;
    }

    /** Queues {@code type} unless it was reached before; a type without edges is reached at once and leads nowhere. */
    private void visit(TypeRef type, ClassLevelTypes walked, IntQueue queue) {
        int id = graph.findType(type);
        if (id >= 0) {
            if (!walked.seen.get(id)) {
                walked.seen.set(id);
                queue.add(id);
            }
        } else if (!walked.outsideGraph.containsKey(type)) {
            walked.addOutsideGraph(type);
            if (!supertypeEdges) {
                index.supertypes(type).forEach(s -> visit(s, walked, queue));
            }
        }
    }
}
