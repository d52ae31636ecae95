package dev.tia.engine.graph;

import dev.tia.engine.source.NameResolver;
import dev.tia.engine.source.ResourceFacts;
import dev.tia.engine.source.TypeRef;
import dev.tia.engine.source.TypeUniverse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * Brings a stored graph's resource edges up to date for text resources that name other types than the stored ones
 * did (a Spring context naming another bean, a services file listing another implementation, a property naming
 * another class), where building the graph again took 1-2 s at 50k classes. The result is the graph a build makes
 * now, node numbers and edge order included, which {@code WarmIndexOracleTest} checks, or {@link #apply} declines.
 *
 * <p>Why it can be exact: the builder adds every resource's edges in one pass (see {@link DependencyGraphBuilder}),
 * after each type's reference edges and, for a main type, its edges to its project supertypes; before a test-source
 * type's supertype edges and a main type's edge to its artifact. So the edges a type has from resources lie together,
 * resource by resource in the index's order, at a place known from its other edges; they are worked out again, before
 * and after, for the types the edited resources name or named, and swapped. Resources that came or went count as
 * edited, naming nothing on the side they are missing from. The first resource to give an edge to a module's node
 * numbers it: the patch keeps every number when, for each module an edited resource gives edges to, that first
 * resource is the same before and now (a Spring context naming its module's first bean, ahead of the module's other
 * resources that name some, moves the module's node: the graph is built). Every type an edge leaves from or leads to
 * must be one a file declares, numbered before any resource's edge.
 *
 * <p>The types named in resources, which the member-level walk reads (see {@link TypeHierarchy#namedInResources}),
 * are worked out again the same way: those the edited resources name now join them, and those they named leave them
 * unless another resource names them too.
 */
final class ResourcePatch {

    private final Adjacency graph;
    private final StoredNodes nodes;
    private final List<TypeRef> typesLeftAtBase;
    /** By node: the number of the file declaring the type, plus one; 0 for other nodes. */
    private final int[] declaringFile;
    /** Whether this run's file of that number is in test sources. */
    private final IntPredicate testFile;
    private final Function<String, Set<String>> visibleFrom;
    private final TypeHierarchy hierarchy;
    private final boolean implementations;
    /** Resolution against the part of the stored universe the patch looks up, and with the types added beside it. */
    private NameResolver resolverBefore;
    private NameResolver resolverAfter;
    private Set<TypeRef> namedInResources;
    private int edited;
    /** The types of the files removed (see {@link #apply}). */
    private Set<TypeRef> removed = Set.of();

    ResourcePatch(Adjacency graph, StoredNodes nodes, List<TypeRef> typesLeftAtBase, int[] declaringFile, IntPredicate testFile,
            Function<String, Set<String>> visibleFrom, TypeHierarchy hierarchy, boolean implementations) {
        this.graph = graph;
        this.nodes = nodes;
        this.typesLeftAtBase = typesLeftAtBase;
        this.declaringFile = declaringFile;
        this.testFile = testFile;
        this.visibleFrom = visibleFrom;
        this.hierarchy = hierarchy;
        this.implementations = implementations;
    }

    /** Thrown where the patch declines: the graph is built instead. */
    private static final class Declined extends Exception {
        Declined() {
            super(null, null, false, false);
        }
    }

    /**
     * Patches the graph from the resources {@code before} (the stored key's) to {@code now} (this run's), both those
     * that name anything, in the index's order; false, leaving it half patched, when it cannot be exact (see the class
     * comment).
     *
     * @param added the types a patch of the files added (see {@link ReferencePatch}), declared in the graph already:
     *     resources that name them, edited or not, give them edges
     * @param removed the types of the files a patch removed: no resource of this run names them (or that patch
     *     declines), and their resource edges are gone with their other edges after their reference edges
     */
    boolean apply(List<ResourceFacts> before, List<ResourceFacts> now, List<TypeRef> added, Set<TypeRef> removed) {
        try {
            this.removed = removed;
            patch(before, now, added, removed);
            return true;
        } catch (Declined e) {
            return false;
        }
    }

    /** How many resources name other types than stored (or came, or went): asked after {@link #apply} succeeded. */
    int edited() {
        return edited;
    }

    /** The types named in resources now; asked after {@link #apply} succeeded. */
    Set<TypeRef> namedInResources() {
        return namedInResources;
    }

    private void patch(List<ResourceFacts> before, List<ResourceFacts> now, List<TypeRef> added, Set<TypeRef> removed)
            throws Declined {
        List<Edit> edits = edits(before, now);
        this.edited = edits.size();
        Set<String> addedNames = new HashSet<>();
        added.forEach(type -> addedNames.add(type.name()));
        Set<String> modules = new HashSet<>(); // of the resources whose edges to their module's node may differ
        for (Edit edit : edits) {
            if (edit.resource().serviceInterface().isEmpty()) {
                modules.add(moduleKey(edit.resource()));
            }
        }
        for (ResourceFacts resource : now) {
            if (resource.serviceInterface().isEmpty() && namesAnyOf(resource, addedNames)) {
                modules.add(moduleKey(resource));
            }
        }
        Set<String> words = words(before, now, edits, modules);
        added.forEach(type -> words.add(type.simpleName()));
        Set<TypeRef> universe = ReferencePatch.typesNamedBy(words, nodes, typesLeftAtBase);
        resolverBefore = new NameResolver(TypeUniverse.of(universe));
        Set<TypeRef> withAdded = new LinkedHashSet<>(universe);
        withAdded.addAll(added);
        resolverAfter = added.isEmpty() ? resolverBefore : new NameResolver(TypeUniverse.of(withAdded));
        // The first resource giving an edge to a module's node numbers it: the same one before and now, or the numbers
        // of the nodes after it may differ.
        for (String module : modules) {
            if (!firstNaming(before, module, resolverBefore).equals(firstNaming(now, module, resolverAfter))) {
                throw new Declined();
            }
        }
        // The types whose resource edges may differ: those the edited resources' edges leave from, before or now, and
        // the types added.
        Set<TypeRef> from = new HashSet<>(added);
        for (Edit edit : edits) {
            if (edit.before() != null) {
                edges(edit.before(), null, resolverBefore, (type, target) -> from.add(type));
            }
            if (edit.now() != null) {
                edges(edit.now(), null, resolverAfter, (type, target) -> from.add(type));
            }
        }
        from.removeAll(removed);
        Map<TypeRef, List<Integer>> edgesBefore = edgesFrom(before, from, resolverBefore);
        Map<TypeRef, List<Integer>> edgesNow = edgesFrom(now, from, resolverAfter);
        for (TypeRef type : from) {
            replace(type, edgesBefore.getOrDefault(type, List.of()), edgesNow.getOrDefault(type, List.of()));
        }
        namedInResources = namedInResources(now, edits, added);
    }

    private static boolean namesAnyOf(ResourceFacts resource, Set<String> canonicalNames) {
        for (String name : resource.names()) {
            if (canonicalNames.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A resource whose names differ: as stored ({@code before}, null for a resource the store lacks) and now
     * ({@code now}, null for one this run lacks).
     */
    private record Edit(ResourceFacts before, ResourceFacts now) {
        ResourceFacts resource() {
            return now != null ? now : before;
        }

        List<ResourceFacts> versions() {
            return before == null ? List.of(now) : now == null ? List.of(before) : List.of(before, now);
        }
    }

    /**
     * The resources whose names differ, lined up by path: both lists are in the index's order, so a path in both is a
     * resource edited or not, and a path in one only came or went. Declines when a path changed its module, root or
     * service interface, or the two orders disagree.
     */
    private static List<Edit> edits(List<ResourceFacts> before, List<ResourceFacts> now) throws Declined {
        Set<String> pathsBefore = new HashSet<>();
        before.forEach(resource -> pathsBefore.add(resource.path()));
        Set<String> pathsNow = new HashSet<>();
        now.forEach(resource -> pathsNow.add(resource.path()));
        List<Edit> edits = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < before.size() || j < now.size()) {
            ResourceFacts was = i < before.size() ? before.get(i) : null;
            ResourceFacts is = j < now.size() ? now.get(j) : null;
            if (was != null && is != null && was.path().equals(is.path())) {
                if (!was.module().equals(is.module()) || was.test() != is.test()
                        || !was.serviceInterface().equals(is.serviceInterface())) {
                    throw new Declined();
                }
                if (!was.names().asList().equals(is.names().asList())) {
                    edits.add(new Edit(was, is));
                }
                i++;
                j++;
            } else if (was != null && !pathsNow.contains(was.path())) {
                edits.add(new Edit(was, null));
                i++;
            } else if (is != null && !pathsBefore.contains(is.path())) {
                edits.add(new Edit(null, is));
                j++;
            } else {
                throw new Declined();
            }
        }
        return edits;
    }

    /** A resource's module and root: the node its edges lead to, unless it is a services file. */
    private static String moduleKey(ResourceFacts resource) {
        return resource.module() + (resource.test() ? "\0test" : "\0main");
    }

    /** The path of the first of {@code resources} that gives an edge to the node of {@code module}, or "" for none. */
    private static String firstNaming(List<ResourceFacts> resources, String module, NameResolver resolver) {
        for (ResourceFacts resource : resources) {
            if (resource.serviceInterface().isEmpty() && moduleKey(resource).equals(module)) {
                for (String name : resource.names()) {
                    if (!resolver.lookup(name, Set.of()).isEmpty()) {
                        return resource.path();
                    }
                }
            }
        }
        return "";
    }

    /**
     * Every simple name the patch may look up: the last segment of each name of the edited resources and of each of
     * its qualified prefixes (as text names types, see {@link TypeHierarchy#addNamedInText}); each name of the other
     * resources giving edges to the same modules' nodes (see {@link #firstNaming}); and every service interface's. The
     * names that resolve to a type of those names resolve the same in a universe of only them.
     */
    private static Set<String> words(List<ResourceFacts> before, List<ResourceFacts> now, List<Edit> edits, Set<String> modules) {
        Set<String> words = new HashSet<>();
        for (Edit edit : edits) {
            for (ResourceFacts version : edit.versions()) {
                for (String name : version.names()) {
                    String candidate = name.replace('$', '.');
                    while (!candidate.isEmpty()) {
                        int dot = candidate.lastIndexOf('.');
                        words.add(candidate.substring(dot + 1));
                        candidate = dot < 0 ? "" : candidate.substring(0, dot);
                    }
                }
            }
        }
        for (List<ResourceFacts> resources : List.of(before, now)) {
            for (ResourceFacts resource : resources) {
                if (resource.serviceInterface().isPresent()) {
                    String name = resource.serviceInterface().get();
                    words.add(name.substring(name.lastIndexOf('.') + 1));
                } else if (modules.contains(moduleKey(resource))) {
                    resource.names().forEach(name -> words.add(name.substring(name.lastIndexOf('.') + 1)));
                }
            }
        }
        return words;
    }

    /** Receives a resource edge: the type it leaves from and the node it leads to. */
    private interface EdgeSink {
        void edge(TypeRef from, int to) throws Declined;
    }

    /**
     * The edges {@code resource} gives, as the builder adds them; with {@code only}, just those whose names are the
     * canonical names of those types, leaving from them.
     */
    private void edges(ResourceFacts resource, Set<TypeRef> only, NameResolver resolver, EdgeSink sink) throws Declined {
        Set<String> visible = visibleFrom.apply(resource.module());
        if (resource.serviceInterface().isPresent()) {
            List<TypeRef> services = null;
            for (String implementation : resource.names()) {
                if (only != null && !namesOneOf(implementation, only)) {
                    continue;
                }
                if (services == null) {
                    services = resolver.lookup(resource.serviceInterface().get(), visible);
                }
                for (TypeRef service : services) {
                    for (TypeRef type : resolver.lookup(implementation, visible)) {
                        if (!type.equals(service) && (only == null || only.contains(type))) {
                            sink.edge(type, declared(service));
                        }
                    }
                }
            }
            return;
        }
        int module = -1;
        for (String name : resource.names()) {
            if (only != null && !namesOneOf(name, only)) {
                continue;
            }
            for (TypeRef type : resolver.lookup(name, visible)) {
                if (only == null || only.contains(type)) {
                    if (module < 0) {
                        module = moduleNode(resource);
                    }
                    sink.edge(type, module);
                }
            }
        }
    }

    private static boolean namesOneOf(String name, Set<TypeRef> types) {
        for (TypeRef type : types) {
            if (type.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** By type of {@code from}: the nodes its resource edges lead to, over every resource, in the builder's order. */
    private Map<TypeRef, List<Integer>> edgesFrom(List<ResourceFacts> resources, Set<TypeRef> from, NameResolver resolver)
            throws Declined {
        Map<TypeRef, List<Integer>> edges = new LinkedHashMap<>();
        for (ResourceFacts resource : resources) {
            edges(resource, from, resolver, (type, target) -> edges.computeIfAbsent(type, t -> new ArrayList<>()).add(target));
        }
        return edges;
    }

    /**
     * The node of a type a file declares, numbered before any resource's edge, or of a type whose file was removed (an
     * edge a resource gave to it before); declines for any other type.
     */
    private int declared(TypeRef type) throws Declined {
        int id = graph.findType(type);
        if (id < 0 || id >= declaringFile.length || declaringFile[id] == 0 && !removed.contains(type)) {
            throw new Declined();
        }
        return id;
    }

    /** The node of a resource's module (its tests' node for a test resource), which an edge of it numbered. */
    private int moduleNode(ResourceFacts resource) throws Declined {
        int id = graph.findOther(node -> resource.test()
                ? node instanceof Node.ModuleTests tests && tests.path().equals(resource.module())
                : node instanceof Node.Module module && module.path().equals(resource.module()));
        if (id < 0) {
            throw new Declined();
        }
        return id;
    }

    /**
     * Swaps {@code type}'s resource edges {@code before} for {@code now}, where the builder put them: after its
     * reference edges and, for a main type with implementation edges on, its edges to its project supertypes. Declines
     * unless the edges there are the ones expected: the supertypes, then the resource edges before, then (for a main
     * type) its artifact edge or nothing.
     */
    private void replace(TypeRef type, List<Integer> before, List<Integer> now) throws Declined {
        if (before.equals(now)) {
            return;
        }
        int id = declared(type);
        boolean main = !testFile.test(declaringFile[id] - 1);
        int degree = graph.degree(id);
        int[] successors = graph.successors(id);
        int at = graph.referenceEdges(id);
        if (main && implementations) {
            Set<Integer> supertypes = new HashSet<>();
            for (TypeRef supertype : hierarchy.supertypes(type)) {
                supertypes.add(declared(supertype));
            }
            Set<Integer> found = new HashSet<>();
            for (int k = 0; k < supertypes.size() && at + k < degree; k++) {
                found.add(successors[at + k]);
            }
            if (!found.equals(supertypes)) {
                throw new Declined();
            }
            at += supertypes.size();
        }
        int end = at + before.size();
        if (end > degree) {
            throw new Declined();
        }
        for (int k = 0; k < before.size(); k++) {
            if (successors[at + k] != before.get(k)) {
                throw new Declined();
            }
        }
        if (main && !(end == degree || end == degree - 1 && graph.node(successors[end]) instanceof Node.Artifact)) {
            throw new Declined();
        }
        graph.replaceEdges(id, at, before.size(), now.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * The stored types named in resources, with those the edited resources name now and without those they named
     * before that no resource names now.
     */
    private Set<TypeRef> namedInResources(List<ResourceFacts> now, List<Edit> edits, List<TypeRef> added) {
        Set<TypeRef> namedBefore = new HashSet<>();
        Set<TypeRef> namedNow = new HashSet<>();
        for (Edit edit : edits) {
            if (edit.before() != null) {
                TypeHierarchy.addNamedInText(namedBefore, edit.before().names(), visibleFrom.apply(edit.before().module()),
                        resolverBefore);
            }
            if (edit.now() != null) {
                TypeHierarchy.addNamedInText(namedNow, edit.now().names(), visibleFrom.apply(edit.now().module()), resolverAfter);
            }
        }
        Set<TypeRef> gone = new HashSet<>(namedBefore);
        gone.removeAll(namedNow);
        if (!gone.isEmpty()) {
            gone.removeAll(stillNamed(now, gone));
        }
        Set<TypeRef> named = new HashSet<>(hierarchy.namedInResources());
        named.addAll(namedNow);
        if (!added.isEmpty()) {
            named.addAll(stillNamed(now, new HashSet<>(added)));
        }
        named.removeAll(gone);
        return named;
    }

    /** Which of {@code types} a resource of {@code now} names, as text names types. */
    private Set<TypeRef> stillNamed(List<ResourceFacts> now, Set<TypeRef> types) {
        Set<String> simpleNames = new HashSet<>();
        types.forEach(type -> simpleNames.add(type.simpleName()));
        Set<TypeRef> found = new HashSet<>();
        for (ResourceFacts resource : now) {
            List<String> named = new ArrayList<>();
            for (String name : resource.names()) {
                String candidate = name.replace('$', '.');
                while (candidate.indexOf('.') > 0) {
                    if (simpleNames.contains(candidate.substring(candidate.lastIndexOf('.') + 1))) {
                        named.add(candidate);
                    }
                    candidate = candidate.substring(0, candidate.lastIndexOf('.'));
                }
            }
            if (!named.isEmpty()) {
                Set<String> visible = visibleFrom.apply(resource.module());
                for (String candidate : named) {
                    for (TypeRef type : resolverAfter.lookup(candidate, visible)) {
                        if (types.contains(type)) {
                            found.add(type);
                        }
                    }
                }
            }
        }
        return found;
    }
}
