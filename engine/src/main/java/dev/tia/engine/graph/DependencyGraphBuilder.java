package dev.tia.engine.graph;

import dev.tia.engine.project.MavenModule;
import dev.tia.engine.project.Workspace;
import dev.tia.engine.source.DeclaredType;
import dev.tia.engine.source.FileResolution;
import dev.tia.engine.source.IndexedFile;
import dev.tia.engine.source.NameResolver;
import dev.tia.engine.source.Resolutions;
import dev.tia.engine.source.ResourceFacts;
import dev.tia.engine.source.SourceIndex;
import dev.tia.engine.source.TestCatalog;
import dev.tia.engine.source.TestClass;
import dev.tia.engine.source.TypeRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/** Builds the {@link DependencyGraph} of a project from its workspace, source index and test catalog. */
public final class DependencyGraphBuilder {

    private final Workspace workspace;
    private final NameResolver resolver;
    private final Function<String, Set<String>> visibleFrom;
    private final Adjacency graph;
    /** Implementation edges of types in test sources, added once the catalog says which are test classes. */
    private final List<TypedSupertypes> testSourceTypes = new ArrayList<>();
    private final DeclaringFiles declaringFiles;

    /** A type with its node and the project types it extends or implements. */
    private record TypedSupertypes(int node, TypeRef type, Set<TypeRef> supertypes) {
    }

    private DependencyGraphBuilder(Workspace workspace, NameResolver resolver, Function<String, Set<String>> visibleFrom,
            int expectedTypes) {
        this.graph = new Adjacency(expectedTypes);
        this.declaringFiles = new DeclaringFiles(expectedTypes);
        this.workspace = workspace;
        this.resolver = resolver;
        this.visibleFrom = visibleFrom;
    }

    /**
     * @param visibleFrom which modules a module sees (the workspace's answer, worked out once per module)
     * @param implementations whether a change to an implementation affects users of the types it implements
     */
    public static DependencyGraph build(Workspace workspace, SourceIndex index, Resolutions resolutions, NameResolver resolver,
            Function<String, Set<String>> visibleFrom, Supplier<TestCatalog> catalogWhenBuilt, boolean implementations) {
        DependencyGraphBuilder builder = new DependencyGraphBuilder(workspace, resolver, visibleFrom, index.declarations().size());
        builder.addTypes(index, resolutions, implementations);
        builder.addResources(index);
        TestCatalog catalog = catalogWhenBuilt.get();
        builder.addTestSourceImplementations(catalog);
        builder.addModules(catalog);
        builder.addArtifacts(index, catalog);
        // The edges are handed over unshared and read-only from here on; copying them would double the work.
        return new DependencyGraph(builder.graph, index, () -> TypeHierarchy.resolved(index, resolutions, resolver, visibleFrom),
                implementations, builder.declaringFiles);
    }

    /**
     * Type edges from every file's resolved names (see {@link Resolutions}: mostly kept from earlier runs): first each
     * file's references and file mates, then the implementation edges. In that order each type's first successors
     * are, file by file in the index's order, the types of the files that name it or share its file (see
     * {@link Adjacency#referenceEdges}), which a stored graph can patch for a file whose references changed.
     */
    private void addTypes(SourceIndex index, Resolutions resolutions, boolean implementations) {
        // Users of an interface may run any implementation (DI, ServiceLoader): the implementation affects whatever its
        // supertypes affect. Those edges of main types are added once every reference edge is.
        List<TypedSupertypes> mainTypes = new ArrayList<>();
        List<IndexedFile> files = index.files();
        for (int number = 0; number < files.size(); number++) {
            IndexedFile file = files.get(number);
            FileResolution resolution = resolutions.of(number);
            addFileMates(file);
            for (DeclaredType declared : file.facts().types()) {
                TypeRef type = new TypeRef(file.module(), declared.name());
                int node = graph.typeId(type);
                declaringFiles.declare(node, number + 1);
                for (TypeRef reference : resolution.references()) {
                    graph.putEdge(graph.typeId(reference), node);
                }
                Set<TypeRef> supertypes = implementations ? resolution.supertypesOf(declared.name()) : Set.of();
                if (!supertypes.isEmpty()) {
                    (file.test() ? testSourceTypes : mainTypes).add(new TypedSupertypes(node, type, supertypes));
                }
            }
        }
        graph.markReferenceEdges();
        for (TypedSupertypes type : mainTypes) {
            for (TypeRef target : type.supertypes()) {
                graph.putEdge(type.node(), graph.typeId(target));
            }
        }
    }

    /**
     * Implementation edges of the types in test sources, except for test classes. A test class is made by the test
     * engine to run its own tests and handed to no other code, so no other test runs it through its base class or
     * interface: with the edge, a change that reached one test class of a shared base test class (a common pattern)
     * reached every test extending that base. Fakes, stubs and abstract bases in test sources keep their edges, as
     * other tests may be handed them. The member-level walk still looks for callers in a test class's supertypes,
     * where a base class may call the test's overrides through {@code this} (see {@link MemberWalk}).
     */
    private void addTestSourceImplementations(TestCatalog catalog) {
        for (TypedSupertypes type : testSourceTypes) {
            if (catalog.tests().containsKey(type.type())) {
                graph.leaveOutSupertypes(type.node());
            } else {
                for (TypeRef target : type.supertypes()) {
                    graph.putEdge(type.node(), graph.typeId(target));
                }
            }
        }
    }

