package dev.tia.engine.graph;

import dev.tia.engine.io.CacheFraming;
import dev.tia.engine.source.DeclaredType;
import dev.tia.engine.source.FileFacts;
import dev.tia.engine.source.NameResolver;
import dev.tia.engine.source.TypeKind;
import dev.tia.engine.source.TypeRef;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Brings a stored graph's reference edges up to date for files that write other words or imports than their stored
 * contents, everything else of their graph inputs as stored (see {@link GraphStore.WordsChanged}). Such a file declares
 * the same types, and no other file resolves differently (the type universe is the stored graph's): only its own
 * names may resolve to other types. Its references are resolved before and after and the difference patched in; what
 * else its names decide must be as stored, or {@link #apply} declines. The result is the graph a build makes now,
 * edge for edge and in the same order, which {@code WarmIndexOracleTest} checks.
 *
 * <p>Why the order can be kept: the builder adds every reference edge before any other (see
 * {@link Adjacency#referenceEdges}), so a type's first successors are, file by file in the index's order, the types
 * of each file that names it, in the order that file declares them. A file's share of such a list is found by the
 * file that declares each successor, which the store keeps per node; it is taken out where the file no longer
 * names the type, and put in, before the first successor of a later file, where it now does.
 */
final class ReferencePatch {

    private final Adjacency graph;
    /** By node: the number of the file declaring the type, plus one; 0 for other nodes. */
    private final int[] declaringFile;
    private final NameResolver resolver;
    private final Function<String, Set<String>> visibleFrom;
    private final TypeHierarchy hierarchy;
    private final Set<TypeRef> testClasses;
    /** The test classes and their project supertypes, once asked for. */
    private Set<TypeRef> testsAndAncestors;

    ReferencePatch(Adjacency graph, int[] declaringFile, NameResolver resolver, Function<String, Set<String>> visibleFrom,
            TypeHierarchy hierarchy, Set<TypeRef> testClasses) {
        this.graph = graph;
        this.declaringFile = declaringFile;
        this.resolver = resolver;
        this.visibleFrom = visibleFrom;
        this.hierarchy = hierarchy;
        this.testClasses = testClasses;
    }

    /**
     * Patches the graph for one file; false, leaving the graph half patched, when more than the file's references may
     * differ from the stored ones: with other imports, its supertypes may resolve to other types, and the test
     * catalog reads the annotations of test classes, their supertypes and annotation types, so such a file is
     * patched only when its supertypes resolve as before and it declares none of those.
     */
    boolean apply(GraphStore.WordsChanged changed) throws CacheFraming.CorruptException {
        Set<String> visible = visibleFrom.apply(changed.file().module());
        if (changed.importsChanged() && !onlyReferencesDiffer(changed, visible)) {
            return false;
        }
        Set<TypeRef> before = resolver.references(changed.before(), visible);
        Set<TypeRef> now = resolver.references(changed.file().facts(), visible);
        int[] types = declaredTypes(changed);
        int file = changed.number() + 1;
        for (TypeRef reference : before) {
            if (!now.contains(reference)) {
                remove(graph.findType(reference), file);
            }
        }
        for (TypeRef reference : now) {
            if (!before.contains(reference)) {
                insert(graph.typeId(reference), file, types);
            }
        }
        return true;
    }

    /** For a file with other imports: whether its supertypes resolve as before and the catalog reads none of its names. */
    private boolean onlyReferencesDiffer(GraphStore.WordsChanged changed, Set<String> visible) {
        if (changed.file().test()) {
            return false;
        }
        for (DeclaredType type : changed.file().facts().types()) {
            if (type.kind() == TypeKind.ANNOTATION || testsAndAncestors().contains(new TypeRef(changed.file().module(), type.name()))) {
                return false;
            }
            for (String supertype : type.supertypes()) {
                if (!List.copyOf(resolver.resolve(changed.before(), supertype, visible))
                        .equals(List.copyOf(resolver.resolve(changed.file().facts(), supertype, visible)))) {
                    return false;
                }
            }
        }
        return true;
    }

    private Set<TypeRef> testsAndAncestors() {
        if (testsAndAncestors == null) {
            Set<TypeRef> found = new HashSet<>();
            List<TypeRef> queue = new ArrayList<>(testClasses);
            while (!queue.isEmpty()) {
                TypeRef type = queue.remove(queue.size() - 1);
                if (found.add(type)) {
                    queue.addAll(hierarchy.supertypes(type));
                }
            }
            testsAndAncestors = found;
        }
        return testsAndAncestors;
    }

    /** The nodes of the file's types, in the order it declares them (each is a node: the builder numbers them all). */
    private int[] declaredTypes(GraphStore.WordsChanged changed) throws CacheFraming.CorruptException {
        List<DeclaredType> declared = changed.file().facts().types();
        int[] types = new int[declared.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = graph.findType(new TypeRef(changed.file().module(), declared.get(i).name()));
            if (types[i] < 0) {
                throw new CacheFraming.CorruptException("a declared type without a node");
            }
        }
        return types;
    }

    /** Takes {@code file}'s types out of {@code node}'s reference edges. */
    private void remove(int node, int file) throws CacheFraming.CorruptException {
        if (node < 0) {
            // The stored content named the type, so the build that stored the graph numbered it.
            throw new CacheFraming.CorruptException("a type the stored content names without a node");
        }
        int[] row = graph.successors(node);
        int count = graph.referenceEdges(node);
        int[] kept = new int[count];
        int size = 0;
        for (int i = 0; i < count; i++) {
            if (fileOf(row[i]) != file) {
                kept[size++] = row[i];
            }
        }
        graph.replaceReferenceEdges(node, Arrays.copyOf(kept, size));
    }

    /** Puts {@code file}'s types into {@code node}'s reference edges, before those of the first later file. */
    private void insert(int node, int file, int[] types) throws CacheFraming.CorruptException {
        int[] row = graph.successors(node);
        int count = graph.referenceEdges(node);
        int at = 0;
        while (at < count && fileOf(row[at]) < file) {
            at++;
        }
        int[] edges = new int[count + types.length];
        System.arraycopy(row, 0, edges, 0, at);
        int size = at;
        for (int type : types) {
            if (type != node) { // a self edge is dropped, as the builder drops it
                edges[size++] = type;
            }
        }
        System.arraycopy(row, at, edges, size, count - at);
        graph.replaceReferenceEdges(node, Arrays.copyOf(edges, size + count - at));
    }

    private int fileOf(int node) throws CacheFraming.CorruptException {
        if (node >= declaringFile.length || declaringFile[node] == 0) {
            // Every reference edge leads to a type its file declares: a store that says otherwise is not this graph.
            throw new CacheFraming.CorruptException("a reference edge to a node no stored file declares");
        }
        return declaringFile[node];
    }

    /**
     * The types of the universe that resolving {@code files}, before and after, can look up: those whose simple name
     * is a word the files write. Every canonical name the resolver looks up for a file ends in such a word (a
     * segment of a name, import or literal it writes, or a name it writes whole), the argument the resolution cache
     * rests on too; so resolving these files against this part of the universe gives what the whole would, without
     * a map of every type (60 ms at 50k classes). In a stable order: type nodes by number, then the types left at base.
     */
    static Set<TypeRef> universeTypes(List<Node> nodes, List<TypeRef> typesLeftAtBase, List<GraphStore.WordsChanged> files) {
        Set<String> words = new HashSet<>();
        for (GraphStore.WordsChanged file : files) {
            addWords(file.before(), words);
            addWords(file.file().facts(), words);
        }
        Set<TypeRef> types = new LinkedHashSet<>();
        for (Node node : nodes) {
            if (node instanceof Node.Type type && words.contains(type.type().simpleName())) {
                types.add(type.type());
            }
        }
        for (TypeRef type : typesLeftAtBase) {
            if (words.contains(type.simpleName())) {
                types.add(type);
            }
        }
        return types;
    }

    /** Every word a file writes in a name: more than resolution looks at, never less. */
    private static void addWords(FileFacts facts, Set<String> words) {
        words.addAll(facts.identifiers());
        for (Collection<String> names : List.of(facts.qualifiedNames(), facts.imports(), facts.onDemandImports(),
                facts.staticImports(), facts.staticOnDemandImports(), facts.stringLiterals(), List.of(facts.packageName()))) {
            for (String name : names) {
                addSegments(name, words);
            }
        }
        for (DeclaredType type : facts.types()) {
            addSegments(type.name(), words);
            type.supertypes().forEach(name -> addSegments(name, words));
            type.annotations().forEach(name -> addSegments(name, words));
        }
    }

    private static void addSegments(String name, Set<String> words) {
        for (String segment : name.replace('$', '.').split("\\.")) {
            words.add(segment);
        }
    }
}
