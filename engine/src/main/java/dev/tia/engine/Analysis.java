package dev.tia.engine;

import com.google.common.collect.ImmutableList;

import dev.tia.engine.graph.DependencyGraph;
import dev.tia.engine.graph.Node;
import dev.tia.engine.select.DependencyBump;
import dev.tia.engine.select.FileEffect;
import dev.tia.engine.select.Selection;
import dev.tia.engine.select.TestResult;
import dev.tia.engine.source.SourceIndex;
import dev.tia.engine.source.TestCatalog;
import dev.tia.engine.source.TestClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;

/** The result of one analysis: the selection, plus what {@code explain} needs to answer about a single file. */
public final class Analysis {

    private final Selection selection;
    private final DependencyGraph graph;
    private final TestCatalog catalog;
    private final ImmutableList<FileEffect> effects;
    private final Timings timings;
    private final SourceIndex.Stats indexStats;
    private final ResolutionStats resolutionStats;
    private final boolean graphFromStore;
    private final boolean headFromGitIndex;
    private final int graphPatchedFiles;
    private final int graphPatchedResources;
    private final int filesComparedWithStore;
    private final Optional<DependencyBump> dependencyBump;
    private final IntSupplier factsDecoded;

    Analysis(Selection selection, DependencyGraph graph, TestCatalog catalog, List<FileEffect> effects, Timings timings,
            SourceIndex.Stats indexStats, IntSupplier factsDecoded, ResolutionStats resolutionStats, boolean graphFromStore,
            int graphPatchedFiles, int graphPatchedResources, int filesComparedWithStore, boolean headFromGitIndex,
            Optional<DependencyBump> dependencyBump) {
        this.filesComparedWithStore = filesComparedWithStore;
        this.indexStats = indexStats;
        this.factsDecoded = factsDecoded;
        this.resolutionStats = resolutionStats;
        this.graphFromStore = graphFromStore;
        this.graphPatchedFiles = graphPatchedFiles;
        this.graphPatchedResources = graphPatchedResources;
        this.headFromGitIndex = headFromGitIndex;
        this.dependencyBump = dependencyBump;
        this.selection = selection;
        this.graph = graph;
        this.catalog = catalog;
        this.effects = ImmutableList.copyOf(effects);
        this.timings = timings;
    }

    /** The graph the selection walked: for tests that compare a stored graph with a built one. */
    DependencyGraph graph() {
        return graph;
    }

    /** The test catalog the selection read: for the same tests. */
    TestCatalog catalog() {
        return catalog;
    }

    /**
     * How many files' names were resolved in this run, and how many resolutions were still valid from an earlier one.
     */
    public record ResolutionStats(int reused, int resolved) {
    }

    /** How many files' names were resolved and reused: none of either when the stored graph sufficed. */
    public ResolutionStats resolutionStats() {
        return resolutionStats;
    }

    /**
     * Whether the graph and test catalog came from the store of an earlier run (see {@code GraphStore}): the change
     * left every input of them as it was, but perhaps the words of a few files (see {@link #graphPatchedFiles()}).
     */
    public boolean graphFromStore() {
        return graphFromStore;
    }

    /**
     * For a graph from the store: how many files' references were resolved again and patched into it, as those
     * files write words that name types they did not name before, or no longer name.
     */
    public int graphPatchedFiles() {
        return graphPatchedFiles;
    }

    /**
     * For a graph from the store: how many text resources name other types than stored, their edges patched into it
     * (see {@code ResourcePatch}).
     */
    public int graphPatchedResources() {
        return graphPatchedResources;
    }

    /**
     * How many of this run's files were compared with the stored graph's: every file, or, when an earlier run found the
     * files listed from the same git index to be the stored ones, only the paths git's status named and the files
     * parsed (see {@code CheckedListing}); 0 when nothing usable was stored.
     */
    public int filesComparedWithStore() {
        return filesComparedWithStore;
    }

    /**
     * Whether the head commit's files came from git's index: a commit that is HEAD's, which git's index lists exactly
     * (checked out or committed by git, nothing staged), read without git's status or JGit (see {@code GitRepo}).
     */
    public boolean headFromGitIndex() {
        return headFromGitIndex;
    }

    /** How many files were parsed, and how many came from the persistent index. */
    public SourceIndex.Stats indexStats() {
        return indexStats;
    }

    /**
     * How many entries of the persistent index this run has decoded so far (see {@code FactsCache#entriesDecoded}): none
     * or few when the stored graph served a run that changed no Java file. A run that changed one decodes all of them
     * on another thread, which may still be at it.
     */
    public int factsDecoded() {
        return factsDecoded.getAsInt();
    }

    /**
     * When the change runs everything only because its poms move dependency versions: those artifacts and the
     * selection of the rest of the change, for a face that can see each module's test class path.
     */
    public Optional<DependencyBump> dependencyBump() {
        return dependencyBump;
    }

    /** How long each phase took. */
    public Timings timings() {
        return timings;
    }

    public Selection selection() {
        return selection;
    }

    /** The effects of each changed path, in change order. */
    public ImmutableList<FileEffect> effects() {
        return effects;
    }

    /** The chains from the changed file {@code path} alone to each test it affects. */
    public List<String> chainsFrom(String path) {
        List<String> chains = new ArrayList<>();
        for (FileEffect effect : effects) {
            if (!effect.path().equals(path)) {
                continue;
            }
            DependencyGraph.Reach reach = graph.reach(Map.of(effect.fileNode(), effect.seeds()));
            for (TestClass test : catalog.tests().values()) {
                List<Node> chain = reach.chain(new Node.Type(test.type()));
                if (!chain.isEmpty()) {
                    chains.add(String.join(" -> ", chain.stream().map(Node::label).toList()));
                }
            }
        }
        return chains;
    }

    /** Tests whose class name is {@code name} or ends with {@code .name}. */
    public List<TestResult> testsNamed(String name) {
        return selection.tests().stream()
                .filter(t -> t.className().equals(name) || t.className().endsWith("." + name))
                .toList();
    }
}