    /**
     * Types declared in one file use each other without an edge from the file's references, which leave the file's
     * own types out: an inner class calling its outer class's method, a second top-level class extending the first.
     * Each reaches the others, so a change that reaches one type of a file (a changed method, an implementation of
     * an interface declared there) reaches the code beside it too.
     */
    private void addFileMates(IndexedFile file) {
        List<DeclaredType> types = file.facts().types();
        if (types.size() < 2) {
            return;
        }
        int[] ids = new int[types.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = graph.typeId(new TypeRef(file.module(), types.get(i).name()));
        }
        for (int from : ids) {
            for (int to : ids) {
                graph.putEdge(from, to);
            }
        }
    }

    private void addResources(SourceIndex index) {
        for (ResourceFacts resource : index.resources()) {
            Set<String> visible = visibleFrom.apply(resource.module());
            MavenModule module = workspace.modules().get(resource.module());
            Node moduleNode = resource.test() ? new Node.ModuleTests(module.path(), module.displayName())
                    : new Node.Module(module.path(), module.displayName());
            if (resource.serviceInterface().isPresent()) {
                // META-INF/services/I lists implementations of I: users of I run them.
                for (TypeRef service : lookup(resource.serviceInterface().get(), visible)) {
                    for (String implementation : resource.names()) {
                        for (TypeRef impl : lookup(implementation, visible)) {
                            if (!impl.equals(service)) {
                                graph.putEdge(new Node.Type(impl), new Node.Type(service));
                            }
                        }
                    }
                }
                continue;
            }
            // Spring XML, factories, properties naming a class: whoever loads the resource runs the class. Which
            // test loads it is unknown, so the class affects every test that can see the resource.
            for (String name : resource.names()) {
                for (TypeRef type : lookup(name, visible)) {
                    graph.putEdge(new Node.Type(type), moduleNode);
                }
            }
        }
    }

    private Iterable<TypeRef> lookup(String name, Set<String> visible) {
        return resolver.lookup(name, visible);
    }

    /**
     * Main types reach their module's artifact, which reaches its dependents' artifacts and the tests that reach a
     * whole module (integration tests, framework-context and class-scanning tests).
     */
    private void addArtifacts(SourceIndex index, TestCatalog catalog) {
        boolean anyIntegrationTest = catalog.tests().values().stream().anyMatch(TestClass::reachesWholeModule);
        if (!anyIntegrationTest) {
            return; // nothing to reach: keep the graph small
        }
        for (IndexedFile file : index.files()) {
            if (file.test()) {
                continue;
            }
            MavenModule module = workspace.modules().get(file.module());
            Node.Artifact artifact = new Node.Artifact(module.path(), module.displayName());
            for (DeclaredType declared : file.facts().types()) {
                graph.putEdge(new Node.Type(new TypeRef(file.module(), declared.name())), artifact);
            }
        }
        for (MavenModule module : workspace.modules().values()) {
            Node.Artifact artifact = new Node.Artifact(module.path(), module.displayName());
            for (String dependent : workspace.dependentsOf(module.path())) {
                MavenModule other = workspace.modules().get(dependent);
                graph.putEdge(artifact, new Node.Artifact(other.path(), other.displayName()));
            }
        }
        for (TestClass test : catalog.tests().values()) {
            if (test.reachesWholeModule()) {
                MavenModule module = workspace.modules().get(test.module());
                graph.putEdge(new Node.Artifact(module.path(), module.displayName()), new Node.Type(test.type()));
            }
        }
        addStructure(catalog);
    }

    /**
     * Member-level changes seed a module's class structure: it reaches the class-scanning tests of the module and of
     * every module whose class path holds its artifact.
     */
    private void addStructure(TestCatalog catalog) {
        if (catalog.tests().values().stream().noneMatch(TestClass::scansClasses)) {
            return;
        }
        for (MavenModule module : workspace.modules().values()) {
            Node.Structure structure = new Node.Structure(module.path(), module.displayName());
            for (String dependent : workspace.dependentsOf(module.path())) {
                MavenModule other = workspace.modules().get(dependent);
                graph.putEdge(structure, new Node.Structure(other.path(), other.displayName()));
            }
        }
        for (TestClass test : catalog.tests().values()) {
            if (test.scansClasses()) {
                MavenModule module = workspace.modules().get(test.module());
                graph.putEdge(new Node.Structure(module.path(), module.displayName()), new Node.Type(test.type()));
            }
        }
    }

    private void putModuleEdge(Node.Module from, MavenModule to) {
        Node.Module target = new Node.Module(to.path(), to.displayName());
        if (!target.equals(from)) {
            graph.putEdge(from, target);
        }
    }

    private void addModules(TestCatalog catalog) {
        // each module's tests node by the module's path: numbered once, not looked up again for each test class
        Map<String, Integer> testsNodes = new HashMap<>();
        for (MavenModule module : workspace.modules().values()) {
            Node.Module node = new Node.Module(module.path(), module.displayName());
            int tests = graph.id(new Node.ModuleTests(module.path(), module.displayName()));
            testsNodes.put(module.path(), tests);
            graph.putEdge(graph.id(node), tests);
            for (String dependent : workspace.dependentsOf(module.path())) {
                putModuleEdge(node, workspace.modules().get(dependent));
            }
            for (String child : workspace.childrenOf(module.path())) {
                putModuleEdge(node, workspace.modules().get(child));
            }
        }
        for (TestClass test : catalog.tests().values()) {
            graph.putEdge(testsNodes.get(test.module()), graph.typeId(test.type()));
        }
    }
}
