package dev.tia.engine.graph;

import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableMap;

import dev.tia.engine.io.CacheFraming;
import dev.tia.engine.source.DeclaredType;
import dev.tia.engine.source.FileFacts;
import dev.tia.engine.source.IndexedFile;
import dev.tia.engine.source.MethodFacts;
import dev.tia.engine.source.NameResolver;
import dev.tia.engine.source.ResourceFacts;
import dev.tia.engine.source.SourceIndex;
import dev.tia.engine.source.TestCatalog;
import dev.tia.engine.source.TestClass;
import dev.tia.engine.source.TypeKind;
import dev.tia.engine.source.TypeRef;
import dev.tia.engine.source.TypeUniverse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

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
    private final StoredNodes nodes;
    private final List<TypeRef> typesLeftAtBase;
    /** By node: the number of the file declaring the type, plus one; 0 for other nodes. Grows with types added. */
    private int[] declaringFile;
    private final Function<String, Set<String>> visibleFrom;
    private final TypeHierarchy hierarchy;
    private final ImmutableMap<TypeRef, TestClass> tests;
    /** The catalog, with the test classes of new test files. */
    private ImmutableMap<TypeRef, TestClass> patchedTests;
    private final boolean implementations;
    private final WrittenWords writtenWords;
    /** Resolution against the universe as stored, and with the types added (the same resolver when none is). */
    private NameResolver resolverBefore;
    private NameResolver resolverAfter;
    /**
     * The project supertypes of the types added and of those whose supertypes changed, and whether they name a
     * supertype outside the project.
     */
    private final Map<TypeRef, List<TypeRef>> patchedSupertypes = new HashMap<>();
    private final Map<TypeRef, Boolean> patchedOutside = new HashMap<>();
    /** The types of the file being patched whose supertypes resolve otherwise (see {@link #onlyReferencesDiffer}). */
    private final Map<TypeRef, SupertypesChanged> otherSupertypes = new LinkedHashMap<>();
    /** The types of the test file being patched that tests of other files extend (see {@link #remakeEntriesReading}). */
    private final Set<TypeRef> readByOtherTests = new LinkedHashSet<>();
    /**
     * The most test files whose entries a patch makes again for a changed base test, or a two-hundredth of the files
     * if more; more build the graph. Each costs about a millisecond at 50k classes, where the build costs 700: 167
     * files took 550-630 ms against 710-800 built.
     */
    static final int MOST_READERS_REMADE = 100;
    /** Whether a stored test class reaches its whole module, once asked for. */
    private Boolean wholeModuleTests;
    /** Whether a test's edge from its module's artifact was taken out: one that reaches a module must then be left. */
    private boolean artifactEdgesRemoved;
    /** This run's files, the numbers of those whose content differs from the stored one, and the types added. */
    private SourceIndex index;
    private Set<Integer> changedFiles;
    private final List<TypeRef> added = new ArrayList<>();
    /** This run's numbers of the unchanged files that write a simple name of a type added. */
    private final Set<Integer> unchangedWriters = new TreeSet<>();
    /** The types of the files removed, which the hierarchy no longer lists. */
    private final Set<TypeRef> removedTypes = new HashSet<>();
    /** Whether the caller patches the resources' edges after this patch, so that a resource may name a type added. */
    private boolean resourcesPatchedAfter;
    /** Whether a resource names a type added: its edges are then left to the resources' patch. */
    private boolean addedNamedByResources;

    ReferencePatch(Adjacency graph, StoredNodes nodes, List<TypeRef> typesLeftAtBase, int[] declaringFile,
            Function<String, Set<String>> visibleFrom, TypeHierarchy hierarchy, ImmutableMap<TypeRef, TestClass> tests,
            boolean implementations, WrittenWords writtenWords) {
        this.graph = graph;
        this.nodes = nodes;
        this.typesLeftAtBase = typesLeftAtBase;
        this.declaringFile = declaringFile.clone();
        this.visibleFrom = visibleFrom;
        this.hierarchy = hierarchy;
        this.tests = tests;
        this.patchedTests = tests;
        this.implementations = implementations;
        this.writtenWords = writtenWords;
    }

    /**
     * Patches the graph for {@code files}; false, leaving it half patched, when more than their references may differ
     * from the stored ones (see {@link #onlyReferencesDiffer}), or a type they add may be named by more than its file
     * (see {@link #addedTypesStandAlone}).
     *
     * @param index this run's files and resources, which are the stored ones
     * @param changedFiles the numbers of every file whose content differs from the stored one, {@code files} among them
     */
    boolean apply(List<GraphStore.WordsChanged> files, List<GraphStore.RemovedFile> removed, SourceIndex index,
            List<Integer> changedFiles) throws CacheFraming.CorruptException {
        this.index = index;
        this.changedFiles = new HashSet<>(changedFiles);
        for (GraphStore.WordsChanged file : files) {
            file.addedTypes().forEach(type -> added.add(new TypeRef(file.file().module(), type.name())));
        }
        // Of the stored graph's universe (every declared type is one of its nodes: see GraphStore#anyTypeNamed), what
        // the files' names can resolve to.
        Set<TypeRef> before = universeTypes(nodes, typesLeftAtBase, files, removed);
        resolverBefore = new NameResolver(TypeUniverse.of(before));
        resolverAfter = resolverBefore;
        // First, while every reference edge still leads to a type a file declares (see fileOf).
        for (GraphStore.RemovedFile file : removed) {
            if (!remove(file)) {
                return false;
            }
        }
        if (!added.isEmpty()) {
            if (!addedTypesStandAlone(files, index, changedFiles, added, before)) {
                return false;
            }
            Set<TypeRef> after = new LinkedHashSet<>(before);
            after.addAll(added);
            resolverAfter = new NameResolver(TypeUniverse.of(after));
            if (!writersResolveAsBefore(names(added))) {
                return false;
            }
            // Every type added gets its node and file first: a type added in one file may extend one added in another,
            // which must then count as a project type (see addEdgesOfNewType).
            for (GraphStore.WordsChanged file : files) {
                declareAddedTypes(file);
            }
        }
        for (GraphStore.WordsChanged file : files) {
            if (!apply(file)) {
                return false;
            }
        }
        // With no test reaching a whole module a build adds no artifact edge at all, not even those of main types.
        return !artifactEdgesRemoved || patchedTests.values().stream().anyMatch(TestClass::reachesWholeModule);
    }

    /** The stored type hierarchy, without the types removed and with the types added. */
    TypeHierarchy hierarchy() {
        TypeHierarchy kept = removedTypes.isEmpty() ? hierarchy : TypeHierarchy.without(hierarchy, removedTypes);
        return patchedSupertypes.isEmpty() && patchedOutside.isEmpty() ? kept : TypeHierarchy.with(kept, patchedSupertypes, patchedOutside);
    }

    /**
     * Takes out of the graph what a removed file's types brought, as a build without the file makes it: those types
     * stay in the universe (left at base), so every other file names them as before and their edges from those files
     * stay; their own edges go (file mates, supertypes, artifact), and their share of the lists of the types the file
     * named, and the file's test classes with their entries; other types' project supertypes no longer list them (see
     * {@link TypeHierarchy#without}), though their edges to them stay, as the build resolves them. False, so that the
     * graph is built, when something else read them as declared types: a test's entry elsewhere (a base test, an
     * annotation type), a resource; or when the file's string literals name a type (which text loads by reflection),
     * or a test of it scans classes. A test of it that reached its whole module leaves its artifact's successors.
     */
    private boolean remove(GraphStore.RemovedFile file) throws CacheFraming.CorruptException {
        FileFacts before = file.before();
        if (before.types().isEmpty()) {
            return true; // it declared nothing: no node, no edge was its
        }
        Set<String> visible = visibleFrom.apply(file.module());
        List<TypeRef> types = new ArrayList<>();
        Set<String> canonical = new HashSet<>();
        Set<Integer> ownNodes = new HashSet<>();
        for (DeclaredType type : before.types()) {
            if (type.kind() == TypeKind.ANNOTATION) {
                return false;
            }
            TypeRef ref = new TypeRef(file.module(), type.name());
            int node = graph.findType(ref);
            if (node < 0) {
                throw new CacheFraming.CorruptException("a stored file's type without a node");
            }
            types.add(ref);
            canonical.add(type.name());
            ownNodes.add(node);
        }
        Predicate<TypeRef> readByTests = file.test() ? ancestorsOfTestsOutside(file.path())::contains : nodes::readByTests;
        for (TypeRef type : types) {
            if (readByTests.test(type)) {
                return false;
            }
        }
        if (namedByResources(canonical) || namesTypesInText(before, visible)) {
            return false;
        }
        List<TestClass> fileTests = new ArrayList<>();
        for (TestClass test : patchedTests.values()) {
            if (test.path().equals(file.path())) {
                if (test.scansClasses()) {
                    return false;
                }
                fileTests.add(test);
            }
        }
        for (TypeRef reference : resolverBefore.references(before, visible)) {
            int list = graph.findType(reference);
            if (list < 0) {
                throw new CacheFraming.CorruptException("a type the stored content names without a node");
            }
            removeTypes(list, ownNodes);
        }
        for (int node : ownNodes) {
            removeTypes(node, ownNodes);
            graph.keepReferenceEdgesOnly(node);
        }
        if (!fileTests.isEmpty()) {
            int moduleTests = moduleTestsOf(file.module());
            if (moduleTests < 0) {
                throw new CacheFraming.CorruptException("a test class without its module's tests node");
            }
            Set<TypeRef> gone = new HashSet<>();
            for (TestClass test : fileTests) {
                graph.removeEdge(moduleTests, graph.findType(test.type()));
                if (test.reachesWholeModule()) {
                    removeArtifactEdge(test);
                }
                gone.add(test.type());
            }
            ImmutableMap.Builder<TypeRef, TestClass> kept = ImmutableMap.builderWithExpectedSize(patchedTests.size());
            patchedTests.forEach((type, test) -> {
                if (!gone.contains(type)) {
                    kept.put(type, test);
                }
            });
            patchedTests = kept.buildOrThrow();
        }
        removedTypes.addAll(types);
        return true;
    }

    /** Whether a resource names one of the types {@code canonical} names, or one nested in them. */
    private boolean namedByResources(Set<String> canonical) {
        for (ResourceFacts resource : index.resources()) {
            for (String name : resource.names()) {
                if (namesAny(name, canonical)) {
                    return true;
                }
            }
            if (resource.serviceInterface().filter(name -> namesAny(name, canonical)).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the string literals of {@code facts} name a project type, as the type hierarchy reads text. */
    private boolean namesTypesInText(FileFacts facts, Set<String> visible) {
        for (String literal : facts.stringLiterals()) {
            String candidate = literal.replace('$', '.');
            while (candidate.indexOf('.') > 0) {
                if (resolverBefore.lookup(candidate, visible).iterator().hasNext()) {
                    return true;
                }
                candidate = candidate.substring(0, candidate.lastIndexOf('.'));
            }
        }
        return false;
    }

    /** Takes {@code types} out of {@code node}'s reference edges. */
    private void removeTypes(int node, Set<Integer> types) {
        int[] row = graph.successors(node);
        int count = graph.referenceEdges(node);
        int[] kept = new int[count];
        int size = 0;
        for (int i = 0; i < count; i++) {
            if (!types.contains(row[i])) {
                kept[size++] = row[i];
            }
        }
        graph.replaceReferenceEdges(node, Arrays.copyOf(kept, size));
    }

    /** The test catalog, with the test classes of new test files. */
    ImmutableMap<TypeRef, TestClass> tests() {
        return patchedTests;
    }

    /**
     * Lets a resource name a type added (which otherwise declines the patch): the caller then patches the resources'
     * edges after this patch, with the types added (see {@link ResourcePatch}).
     */
    void resourcesPatchedAfter() {
        resourcesPatchedAfter = true;
    }

    /** Whether a resource names a type added, whose edges the resources' patch must then add. */
    boolean addedNamedByResources() {
        return addedNamedByResources;
    }

    /** The types the patched files add. */
    List<TypeRef> addedTypes() {
        return added;
    }

    /**
     * The types of the files removed: their edges after their reference edges are gone (see {@link #remove}), resource
     * edges included, as no resource of this run names them.
     */
    Set<TypeRef> removedTypes() {
        return removedTypes;
    }

    /** The declaring file of each node, with the types added. */
    int[] declaringFile() {
        return declaringFile;
    }

    /**
     * Whether the types added change nothing but their own file's share of the graph: no changed file but those this
     * patch resolves again writes one of their simple names, and the unchanged files that write one are listed by the
     * store's words, to be resolved again once the types are in the universe (see {@link #writersResolveAsBefore}), so
     * that no other file's names resolve differently and no test's supertype or annotation can be one of them; no
     * resource or string literal names them (which would give them edges or make them called from text), none is an
     * annotation type or has the name of a type that exists (in any module), and when integration tests reach whole
     * modules, their module's artifact is a node to give them their edge to it.
     */
    private boolean addedTypesStandAlone(List<GraphStore.WordsChanged> files, SourceIndex index, List<Integer> changedFiles,
            List<TypeRef> added, Set<TypeRef> universe) throws CacheFraming.CorruptException {
        Set<String> names = new HashSet<>();
        Set<String> canonical = new HashSet<>();
        for (TypeRef type : added) {
            names.add(type.simpleName());
            if (!canonical.add(type.name()) || graph.findType(type) >= 0 || typesLeftAtBase.contains(type)) {
                return false; // added twice (in two files, or two modules), or there already
            }
        }
        for (TypeRef type : universe) {
            if (canonical.contains(type.name())) {
                return false;
            }
        }
        Set<String> adding = new HashSet<>();
        Set<String> resolvedAgain = new HashSet<>();
        for (GraphStore.WordsChanged file : files) {
            resolvedAgain.add(file.file().path());
            for (DeclaredType type : file.addedTypes()) {
                if (type.kind() == TypeKind.ANNOTATION) {
                    return false;
                }
            }
            if (!file.addedTypes().isEmpty()) {
                adding.add(file.file().path());
                if (anySegmentIn(file.file().facts().stringLiterals(), names)) {
                    return false;
                }
            }
        }
        // No stored content writes them (the store's words hold every stored file's, those of the changed files
        // included), and no changed file does now but those this patch resolves again: the files adding them, and the
        // files that start to write them (a class added and used in one change, the commonest edit that adds one).
        // Such a file wrote none of the names before, so none of its annotations or literals does now, and its
        // supertypes (a new interface implemented in the same change) are patched as any changed supertypes are (see
        // onlyReferencesDiffer); its references it is resolved again for, before and after.
        // A stored file that writes one is resolved again with them once they are in the universe (see
        // writersResolveAsBefore): a new Result beside another package's Result that files import keeps their names.
        for (String name : names) {
            if (writtenWords.mayBeWritten(name)) {
                Optional<int[]> writers = writtenWords.writers(name);
                if (writers.isEmpty()) {
                    return false;
                }
                for (int number : writers.get()) {
                    if (!this.changedFiles.contains(number)) { // a changed one is judged by its content now, below
                        unchangedWriters.add(number);
                    }
                }
            }
        }
        if (unchangedWriters.size() > WrittenWords.MOST_WRITERS) {
            return false;
        }
        List<IndexedFile> indexed = index.files();
        for (int number : changedFiles) {
            IndexedFile file = indexed.get(number);
            if (!resolvedAgain.contains(file.path()) && WrittenWords.writesAny(file.facts(), names)) {
                return false;
            }
        }
        // A resource naming an added type gives it edges that ResourcePatch adds, when the caller runs it after.
        if (namedByResources(canonical)) {
            if (!resourcesPatchedAfter) {
                return false;
            }
            addedNamedByResources = true;
        }
        if (wholeModuleTests()) {
            for (GraphStore.WordsChanged file : files) {
                if (!file.file().test() && !file.addedTypes().isEmpty() && artifactOf(file.file().module()) < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Set<String> names(List<TypeRef> types) {
        Set<String> names = new HashSet<>();
        types.forEach(type -> names.add(type.simpleName()));
        return names;
    }

    /**
     * Whether the unchanged files that write a simple name of the types added read them as the build does: their
     * types' supertypes and annotations and their string literals write none of the names (the hierarchy and the
     * text's names read those), what they name resolves as before, and a test file's catalog entries, made again, are
     * its stored ones.
     *
     * <p>Resolved once, with the types added: the universe grows by them alone, whose canonical names no type had, and
     * a resolver only keeps the candidates it finds in the universe. So a file names what it named before, and more
     * exactly when one of its candidates is a type added, which it then names; and a candidate built from a type
     * added (a qualified name through it) is that type or one inside it. Its supertypes, which decide further
     * candidates, do not write the names. One universe serves them all: a file's names look up only candidates that
     * end in one of its words, so each resolves over the types their words name as over its own.
     */
    private boolean writersResolveAsBefore(Set<String> names) throws CacheFraming.CorruptException {
        if (unchangedWriters.isEmpty()) {
            return true;
        }
        Set<String> words = new HashSet<>();
        for (int number : unchangedWriters) {
            addWords(index.files().get(number).facts(), words);
        }
        Set<TypeRef> named = typesNamedBy(words, nodes, typesLeftAtBase);
        named.addAll(added);
        NameResolver withAdded = new NameResolver(TypeUniverse.of(named));
        Set<TypeRef> addedTypes = new HashSet<>(added);
        // The test files among them have their entries made over the same universe, their stored ones found in one pass.
        Covering shared = new Covering(new HashSet<>(unchangedWriters), withAdded);
        Map<String, List<TestClass>> stored = storedEntriesOf(unchangedWriters);
        for (int number : unchangedWriters) {
            IndexedFile file = index.files().get(number);
            FileFacts facts = file.facts();
            for (DeclaredType type : facts.types()) {
                if (anySegmentIn(type.supertypes(), names) || anySegmentIn(type.annotations(), names)) {
                    return false;
                }
            }
            if (anySegmentIn(facts.stringLiterals(), names)) {
                return false;
            }
            for (TypeRef reference : withAdded.references(facts, visibleFrom.apply(file.module()))) {
                if (addedTypes.contains(reference)) {
                    return false;
                }
            }
            if (file.test() && !List.copyOf(entriesMadeAnew(file, number, shared).values())
                    .equals(stored.getOrDefault(file.path(), List.of()))) {
                return false;
            }
        }
        return true;
    }

    /** The stored catalog's entries of the files {@code numbers} by path, each in the catalog's order: one pass. */
    private Map<String, List<TestClass>> storedEntriesOf(Collection<Integer> numbers) {
        Set<String> paths = new HashSet<>();
        numbers.forEach(number -> paths.add(index.files().get(number).path()));
        Map<String, List<TestClass>> stored = new HashMap<>();
        for (TestClass test : patchedTests.values()) {
            if (paths.contains(test.path())) {
                stored.computeIfAbsent(test.path(), each -> new ArrayList<>()).add(test);
            }
        }
        return stored;
    }

    /** The stored catalog's entries of the file at {@code path}, in its order. */
    private List<TestClass> storedEntries(String path) {
        List<TestClass> stored = new ArrayList<>();
        for (TestClass test : patchedTests.values()) {
            if (test.path().equals(path)) {
                stored.add(test);
            }
        }
        return stored;
    }

    /** Whether {@code name} ({@code $} for nested types allowed) is one of {@code canonical} or lies inside one. */
    private static boolean namesAny(String name, Set<String> canonical) {
        String dotted = name.replace('$', '.');
        for (String type : canonical) {
            if (dotted.equals(type) || dotted.startsWith(type + ".")) {
                return true;
            }
        }
        return false;
    }

    private int artifactOf(String module) {
        return graph.findOther(node -> node instanceof Node.Artifact artifact && artifact.path().equals(module));
    }

    private static boolean anySegmentIn(Collection<String> names, Set<String> words) {
        for (String word : words) {
            if (anyHasSegment(names, word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyHasSegment(Collection<String> names, String word) {
        for (String name : names) {
            if (WrittenWords.hasSegment(name, word)) {
                return true;
            }
        }
        return false;
    }

    /** Patches the graph for one file (see {@link #apply(List, SourceIndex, List)}). */
    private boolean apply(GraphStore.WordsChanged changed) throws CacheFraming.CorruptException {
        Set<String> visible = visibleFrom.apply(changed.file().module());
        boolean adds = !changed.addedTypes().isEmpty();
        otherSupertypes.clear();
        readByOtherTests.clear();
        // What reads the file's types beside their references: for a test file, tests of other files extending them
        // (worked out once, when first asked: it walks up from every stored test); for a main one, the store's marks.
        Supplier<Set<TypeRef>> ancestors = Suppliers.memoize(() -> ancestorsOfTestsOutside(changed.file().path()));
        Predicate<TypeRef> readElsewhere = changed.file().test() ? type -> ancestors.get().contains(type) : nodes::readByTests;
        if ((changed.importsChanged() || changed.reshaped()) && !onlyReferencesDiffer(changed, visible, readElsewhere)) {
            return false;
        }
        Optional<int[]> removing = removedNodes(changed, readElsewhere);
        if (removing.isEmpty()) {
            return false;
        }
        ImmutableMap<TypeRef, TestClass> entries = ImmutableMap.of();
        // A test file's entries are made again from it: those of a new file join the catalog; those of a changed one
        // replace its stored entries, which must be of the same test classes (a type added to it may be a nested test
        // class, or a fake, but no test class of its own: the module's tests would gain an edge).
        boolean newFile = changed.before().types().isEmpty();
        if (changed.file().test() && (changed.importsChanged() || adds)) {
            Optional<ImmutableMap<TypeRef, TestClass>> made = entriesMadeAnew(changed.file(), changed.number());
            if (made.isEmpty() || !newFile && !sameTestsAsStored(changed.file().path(), made.get())) {
                return false;
            }
            entries = made.get();
        }
        if (!readByOtherTests.isEmpty() && !remakeEntriesReading(changed.file().path())) {
            return false;
        }
        Set<TypeRef> before = resolverBefore.references(changed.before(), visible);
        Set<TypeRef> now = resolverAfter.references(changed.file().facts(), visible);
        int file = changed.number() + 1;
        if (!changed.reshaped()) {
            int[] types = declaredTypes(changed);
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
            if (!entries.isEmpty()) {
                patchedTests = withEntriesReplaced(patchedTests, entries);
            }
            return patchSupertypes();
        }
        // The file's share changes in every list it has one in: those of the types it names, before and now, and
        // those of its own types (file mates), the new ones and those it no longer declares included.
        int[] types = declaredTypes(changed);
        Set<Integer> lists = new LinkedHashSet<>();
        for (TypeRef reference : before) {
            lists.add(graph.findType(reference));
        }
        for (int type : removing.get()) {
            lists.add(type);
        }
        Set<Integer> named = new HashSet<>();
        for (TypeRef reference : now) {
            int id = graph.typeId(reference);
            lists.add(id);
            named.add(id);
        }
        for (int type : types) {
            lists.add(type);
            named.add(type);
        }
        for (int list : lists) {
            remove(list, file);
        }
        // A type no longer declared is left at base, as a removed file's are (see remove(RemovedFile)): no file's, with
        // no edges of its own, but the other files naming it keep their shares of its list, and so does this one if
        // it names it now.
        for (int type : removing.get()) {
            declaringFile[type] = 0;
            graph.keepReferenceEdgesOnly(type);
        }
        for (int list : lists) {
            if (named.contains(list)) {
                insert(list, file, types);
            }
        }
        for (DeclaredType type : changed.addedTypes()) {
            addEdgesOfNewType(changed, type, visible, entries);
        }
        if (!patchSupertypes()) {
            return false;
        }
        if (!entries.isEmpty() && !newFile) {
            patchedTests = withEntriesReplaced(patchedTests, entries);
            return true;
        }
        return entries.isEmpty() || addTests(changed, entries);
    }

    /**
     * The nodes of the types a changed file no longer declares, noted as removed; empty, so that the graph is built,
     * when something else read them as declared types: as for a removed file (see {@link #remove(GraphStore.RemovedFile)}),
     * a test's entry elsewhere (a base test), a resource, or their being annotation types. Its string literals are as
     * stored (see {@link FileFacts#typesReshapedFrom}), and name types as they did.
     */
    private Optional<int[]> removedNodes(GraphStore.WordsChanged changed, Predicate<TypeRef> readByTests) {
        List<DeclaredType> gone = changed.removedTypes();
        if (gone.isEmpty()) {
            return Optional.of(new int[0]);
        }
        int[] found = new int[gone.size()];
        Set<String> canonical = new HashSet<>();
        List<TypeRef> types = new ArrayList<>();
        for (int i = 0; i < found.length; i++) {
            TypeRef type = new TypeRef(changed.file().module(), gone.get(i).name());
            if (gone.get(i).kind() == TypeKind.ANNOTATION || readByTests.test(type) || patchedTests.containsKey(type)) {
                return Optional.empty();
            }
            found[i] = graph.findType(type);
            if (found[i] < 0 || found[i] >= declaringFile.length || declaringFile[found[i]] != changed.number() + 1) {
                return Optional.empty(); // declared twice, by another file too: not this patch's case
            }
            canonical.add(type.name());
            types.add(type);
        }
        if (namedByResources(canonical)) {
            return Optional.empty();
        }
        removedTypes.addAll(types);
        return Optional.of(found);
    }

    /**
     * The test classes of a new file of test sources (see {@link #entriesMadeAnew}): each joins the catalog, and its
     * module's tests node, in the catalog's order (the files' order), as a build adds them; one that reaches its whole
     * module (an integration test, a {@code @SpringBootTest}) joins its module's artifact too (see
     * {@link #addArtifactEdge}). A test that scans classes would have edges from class structures, perhaps the first:
     * the graph is built for it.
     */
    private boolean addTests(GraphStore.WordsChanged changed, ImmutableMap<TypeRef, TestClass> entries)
            throws CacheFraming.CorruptException {
        int moduleTests = moduleTestsOf(changed.file().module());
        if (moduleTests < 0) {
            return false;
        }
        int file = changed.number() + 1;
        for (TestClass test : entries.values()) {
            if (test.scansClasses()) {
                return false;
            }
            int node = graph.findType(test.type());
            int[] row = graph.successors(moduleTests);
            int at = graph.referenceEdges(moduleTests);
            while (at < graph.degree(moduleTests) && fileOf(row[at]) <= file) {
                at++;
            }
            graph.insertEdge(moduleTests, at, node);
            if (test.reachesWholeModule() && !addArtifactEdge(test.module(), file, node)) {
                return false;
            }
        }
        patchedTests = withEntries(patchedTests, entries);
        return true;
    }

    /**
     * Makes again the entries of the tests of other files that extend a type of the changed test file at {@code path}
     * (a base test: its tests, tags and reach are theirs too), as a build makes them now. False, so that the graph is
     * built, when they are many (each is made from its file and the files above it), or one is no longer the same
     * test classes with the same reach (see {@link #sameTestsAsStored}).
     */
    private boolean remakeEntriesReading(String path) throws CacheFraming.CorruptException {
        Set<String> readers = testFilesExtending(readByOtherTests, path);
        if (readers.size() > Math.max(MOST_READERS_REMADE, index.files().size() / 200)) {
            return false;
        }
        Set<Integer> numbers = new LinkedHashSet<>();
        for (String reader : readers) {
            int number = index.number(reader);
            if (number < 0) {
                return false; // a removed test file's entries are the removal's to take out
            }
            numbers.add(number);
        }
        // One resolver for them all, over their words and the base test's: a universe per file cost 2-3 ms a file at
        // 50k classes, more than building the graph for 170 files.
        Set<Integer> covered = new HashSet<>(numbers);
        if (index.number(path) >= 0) {
            covered.add(index.number(path));
        }
        Covering shared = new Covering(covered, resolverOverWordsOf(covered));
        // Their stored entries found, and the catalog rebuilt, once for them all: per file, each was a pass over every
        // test class (16.7k at 50k classes).
        Map<String, List<TestClass>> stored = storedEntriesOf(numbers);
        Map<TypeRef, TestClass> remade = new HashMap<>();
        for (int number : numbers) {
            IndexedFile reader = index.files().get(number);
            ImmutableMap<TypeRef, TestClass> made = entriesMadeAnew(reader, number, shared);
            if (!sameTestsAsStored(stored.getOrDefault(reader.path(), List.of()), made)) {
                return false;
            }
            remade.putAll(made);
        }
        patchedTests = withEntriesReplaced(patchedTests, remade);
        return true;
    }

    /** The files of the stored test classes, but those of the file at {@code path}, that have one of {@code types} above them. */
    private Set<String> testFilesExtending(Set<TypeRef> types, String path) {
        Set<String> found = new LinkedHashSet<>();
        for (TestClass test : patchedTests.values()) {
            if (!test.path().equals(path) && !found.contains(test.path()) && hasAncestorIn(test.type(), types)) {
                found.add(test.path());
            }
        }
        return found;
    }

    private boolean hasAncestorIn(TypeRef type, Set<TypeRef> types) {
        Set<TypeRef> seen = new HashSet<>();
        List<TypeRef> queue = new ArrayList<>(hierarchy.supertypes(type));
        while (!queue.isEmpty()) {
            TypeRef next = queue.remove(queue.size() - 1);
            if (types.contains(next)) {
                return true;
            }
            if (seen.add(next)) {
                queue.addAll(hierarchy.supertypes(next));
            }
        }
        return false;
    }

    /**
     * Whether the entries made again for a test file are the same test classes as stored, in the same order, scanning
     * classes as they did: then only their tags, which no edge depends on, and their reach of the whole module can
     * differ. A test that starts to reach its module (a {@code @SpringBootTest} put on it or on its base test) joins its
     * artifact's successors; one that stops leaves them (see {@link #addArtifactEdge}, {@link #apply(List, List,
     * SourceIndex, List)}).
     */
    private boolean sameTestsAsStored(String path, ImmutableMap<TypeRef, TestClass> entries) throws CacheFraming.CorruptException {
        return sameTestsAsStored(storedEntries(path), entries);
    }

    /** {@link #sameTestsAsStored(String, ImmutableMap)} with the file's stored entries, in the catalog's order. */
    private boolean sameTestsAsStored(List<TestClass> stored, ImmutableMap<TypeRef, TestClass> entries)
            throws CacheFraming.CorruptException {
        List<TestClass> made = List.copyOf(entries.values());
        if (stored.size() != made.size()) {
            return false;
        }
        for (int i = 0; i < made.size(); i++) {
            TestClass before = stored.get(i);
            TestClass now = made.get(i);
            if (!before.type().equals(now.type()) || before.scansClasses() != now.scansClasses()) {
                return false;
            }
        }
        for (TestClass now : made) {
            if (storedReach(now.type()) != now.reachesWholeModule() && !swapArtifactEdge(now)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the test class {@code type} reaches its whole module in the catalog as patched so far. */
    private boolean storedReach(TypeRef type) {
        TestClass test = patchedTests.get(type);
        return test != null && test.reachesWholeModule();
    }

    /** Gives {@code test}'s node the edge from its module's artifact that its reach now asks for, or takes it out. */
    private boolean swapArtifactEdge(TestClass test) throws CacheFraming.CorruptException {
        if (test.reachesWholeModule()) {
            int node = graph.findType(test.type());
            return addArtifactEdge(test.module(), fileOf(node), node);
        }
        removeArtifactEdge(test);
        return true;
    }

    /** Takes out the edge from its module's artifact to {@code test}, which reached its whole module as stored. */
    private void removeArtifactEdge(TestClass test) throws CacheFraming.CorruptException {
        int artifact = artifactOf(test.module());
        if (artifact < 0) {
            throw new CacheFraming.CorruptException("a test reaching its module without the module's artifact");
        }
        graph.removeEdge(artifact, graph.findType(test.type()));
        artifactEdgesRemoved = true; // the catalog must keep a test that reaches a module: see apply
    }

    /**
     * Puts the edge from the artifact of {@code module} to the test class {@code node} of file {@code file} where a
     * build puts it: after the edges to the artifacts of the modules that depend on it, among the edges to its
     * whole-module tests in the files' order. False when no stored test reaches a whole module (the build would give
     * every main type an edge to its artifact), when the module has no artifact node, or when another test of the same
     * file reaches it (their order is the file's, which the nodes do not tell).
     */
    private boolean addArtifactEdge(String module, int file, int node) {
        if (!wholeModuleTests()) {
            return false;
        }
        int artifact = artifactOf(module);
        if (artifact < 0) {
            return false;
        }
        int[] row = graph.successors(artifact);
        int at = 0;
        while (at < graph.degree(artifact) && declaredBy(row[at]) <= file) {
            if (declaredBy(row[at]) == file) {
                return false;
            }
            at++;
        }
        graph.insertEdge(artifact, at, node);
        return true;
    }

    /** The file declaring {@code node} plus one, or 0 for a node no file declares (an artifact, a module). */
    private int declaredBy(int node) {
        return node < declaringFile.length ? declaringFile[node] : 0;
    }

    /** {@code tests} with the entries of {@code entries}' types, already in it, replaced where they are. */
    private static ImmutableMap<TypeRef, TestClass> withEntriesReplaced(ImmutableMap<TypeRef, TestClass> tests,
            Map<TypeRef, TestClass> entries) {
        ImmutableMap.Builder<TypeRef, TestClass> replaced = ImmutableMap.builderWithExpectedSize(tests.size());
        tests.forEach((type, test) -> replaced.put(type, entries.getOrDefault(type, test)));
        return replaced.buildOrThrow();
    }

    /**
     * The catalog's entries for the types of a file of test sources, as a build makes them: from the file and the files
     * of every project type above its types (see {@link TestCatalog#entriesOf}), resolved as the build resolves them,
     * as they are now. One of those files may have changed too in this run: then its headers are as stored (a body
     * edit, words that name no other type), or it is patched, and the entries of every stored test that reads it are
     * made again (see {@link #remakeEntriesReading}), or it reads as a test's ancestor only in main sources or as an
     * annotation type, which declines the patch (see {@link #onlyReferencesDiffer}).
     */
    private Optional<ImmutableMap<TypeRef, TestClass>> entriesMadeAnew(IndexedFile file, int number)
            throws CacheFraming.CorruptException {
        // The files above are found by resolving names, which is exact only for a file whose words the resolver's part
        // of the universe covers (see universeTypes): widened to the words of every file found until it covers them all.
        // The resolver after the change covers the words of every changed file, so a test naming no project type above
        // it needs no other.
        NameResolver resolver = resolverAfter;
        Set<Integer> covered = Set.of(number);
        if (!changedFiles.contains(number)) {
            resolver = resolverOverWordsOf(covered); // an unchanged file's words: the resolver after covers the changed files'
        }
        return Optional.of(entriesMadeAnew(file, number, new Covering(covered, resolver)));
    }

    /**
     * The entries of the test file {@code number}, resolved over {@code covering}, which covers the words of the file
     * and is widened, for this file and those made after it with the same one, to the files found above it.
     */
    private ImmutableMap<TypeRef, TestClass> entriesMadeAnew(IndexedFile file, int number, Covering covering)
            throws CacheFraming.CorruptException {
        while (true) {
            Set<Integer> above = filesAbove(number, covering.resolver);
            if (covering.covered.containsAll(above)) {
                List<IndexedFile> files = new ArrayList<>();
                above.stream().sorted().forEach(each -> files.add(index.files().get(each)));
                return TestCatalog.entriesOf(file, files, covering.resolver, visibleFrom::apply);
            }
            Set<Integer> wider = new HashSet<>(covering.covered);
            wider.addAll(above);
            covering.covered = wider;
            covering.resolver = resolverOverWordsOf(wider);
        }
    }

    /**
     * A resolver over the part of the universe that the words of the {@code covered} files name: exact for each of those
     * files, as a file's names look up only candidates that end in one of its words, however much more it holds.
     */
    private static final class Covering {
        private Set<Integer> covered;
        private NameResolver resolver;

        Covering(Set<Integer> covered, NameResolver resolver) {
            this.covered = covered;
            this.resolver = resolver;
        }
    }

    /**
     * The numbers of the file {@code number} and of the files declaring the project types its types name as supertypes
     * or annotations (on a type or a method), and so on from theirs.
     */
    private Set<Integer> filesAbove(int number, NameResolver resolver) throws CacheFraming.CorruptException {
        Set<Integer> found = new LinkedHashSet<>(List.of(number));
        List<Integer> queue = new ArrayList<>(found);
        List<IndexedFile> files = index.files();
        while (!queue.isEmpty()) {
            IndexedFile file = files.get(queue.remove(queue.size() - 1));
            Set<String> visible = visibleFrom.apply(file.module());
            for (DeclaredType type : file.facts().types()) {
                List<String> names = new ArrayList<>(type.supertypes());
                names.addAll(type.annotations());
                for (MethodFacts method : type.methods()) {
                    names.addAll(method.annotations());
                }
                for (String name : names) {
                    for (TypeRef above : resolver.resolve(file.facts(), name, visible)) {
                        int id = graph.findType(above);
                        if (id < 0 || id >= declaringFile.length || declaringFile[id] == 0) {
                            continue; // a type left at the base: no file declares it now, nor does the build's index
                        }
                        int declaring = declaringFile[id] - 1;
                        if (declaring >= files.size()) {
                            throw new CacheFraming.CorruptException("a type declared by a file past the last");
                        }
                        if (found.add(declaring)) {
                            queue.add(declaring);
                        }
                    }
                }
            }
        }
        return found;
    }

    /** A resolver over the universe after the change, as much of it as the files' words can name (see universeTypes). */
    private NameResolver resolverOverWordsOf(Set<Integer> numbers) {
        Set<String> words = new HashSet<>();
        for (int number : numbers) {
            addWords(index.files().get(number).facts(), words);
        }
        Set<TypeRef> types = typesNamedBy(words, nodes, typesLeftAtBase);
        types.addAll(added);
        return new NameResolver(TypeUniverse.of(types));
    }

    /** {@code tests} with {@code entries}, all of one file, in the catalog's order: by path. */
    private static ImmutableMap<TypeRef, TestClass> withEntries(ImmutableMap<TypeRef, TestClass> tests,
            ImmutableMap<TypeRef, TestClass> entries) {
        String path = entries.values().iterator().next().path();
        ImmutableMap.Builder<TypeRef, TestClass> merged = ImmutableMap.builderWithExpectedSize(tests.size() + entries.size());
        boolean placed = false;
        for (Map.Entry<TypeRef, TestClass> test : tests.entrySet()) {
            if (!placed && test.getValue().path().compareTo(path) > 0) {
                merged.putAll(entries);
                placed = true;
            }
            merged.put(test);
        }
        if (!placed) {
            merged.putAll(entries);
        }
        return merged.buildOrThrow();
    }

    private int moduleTestsOf(String module) {
        return graph.findOther(node -> node instanceof Node.ModuleTests tests && tests.path().equals(module));
    }

    /** Numbers the types {@code changed} adds, and notes its file as theirs. */
    private void declareAddedTypes(GraphStore.WordsChanged changed) {
        for (DeclaredType type : changed.addedTypes()) {
            int id = graph.typeId(new TypeRef(changed.file().module(), type.name()));
            if (id >= declaringFile.length) {
                declaringFile = Arrays.copyOf(declaringFile, Math.max(id + 1, declaringFile.length * 2));
            }
            declaringFile[id] = changed.number() + 1;
        }
    }

    /**
     * A new type's edges after its reference edges, as the builder adds them: to its supertypes (with implementation
     * edges; a test class's are left out, see {@link DependencyGraphBuilder}), and to its module's artifact when
     * integration tests reach whole modules; and its entry in the hierarchy.
     *
     * @param fileTests the catalog's entries of the file's test classes
     */
    private void addEdgesOfNewType(GraphStore.WordsChanged changed, DeclaredType declared, Set<String> visible,
            ImmutableMap<TypeRef, TestClass> fileTests) {
        TypeRef type = new TypeRef(changed.file().module(), declared.name());
        int node = graph.findType(type);
        Supertypes resolved = supertypes(resolverAfter, changed.file().facts(), declared, visible);
        List<TypeRef> supertypes = resolved.resolved();
        if (implementations && fileTests.containsKey(type)) {
            if (!supertypes.isEmpty()) {
                graph.leaveOutSupertypes(node);
            }
        } else if (implementations) {
            for (TypeRef target : supertypes) {
                graph.putEdge(node, graph.typeId(target));
            }
        }
        if (!changed.file().test() && wholeModuleTests()) {
            graph.putEdge(node, artifactOf(type.module()));
        }
        List<TypeRef> project = projectSupertypes(type, supertypes);
        if (!project.isEmpty()) {
            patchedSupertypes.put(type, project);
        }
        if (resolved.outside()) {
            patchedOutside.put(type, true);
        }
    }

    /**
     * For a file with other imports, headers or types: whether only what the patch mends can differ. It declares no
     * annotation type (whose meta-annotations the catalog reads for every test it marks). A main file's types are no
     * test's ancestors (whose marks the store keeps); those whose supertypes resolve otherwise are noted, to be
     * patched (see {@link #patchSupertypes(TypeRef, SupertypesChanged)}). A test file's supertypes resolve as before;
     * its types' entries are made as a build makes them (see {@link #entriesMadeAnew}), and so are those of the tests
     * of other files that extend them (noted, see {@link #remakeEntriesReading}). A new test file may add any types: no
     * other file writes their names (see {@link #addedTypesStandAlone}); a changed one too (a {@code @Nested} test
     * class, a fake), for the same reason.
     */
    private boolean onlyReferencesDiffer(GraphStore.WordsChanged changed, Set<String> visible, Predicate<TypeRef> readElsewhere) {
        if (changed.file().test() && changed.before().types().isEmpty()) {
            return !changed.addedTypes().isEmpty();
        }
        Map<String, DeclaredType> now = new HashMap<>();
        changed.file().facts().types().forEach(type -> now.put(type.name(), type));
        for (DeclaredType type : changed.before().types()) {
            TypeRef ref = new TypeRef(changed.file().module(), type.name());
            if (type.kind() == TypeKind.ANNOTATION) {
                return false;
            }
            if (readElsewhere.test(ref)) {
                if (!changed.file().test()) {
                    return false; // a test extends a class of main sources: seldom, and the catalog's marks are stored
                }
                readByOtherTests.add(ref); // a base test: the entries of the tests extending it are made again
            }
            DeclaredType current = now.get(type.name());
            if (current == null) {
                continue; // no longer declared (see removedNodes)
            }
            Supertypes before = supertypes(resolverBefore, changed.before(), type, visible);
            Supertypes after = supertypes(resolverAfter, changed.file().facts(), current, visible);
            if (!before.sameAs(after)) {
                // A test's entry reads its supertypes: it is made again, as those of the tests extending it are.
                otherSupertypes.put(ref, new SupertypesChanged(before, after));
            }
        }
        return true;
    }

    /** What {@code type}'s written supertypes resolve to, in order, and whether one resolves to no project type. */
    private static Supertypes supertypes(NameResolver resolver, FileFacts facts, DeclaredType type, Set<String> visible) {
        Set<TypeRef> resolved = new LinkedHashSet<>();
        boolean outside = false;
        for (String name : type.supertypes()) {
            Set<TypeRef> found = resolver.resolve(facts, name, visible);
            resolved.addAll(found);
            outside |= found.isEmpty();
        }
        return new Supertypes(List.copyOf(resolved), outside);
    }

    /** A type's resolved supertypes (see {@link #supertypes}). */
    private record Supertypes(List<TypeRef> resolved, boolean outside) {

        /**
         * Field by field, not by the record's own equals: its first call in a fresh JVM sets up method handles (tens of
         * milliseconds, on every run that patches a file).
         */
        boolean sameAs(Supertypes other) {
            return outside == other.outside && resolved.equals(other.resolved);
        }
    }

    /** A main type whose supertypes resolve to other types than stored, or name one outside the project now or no longer. */
    private record SupertypesChanged(Supertypes before, Supertypes after) {
    }

    /** Patches the supertypes of the file's types that resolve otherwise (see {@link #patchSupertypes(TypeRef, SupertypesChanged)}). */
    private boolean patchSupertypes() {
        for (Map.Entry<TypeRef, SupertypesChanged> change : otherSupertypes.entrySet()) {
            if (!patchSupertypes(change.getKey(), change.getValue())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Swaps a type's edges to its supertypes for those it has now, and notes its entry in the hierarchy, which the
     * member-level walk reads. With implementation edges on, the builder puts a main type's right after its reference
     * edges; a test-source type's after its resource edges (so, patched only without any: then the supertype edges
     * are its last); a test class has none, but a mark that it left them out (see {@link DependencyGraphBuilder}).
     * Declines unless the edges are the ones its stored content gave it. The catalog's entries that read the type are
     * made again (see {@link #onlyReferencesDiffer}).
     */
    private boolean patchSupertypes(TypeRef type, SupertypesChanged change) {
        int node = graph.findType(type);
        boolean testSource = declaringFile[node] > 0 && index.files().get(declaringFile[node] - 1).test();
        if (implementations && patchedTests.containsKey(type)) {
            if (graph.supertypesLeftOut(node) == change.before().resolved().isEmpty() || graph.degree(node) != graph.referenceEdges(node)) {
                return false;
            }
            graph.leaveOutSupertypes(node, !change.after().resolved().isEmpty());
        } else if (implementations) {
            int[] before = edgesTo(node, change.before().resolved());
            int[] after = edgesTo(node, change.after().resolved());
            if (before == null || after == null) {
                return false;
            }
            int at = graph.referenceEdges(node);
            int[] row = graph.successors(node);
            if (at + before.length > graph.degree(node) || testSource && at + before.length != graph.degree(node)) {
                return false;
            }
            for (int k = 0; k < before.length; k++) {
                if (row[at + k] != before[k]) {
                    return false;
                }
            }
            graph.replaceEdges(node, at, before.length, after);
        }
        patchedSupertypes.put(type, projectSupertypes(type, change.after().resolved()));
        patchedOutside.put(type, change.after().outside());
        return true;
    }

    /** The nodes of {@code targets} but {@code node} itself, as the builder's edges to them; null if one has no node. */
    private int[] edgesTo(int node, List<TypeRef> targets) {
        int[] edges = new int[targets.size()];
        int size = 0;
        for (TypeRef target : targets) {
            int id = graph.findType(target);
            if (id < 0) {
                return null;
            }
            if (id != node) {
                edges[size++] = id;
            }
        }
        return Arrays.copyOf(edges, size);
    }

    /** Of a type's resolved supertypes, the types the project declares, but itself: what the hierarchy lists. */
    private List<TypeRef> projectSupertypes(TypeRef type, Collection<TypeRef> resolved) {
        List<TypeRef> project = new ArrayList<>();
        for (TypeRef candidate : resolved) {
            int id = graph.findType(candidate);
            if (!candidate.equals(type) && id >= 0 && id < declaringFile.length && declaringFile[id] > 0) {
                project.add(candidate);
            }
        }
        return project;
    }

    /** The project supertypes, at any depth, of the test classes not declared in the file at {@code path}. */
    private Set<TypeRef> ancestorsOfTestsOutside(String path) {
        Set<TypeRef> found = new HashSet<>();
        List<TypeRef> queue = new ArrayList<>();
        for (TestClass test : tests.values()) {
            if (!test.path().equals(path)) {
                queue.addAll(hierarchy.supertypes(test.type()));
            }
        }
        while (!queue.isEmpty()) {
            TypeRef type = queue.remove(queue.size() - 1);
            if (found.add(type)) {
                queue.addAll(hierarchy.supertypes(type));
            }
        }
        return found;
    }

    /** Whether a stored test class reaches its whole module (an integration test, or one loading the module). */
    private boolean wholeModuleTests() {
        if (wholeModuleTests == null) {
            wholeModuleTests = tests.values().stream().anyMatch(TestClass::reachesWholeModule);
        }
        return wholeModuleTests;
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
    static Set<TypeRef> universeTypes(StoredNodes nodes, List<TypeRef> typesLeftAtBase, List<GraphStore.WordsChanged> files,
            List<GraphStore.RemovedFile> removed) {
        Set<String> words = new HashSet<>();
        for (GraphStore.WordsChanged file : files) {
            addWords(file.before(), words);
            addWords(file.file().facts(), words);
        }
        for (GraphStore.RemovedFile file : removed) {
            addWords(file.before(), words);
        }
        return typesNamedBy(words, nodes, typesLeftAtBase);
    }

    /**
     * The type nodes (by number), then the types left at base, whose simple name is one of {@code words}: looked up
     * word by word in the store's table of simple names.
     */
    static Set<TypeRef> typesNamedBy(Set<String> words, StoredNodes nodes, List<TypeRef> typesLeftAtBase) {
        Set<TypeRef> types = new LinkedHashSet<>();
        for (int id : nodes.typesNamed(words)) {
            types.add(nodes.type(id));
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
