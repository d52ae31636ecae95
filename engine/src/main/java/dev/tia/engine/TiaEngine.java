package dev.tia.engine;

import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Lists;
import com.google.common.collect.Sets;

import dev.tia.engine.config.RepositoryConfig;
import dev.tia.engine.config.TiaConfig;
import dev.tia.engine.git.ChangeSet;
import dev.tia.engine.git.ChangeType;
import dev.tia.engine.git.FileChange;
import dev.tia.engine.git.GitRepo;
import dev.tia.engine.git.SourceTree;
import dev.tia.engine.graph.DependencyGraph;
import dev.tia.engine.graph.DependencyGraphBuilder;
import dev.tia.engine.graph.GraphStore;
import dev.tia.engine.graph.Node;
import dev.tia.engine.project.MavenModule;
import dev.tia.engine.project.PomCache;
import dev.tia.engine.project.PomCanonical;
import dev.tia.engine.project.PomVersionChange;
import dev.tia.engine.project.RepoPath;
import dev.tia.engine.project.SourceRootKind;
import dev.tia.engine.project.Workspace;
import dev.tia.engine.project.WorkspaceLoader;
import dev.tia.engine.select.ChangedFile;
import dev.tia.engine.select.DependencyBump;
import dev.tia.engine.select.Effect;
import dev.tia.engine.select.FileEffect;
import dev.tia.engine.select.Policy;
import dev.tia.engine.select.Selection;
import dev.tia.engine.select.Selector;
import dev.tia.engine.source.FactsCache;
import dev.tia.engine.source.FileFacts;
import dev.tia.engine.source.IndexedFile;
import dev.tia.engine.source.JavaFileAnalyzer;
import dev.tia.engine.source.NameResolver;
import dev.tia.engine.source.ResolutionCache;
import dev.tia.engine.source.Resolutions;
import dev.tia.engine.source.ResourceScans;
import dev.tia.engine.source.SourceIndex;
import dev.tia.engine.source.TestCatalog;
import dev.tia.engine.source.TypeRef;
import dev.tia.engine.source.TypeUniverse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one entry point of every face: configuration in, {@link Analysis} out.
 *
 * <p>Knows nothing of Maven or JUnit. Problems the user must fix throw {@link TiaException}; problems that only
 * make tia unsure end in a run-all with the reason in the selection.
 */
public final class TiaEngine {

    /** Beyond this many, the changed files are parsed with the others, on every core (see {@link #parseAhead}). */
    private static final int PARSED_AHEAD_AT_MOST = 16;

    private final JavaFileAnalyzer analyzer = new JavaFileAnalyzer();
    private final Progress progress;
    private final int graphRewriteAfter;

    public TiaEngine() {
        this(Progress.NONE);
    }

    /** @param progress told about long work (parsing a cold repository) */
    public TiaEngine(Progress progress) {
        this(progress, GraphStore.REWRITE_AFTER);
    }

    /**
     * For tests of the stored graph: with {@code graphRewriteAfter} 0, every run that builds the graph stores it, so
     * the next run whose change leaves the graph's inputs as they were uses it.
     */
    TiaEngine(Progress progress, int graphRewriteAfter) {
        this.progress = progress;
        this.graphRewriteAfter = graphRewriteAfter;
    }

    /** tia's version, which keys the persistent index. */
    public static String version() {
        String version = TiaEngine.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /**
     * Optional: starts on other threads the one-time work of a fresh process that every analysis needs (JGit
     * looking for git's system configuration), so that a face can overlap it with its own start-up, such as
     * parsing its arguments. Calling it more than once, or not at all, changes no result.
     */
    public static void prepare() {
        GitRepo.prepare();
    }

    /**
     * Optional, in place of {@link #prepare()}: starts git's status of the working tree at {@code projectDir} and
     * git's account of its checkout, which an analysis of that folder's working tree (no head configured) started
     * within two seconds takes instead of starting its own (git's walk of a large working tree, 120 ms at 67k files,
     * then overlaps the face's start); then JGit's start, unless git can tell the change itself (a checkout whose
     * history is whole, or a change against HEAD's own commit), which needs no JGit.
     *
     * @param base the base the analysis will compare with, when the face knows it (empty: the default base)
     */
    public static void prepare(Path projectDir, Optional<String> base) {
        GitRepo.startAhead(projectDir, base);
    }

    /**
     * Optional, in place of {@link #prepare()}: for an analysis of a commit of the repository at {@code projectDir},
     * starts git's account of its checkout (a commit that is HEAD's is read from git's index, see {@link GitRepo}),
     * and JGit's start only where git cannot tell.
     *
     * @param base the base the analysis will compare with, when the face knows it (empty: the default base)
     */
    public static void prepareCommit(Path projectDir, Optional<String> base) {
        GitRepo.startCheckoutAhead(projectDir, base);
    }

    public Analysis analyze(TiaConfig config) {
        Timings timings = new Timings();
        // Reading the index is independent of git: it runs on the other core while git works.
        CompletableFuture<Caches> cacheLoad = Background.run("tia-index-load", () -> Caches.load(config, graphRewriteAfter));
        // The poms are needed sooner than the index, and their store is small: read on a thread of its own.
        CompletableFuture<PomCache> pomLoad = Background.run("tia-pom-load",
                () -> config.cacheDir().map(dir -> PomCache.load(dir, version())).orElse(PomCache.none()));
        try (GitRepo git = timings.time("open", () -> config.head().isEmpty()
                ? GitRepo.openWithWorkingTree(config.projectDir()) : GitRepo.open(config.projectDir()))) {
            String projectRoot = projectRoot(git.workTree(), config.projectDir());
            ChangeSet changes = timings.time("changes", () -> git.changes(config.base(), config.head()));
            // Building the graph reads every file's facts: decoded on the other core once a run will need them, here
            // while this one lists the tree when the change will likely build it. A run the stored graph serves reads
            // few of them, its member-level walk included (see below).
            Supplier<CompletableFuture<Void>> factsDecode = Suppliers.memoize(() -> Background.run("tia-facts-decode", () -> {
                Background.await(cacheLoad).facts().decodeAll();
                return null;
            }));
            boolean buildLikely = buildLikely(changes);
            CompletableFuture<Map<String, SourceIndex.Parsed>> parsedAhead = parseAhead(config, git, changes, cacheLoad);
            if (buildLikely) {
                factsDecode.get();
            }
            SourceTree head = timings.time("tree", () -> git.tree(changes.head()));
            RepositoryConfig repositoryConfig = repositoryConfig(head, projectRoot);
            PomCache pomCache = Background.await(pomLoad);
            Workspace workspace = timings.time("workspace",
                    () -> WorkspaceLoader.load(head, projectRoot, repositoryConfig, pomCache));
            Caches caches = timings.time("index-load", () -> Background.await(cacheLoad));
            FactsCache cache = caches.facts();
            ResourceScans resourceScans = caches.resourceScans();
            SourceIndex index = timings.time("index", () -> SourceIndex.build(workspace, head, analyzer, cache, progress,
                    path -> Optional.ofNullable(Background.await(parsedAhead).get(path)), resourceScans));
            CompletableFuture<Optional<String>> resourceScansSaved = Background.run("tia-save-resources", resourceScans::save);
            if (buildLikely) {
                // Every declared type, which the graph's build and the method-level walk both start from: made on the
                // other core while this one checks and loads the stored graph (the index keeps it once made).
                Background.run("tia-declarations", index::declarations);
            }
            List<String> notes = new ArrayList<>(workspace.notes());
            pomCache.problem().ifPresent(notes::add);
            cache.problem().ifPresent(notes::add);
            resourceScans.problem().ifPresent(notes::add);
            // Their module's tests run (see standingEffects), which each test's chain shows; why, only this says.
            index.unreadableResources().forEach(resource -> notes.add(resource.problem() + ": the tests of "
                    + resource.module() + " run"));
            changes.fetched().ifPresent(notes::add);
            Map<String, FileFacts> baseFacts = timings.time("base", () -> baseFacts(git, changes, workspace, cache));

            // Which modules a module sees, worked out once per module: resolution asks for it for every name it looks up.
            Map<String, Set<String>> visibility = new ConcurrentHashMap<>();
            Function<String, Set<String>> visibleFrom = module -> visibility.computeIfAbsent(module, workspace::visibleFrom);
            // Before the facts index is saved: the check asks it for the stored graph's contents, which keeps them there.
            GraphStore.Key graphKey = GraphStore.key(workspace, index, config.implementations(), typesLeftAtBase(baseFacts, index, workspace));
            GraphStore.Verdict graphVerdict = timings.time("graph-check", () -> caches.graphs().check(graphKey, index, head.indexBasis(),
                    cache::get, path -> head.contentId(path).isPresent(), head::indexedId, visibleFrom));
            Optional<GraphStore.Stored> storedGraph = graphVerdict.stored();
            if (storedGraph.isEmpty()) {
                caches.startLoadingResolutions(); // while the facts index is saved
                factsDecode.get(); // started already if a Java file changed
            }
            caches.graphs().problem().ifPresent(notes::add);

            // Written on a thread of its own while this one resolves and builds (a cold run's write took 200-320 ms of its
            // main thread at 10k classes): every entry to keep has been asked for by now, and no facts are added later.
            CompletableFuture<Optional<String>> factsSaved = Background.run("tia-save-index",
                    () -> cache.save(Lists.transform(index.files(), IndexedFile::contentId)));
            timings.time("save-poms", pomCache::save).ifPresent(notes::add);

            DependencyGraph graph;
            TestCatalog catalog;
            Analysis.ResolutionStats resolutionStats = new Analysis.ResolutionStats(0, 0);
            if (storedGraph.isPresent()) {
                // Neither the type universe nor any file's resolved names: the stored graph holds what they would give.
                graph = timings.time("graph-load", () -> storedGraph.get().graph(index));
                catalog = storedGraph.get().catalog();
                if (graphVerdict.rewrite()) { // patched, and a committed file differs from the store
                    DependencyGraph patched = graph;
                    TestCatalog stored = catalog;
                    timings.time("save-graph", () -> caches.graphs().save(graphKey, index, patched, stored)).ifPresent(notes::add);
                }
            } else {
                Resolved names = resolve(timings, index, baseFacts, workspace, caches, visibleFrom, notes);
                resolutionStats = new Analysis.ResolutionStats(names.resolutions().reused(), names.resolutions().resolved());
                // The catalog and the graph's type edges are independent: each on a core of its own.
                CompletableFuture<TestCatalog> catalogBuild = Background.run("tia-catalog",
                        () -> TestCatalog.build(index, names.resolutions(), names.resolver(), visibleFrom::apply));
                graph = timings.time("graph",
                        () -> DependencyGraphBuilder.build(workspace, index, names.resolutions(), names.resolver(), visibleFrom,
                                () -> Background.await(catalogBuild), config.implementations()));
                catalog = Background.await(catalogBuild);
                if (graphVerdict.rewrite()) {
                    DependencyGraph built = graph;
                    timings.time("save-graph", () -> caches.graphs().save(graphKey, index, built, catalog)).ifPresent(notes::add);
                }
                // What is left of writing the resolutions, after the graph's build and store.
                timings.time("save-resolved", () -> Background.await(names.saved())).ifPresent(notes::add);
            }
            timings.time("save-index", () -> Background.await(factsSaved)).ifPresent(notes::add);
            Background.await(resourceScansSaved).ifPresent(notes::add);

            // The policy looks up only the changed files: a map of every file's facts took 100 ms at 50k.
            Map<String, FileFacts> headFacts = new HashMap<>();
            changes.changes().forEach(c -> index.file(c.path()).ifPresent(f -> headFacts.put(f.path(), f.facts())));
            List<String> modifiedPoms = modifiedPoms(changes);
            SourceTree basePoms = timings.time("base-poms", () -> git.files(changes.baseCommit(), modifiedPoms));
            Set<String> noOpPoms = noOpPoms(modifiedPoms, basePoms, head);
            Map<String, Set<String>> versionChanges = dependencyVersionChanges(modifiedPoms, basePoms, head, workspace, noOpPoms);
            Policy policy = new Policy(workspace, repositoryConfig, headFacts, baseFacts,
                    toolFolders(git.workTree(), config), config.precision(), noOpPoms, versionChanges);
            List<FileEffect> effects = new ArrayList<>();
            List<ChangedFile> changedFiles = new ArrayList<>();
            timings.time("effects", () -> {
                for (FileChange change : changes.changes()) {
                    List<FileEffect> fileEffects = policy.effectsOf(change);
                    effects.addAll(fileEffects);
                    FileEffect main = fileEffects.get(0);
                    changedFiles.add(new ChangedFile(change.path(), change.change(), change.oldPath(), main.effect(), main.description()));
                }
                return effects;
            });

            List<String> runAllReasons = new ArrayList<>(workspace.runAllReasons());
            changes.historyGap().ifPresent(runAllReasons::add);
            Selector selector = new Selector(workspace, graph, catalog, config.mode(), config.excludeTags());
            List<FileEffect> standing = standingEffects(index, workspace, changes);
            Selector.Outcome outcome = timings.time("select", () -> selector.select(git.workTree().toString(), changes,
                    changedFiles, effects, standing, runAllReasons, notes));
            Optional<DependencyBump> bump = dependencyBump(outcome.selection(), effects, versionChanges,
                    rest -> selector.select(git.workTree().toString(), changes, changedFiles, rest, standing, runAllReasons, notes));
            timings.finish();
            return new Analysis(outcome.selection(), graph, catalog, effects, timings, index.stats(), cache::entriesDecoded,
                    resolutionStats, storedGraph.isPresent(), storedGraph.map(GraphStore.Stored::patchedFiles).orElse(0),
                    storedGraph.map(GraphStore.Stored::patchedResources).orElse(0),
                    caches.graphs().filesCompared(), git.headCommitFromIndex(), bump);
        }
    }

    /**
     * The persistent caches in the configured folder, or none.
     *
     * @param resolutionLoad started only when the graph is built: a run that uses the stored graph resolves no name
     *     (reading the store took 30 ms of a core at 50k classes)
     */
    private record Caches(FactsCache facts, Supplier<CompletableFuture<ResolutionCache>> resolutionLoad,
            CompletableFuture<GraphStore> graphLoad, CompletableFuture<ResourceScans> resourceScansLoad) {
        static Caches load(TiaConfig config, int graphRewriteAfter) {
            // Small, and needed with the facts: read beside them rather than after.
            CompletableFuture<ResourceScans> resourceScans = Background.run("tia-resources-load",
                    () -> config.cacheDir().map(dir -> ResourceScans.load(dir, version())).orElse(ResourceScans.none()));
            // The stored graph is needed last, and reading it would make the wait for the facts longer: a thread of its own.
            CompletableFuture<GraphStore> graphs = Background.run("tia-graph-load",
                    () -> config.cacheDir().map(dir -> GraphStore.load(dir, version(), graphRewriteAfter)).orElse(GraphStore.none()));
            Supplier<CompletableFuture<ResolutionCache>> resolutions = Suppliers.memoize(() -> Background.run("tia-resolved-load",
                    () -> config.cacheDir().map(dir -> ResolutionCache.load(dir, version())).orElse(ResolutionCache.none())));
            return new Caches(config.cacheDir().map(dir -> FactsCache.load(dir, version())).orElse(FactsCache.none()),
                    resolutions, graphs, resourceScans);
        }

        ResourceScans resourceScans() {
            return Background.await(resourceScansLoad);
        }

        void startLoadingResolutions() {
            resolutionLoad.get();
        }

        ResolutionCache resolutions() {
            return Background.await(resolutionLoad.get());
        }

        GraphStore graphs() {
            return Background.await(graphLoad);
        }
    }

    /**
     * The resolver over the type universe and every file's resolved names: what a graph is built from.
     *
     * @param saved the store of this run's resolutions, being written: a problem to report, if any
     */
    private record Resolved(NameResolver resolver, Resolutions resolutions, CompletableFuture<Optional<String>> saved) {
    }

    /**
     * Resolves every file's names (most kept from earlier runs, see {@link ResolutionCache}) and starts storing them,
     * on a thread of its own: the store is written from what the resolution left and nothing changes after, while this
     * thread builds the graph (writing it took 80-100 ms of a cold run at 10k classes, and 750 ms of a warm run at 50k
     * with 5% of files changed, one after the other with the rest).
     */
    private static Resolved resolve(Timings timings, SourceIndex index, Map<String, FileFacts> baseFacts, Workspace workspace,
            Caches caches, Function<String, Set<String>> visibleFrom, List<String> notes) {
        TypeUniverse universe = timings.time("universe", () -> universe(index, baseFacts, workspace));
        NameResolver resolver = new NameResolver(universe);
        ResolutionCache stored = timings.time("resolved-load", caches::resolutions);
        stored.problem().ifPresent(notes::add);
        Resolutions resolutions = timings.time("resolve", () -> stored.resolveAll(index, resolver, universe, visibleFrom));
        return new Resolved(resolver, resolutions, Background.run("tia-save-resolved", () -> caches.resolutions().save()));
    }

    /**
     * The Java files the change wrote in the working tree, parsed on another thread while this one lists the tree
     * and reads the modules (see {@link SourceIndex#parseAhead}); none for a commit.
     */
    private CompletableFuture<Map<String, SourceIndex.Parsed>> parseAhead(TiaConfig config, GitRepo git, ChangeSet changes,
            CompletableFuture<Caches> cacheLoad) {
        List<String> written = new ArrayList<>();
        for (FileChange change : changes.changes()) {
            if (change.change() != ChangeType.DELETED && change.path().endsWith(".java")) {
                written.add(change.path());
            }
        }
        if (config.head().isPresent() || written.isEmpty() || written.size() > PARSED_AHEAD_AT_MOST) {
            return CompletableFuture.completedFuture(Map.of());
        }
        return Background.run("tia-parse-ahead",
                () -> SourceIndex.parseAhead(git.workTree(), written, analyzer, () -> Background.await(cacheLoad).facts()));
    }

    /**
     * Whether the change will likely make this run build the graph: many Java files changed. Edits of files, new files
     * and files deleted or renamed mostly keep or patch the stored graph, and decoding every file's facts beside such a
     * run took 40 ms of a body edit's at 50k classes (the core it shares with git and the index); when the store
     * cannot serve after all, the decode starts then, which cost a build 60 ms.
     */
    private static boolean buildLikely(ChangeSet changes) {
        int javaFiles = 0;
        for (FileChange change : changes.changes()) {
            boolean java = change.path().endsWith(".java") || change.oldPath().filter(p -> p.endsWith(".java")).isPresent();
            if (java && ++javaFiles >= GraphStore.REWRITE_AFTER) {
                return true;
            }
        }
        return false;
    }

    /**
     * The types the changed Java files declared at base that the same file does not declare at head: where the type
     * universe may differ from the head's types (see {@link #universe}). Found without a map of every type, which only
     * the universe's build makes.
     */
    private static List<TypeRef> typesLeftAtBase(Map<String, FileFacts> baseFacts, SourceIndex index, Workspace workspace) {
        List<TypeRef> left = new ArrayList<>();
        for (Map.Entry<String, FileFacts> base : baseFacts.entrySet()) {
            Optional<MavenModule> module = workspace.moduleContaining(base.getKey());
            if (module.isEmpty()) {
                continue; // the universe takes no type from it
            }
            Optional<IndexedFile> head = index.file(base.getKey()).filter(f -> f.module().equals(module.get().path()));
            Set<String> declared = new HashSet<>();
            head.ifPresent(f -> f.facts().types().forEach(t -> declared.add(t.name())));
            base.getValue().types().stream().filter(t -> !declared.contains(t.name()))
                    .forEach(t -> left.add(new TypeRef(module.get().path(), t.name())));
        }
        return left;
    }

    private static String projectRoot(Path workTree, Path projectDir) {
        Path dir = projectDir.toAbsolutePath().normalize();
        try {
            dir = dir.toRealPath();
            workTree = workTree.toRealPath();
        } catch (IOException e) {
            // compare as given
        }
        if (!dir.startsWith(workTree)) {
            throw new TiaException(projectDir + " is not inside the git working tree " + workTree);
        }
        return workTree.relativize(dir).toString().replace('\\', '/');
    }

    /** tia's own output folders inside the repository (reports, index): never a change. */
    private static List<String> toolFolders(Path workTree, TiaConfig config) {
        List<String> folders = new ArrayList<>();
        insideWorkTree(workTree, config.reportDir()).ifPresent(folders::add);
        config.cacheDir().flatMap(dir -> insideWorkTree(workTree, dir)).ifPresent(folders::add);
        return folders;
    }

    private static Optional<String> insideWorkTree(Path workTree, Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        return absolute.startsWith(workTree) && !absolute.equals(workTree)
                ? Optional.of(workTree.relativize(absolute).toString().replace('\\', '/'))
                : Optional.empty();
    }

    private static RepositoryConfig repositoryConfig(SourceTree head, String projectRoot) {
        String path = RepoPath.join(projectRoot, RepositoryConfig.FILE_NAME);
        if (!head.contains(path)) {
            return RepositoryConfig.empty();
        }
        try {
            return RepositoryConfig.parse(new String(head.read(path), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TiaException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Facts at base of the changed Java files that existed there: their old types count as changed too. */
    private Map<String, FileFacts> baseFacts(GitRepo git, ChangeSet changes, Workspace workspace, FactsCache cache) {
        List<String> paths = new ArrayList<>();
        for (FileChange change : changes.changes()) {
            String path = change.basePath();
            if (change.existsAtBase() && path.endsWith(".java") && inSourceRoot(workspace, path)) {
                paths.add(path);
            }
        }
        Map<String, FileFacts> facts = new HashMap<>();
        if (paths.isEmpty()) {
            return facts;
        }
        SourceTree base = git.files(changes.baseCommit(), paths);
        for (String path : paths) {
            facts.put(path, SourceIndex.analyze(analyzer, base, path, cache));
        }
        return facts;
    }

    /** The poms the change modifies (present at base and head). */
    private static List<String> modifiedPoms(ChangeSet changes) {
        return changes.changes().stream()
                .filter(c -> c.change() == ChangeType.MODIFIED && RepoPath.fileName(c.path()).equals("pom.xml"))
                .map(FileChange::path).toList();
    }

    /** Modified poms that Maven reads the same way at base and head (comments, formatting). */
    private static Set<String> noOpPoms(List<String> poms, SourceTree base, SourceTree head) {
        Set<String> noOps = new LinkedHashSet<>();
        for (String pom : poms) {
            try {
                Optional<String> before = PomCanonical.of(base.read(pom));
                if (before.isPresent() && before.equals(PomCanonical.of(head.read(pom)))) {
                    noOps.add(pom);
                }
            } catch (IOException e) {
                // unreadable: the change counts
            }
        }
        return noOps;
    }

    /**
     * Modified poms whose edit only moves dependency versions, with the moved artifacts; a moved artifact that is a
     * module of this workspace is left to the pom's usual rule.
     */
    private static Map<String, Set<String>> dependencyVersionChanges(List<String> modifiedPoms, SourceTree base, SourceTree head,
            Workspace workspace, Set<String> noOpPoms) {
        List<String> poms = modifiedPoms.stream().filter(p -> !noOpPoms.contains(p)).toList();
        Map<String, Set<String>> moved = new LinkedHashMap<>();
        if (poms.isEmpty()) {
            return moved;
        }
        Set<String> ownArtifacts = new HashSet<>();
        List<byte[]> headPoms = new ArrayList<>();
        try {
            for (MavenModule module : workspace.modules().values()) {
                ownArtifacts.add(module.coordinates().groupId() + ":" + module.coordinates().artifactId());
                headPoms.add(head.read(module.pomPath()));
            }
            for (String pom : poms) {
                PomVersionChange.between(base.read(pom), head.read(pom), headPoms)
                        .filter(artifacts -> artifacts.stream().noneMatch(ownArtifacts::contains))
                        .ifPresent(artifacts -> moved.put(pom, artifacts));
            }
        } catch (IOException e) {
            return Map.of(); // unreadable: every pom keeps its usual rule
        }
        return moved;
    }

    /** When moved dependency versions are all that makes the change run everything: the rest of it, for faces that know class paths. */
    private static Optional<DependencyBump> dependencyBump(Selection selection, List<FileEffect> effects,
            Map<String, Set<String>> versionChanges, Function<List<FileEffect>, Selector.Outcome> select) {
        List<FileEffect> bumps = effects.stream().filter(e -> e.effect() == Effect.DEPENDENCY_VERSIONS).toList();
        if (bumps.isEmpty() || selection.runAllReasons().size() != bumps.size()) {
            return Optional.empty();
        }
        List<FileEffect> rest = effects.stream().map(e -> e.effect() == Effect.DEPENDENCY_VERSIONS
                ? new FileEffect(e.path(), Effect.IGNORED, e.description(), ImmutableList.of()) : e).toList();
        Set<String> artifacts = new TreeSet<>();
        bumps.forEach(b -> artifacts.addAll(versionChanges.get(b.path())));
        return Optional.of(new DependencyBump(ImmutableSet.copyOf(artifacts), select.apply(rest).selection()));
    }

    private static boolean inSourceRoot(Workspace workspace, String path) {
        Optional<MavenModule> module = workspace.moduleContaining(path);
        return module.map(m -> m.kindOf(path)).filter(k -> k == SourceRootKind.MAIN_SOURCE || k == SourceRootKind.TEST_SOURCE)
                .isPresent();
    }

    private static TypeUniverse universe(SourceIndex index, Map<String, FileFacts> baseFacts, Workspace workspace) {
        Set<TypeRef> types = index.declarations().keySet();
        // Types that exist only at base (deleted, renamed away) still resolve, so their users are found.
        Set<TypeRef> baseOnly = new LinkedHashSet<>();
        baseFacts.forEach((path, facts) -> workspace.moduleContaining(path).ifPresent(module -> facts.types().stream()
                .map(t -> new TypeRef(module.path(), t.name())).filter(t -> !types.contains(t)).forEach(baseOnly::add)));
        return TypeUniverse.of(baseOnly.isEmpty() ? types : Sets.union(types, baseOnly));
    }

    /**
     * Unchanged files that do not parse, and text resources that cannot be read: what they depend on or name is
     * unknown, so their module's tests must run.
     */
    private static List<FileEffect> standingEffects(SourceIndex index, Workspace workspace, ChangeSet changes) {
        Set<String> changed = new LinkedHashSet<>();
        changes.changes().forEach(c -> changed.add(c.path()));
        List<FileEffect> effects = new ArrayList<>();
        for (IndexedFile file : index.unparsedFiles()) {
            if (!changed.contains(file.path())) {
                effects.add(moduleEffect(workspace, file.path(), file.module(), file.facts().parseProblem().get()));
            }
        }
        for (SourceIndex.UnreadableResource resource : index.unreadableResources()) {
            if (!changed.contains(resource.path())) {
                effects.add(moduleEffect(workspace, resource.path(), resource.module(), resource.problem()));
            }
        }
        return effects;
    }

    private static FileEffect moduleEffect(Workspace workspace, String path, String modulePath, String why) {
        MavenModule module = workspace.modules().get(modulePath);
        return new FileEffect(path, Effect.MODULE, why, ImmutableList.of(new Node.Module(module.path(), module.displayName())));
    }
}
