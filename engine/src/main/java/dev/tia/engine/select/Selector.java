package dev.tia.engine.select;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Sets;

import dev.tia.engine.config.Mode;
import dev.tia.engine.git.ChangeSet;
import dev.tia.engine.graph.DependencyGraph;
import dev.tia.engine.graph.Node;
import dev.tia.engine.project.MavenModule;
import dev.tia.engine.project.RepoPath;
import dev.tia.engine.project.Service;
import dev.tia.engine.project.Workspace;
import dev.tia.engine.source.TestCatalog;
import dev.tia.engine.source.TestClass;
import dev.tia.engine.source.TypeRef;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Decides every test's status and the affected services from the effects of a change. */
public final class Selector {

    /**
     * By module, then class name. The tests of one module share its path's string, which a comparator of the two keys
     * compared char by char for each pair (sorting 16.7k tests took 10 ms of a fresh JVM at 50k classes).
     */
    private static final Comparator<TestResult> REPORT_ORDER = (a, b) -> {
        int module = a.module() == b.module() ? 0 : a.module().compareTo(b.module());
        return module != 0 ? module : a.className().compareTo(b.className());
    };

    private final Workspace workspace;
    private final DependencyGraph graph;
    private final TestCatalog catalog;
    private final Mode mode;
    private final Set<String> excludeTags;

    public Selector(Workspace workspace, DependencyGraph graph, TestCatalog catalog, Mode mode, Set<String> excludeTags) {
        this.workspace = workspace;
        this.graph = graph;
        this.catalog = catalog;
        this.mode = mode;
        this.excludeTags = excludeTags;
    }

    /** The outcome of {@link #select}: the selection and the reach it came from (for {@code explain}). */
    public record Outcome(Selection selection, DependencyGraph.Reach reach) {
    }

    /**
     * @param effects the effects of every changed path
     * @param standingEffects effects of unchanged files that still force tests (a file that does not parse)
     * @param runAllReasons reasons found before selection (unknown module structure, missing history)
     */
    public Outcome select(String repository, ChangeSet changes, List<ChangedFile> changedFiles, List<FileEffect> effects,
            List<FileEffect> standingEffects, List<String> runAllReasons, List<String> notes) {
        List<String> reasons = new ArrayList<>(runAllReasons);
        Map<Node.File, List<Node>> seeds = new LinkedHashMap<>();
        for (FileEffect effect : concat(effects, standingEffects)) {
            if (effect.effect() == Effect.RUN_ALL || effect.effect() == Effect.DEPENDENCY_VERSIONS) {
                reasons.add(effect.description());
            }
            if (!effect.seeds().isEmpty()) {
                seeds.computeIfAbsent(effect.fileNode(), f -> new ArrayList<>()).addAll(effect.seeds());
            }
        }
        DependencyGraph.Reach reach = graph.reach(seeds);
        boolean runAll = !reasons.isEmpty();
        // What the class level would reach, to say why a test that uses a changed type was still skipped: the
        // member-level walk's types when it has them, else a class-level reach of its own.
        Optional<Predicate<Node>> classLevel = Optional.empty();
        if (!runAll && seeds.values().stream().flatMap(List::stream).anyMatch(n -> n instanceof Node.Member)) {
            Optional<Predicate<TypeRef>> types = reach.classLevelTypes();
            if (types.isPresent()) {
                classLevel = Optional.of(node -> node instanceof Node.Type type && types.get().test(type.type()));
            } else {
                DependencyGraph.Reach classReach = graph.reach(classLevelSeeds(seeds));
                classLevel = Optional.of(node -> !classReach.chain(node).isEmpty());
            }
        }
        List<TestResult> tests = new ArrayList<>();
        for (TestClass test : catalog.tests().values()) {
            tests.add(decide(test, reach, classLevel, runAll ? Optional.of(reasons.get(0)) : Optional.empty()));
        }
        tests.sort(REPORT_ORDER);
        Selection selection = new Selection(repository, changes.baseCommit(), changes.baseRef(), changes.head(), mode, runAll,
                ImmutableList.copyOf(reasons), ImmutableList.copyOf(changedFiles),
                services(effects, runAll ? Optional.of(reasons.get(0)) : Optional.empty()),
                ImmutableList.copyOf(tests), ImmutableList.copyOf(notes));
        return new Outcome(selection, reach);
    }

    /** The seeds with each changed method replaced by its type. */
    private static Map<Node.File, List<Node>> classLevelSeeds(Map<Node.File, List<Node>> seeds) {
        Map<Node.File, List<Node>> classLevel = new LinkedHashMap<>();
        seeds.forEach((file, nodes) -> classLevel.put(file, nodes.stream()
                .map(n -> n instanceof Node.Member member ? new Node.Type(member.type()) : n).distinct().toList()));
        return classLevel;
    }

    private TestResult decide(TestClass test, DependencyGraph.Reach reach, Optional<Predicate<Node>> reachedAtClassLevel,
            Optional<String> runAllReason) {
        String module = workspace.modules().get(test.module()).displayName();
        ImmutableList<String> tags = ImmutableList.copyOf(test.classTags());
        Node node = new Node.Type(test.type());
        // This runs for every test class of the repository, mostly interpreted in a fresh JVM: a chain's text is
        // made once per node of the reach, from its predecessor's, not once per test.
        String chain = reach.joinedChain(node);
        boolean affected = runAllReason.isPresent() || !chain.isEmpty();
        String why = runAllReason.isPresent() ? "run all: " + runAllReason.get() : chain;
        if (mode == Mode.ALL) {
            return new TestResult(test.className(), module, TestStatus.SELECTED, tags,
                    affected ? why : "mode all: every test runs (not affected by the change)");
        }
        if (!affected) {
            boolean usesChangedType = reachedAtClassLevel.map(reached -> reached.test(node)).orElse(false);
            return new TestResult(test.className(), module, TestStatus.SKIPPED, tags, usesChangedType
                    ? "not affected: it depends on a changed type but cannot reach the changed methods (member level;"
                            + " tia.precision=class would select it)"
                    : "not affected by the change");
        }
        Set<String> excluded = Sets.intersection(test.tagsOnEveryTest(), excludeTags);
        // Observe mode records what quick mode would decide; the faces then run everything anyway.
        if ((mode == Mode.QUICK || mode == Mode.OBSERVE) && !excluded.isEmpty()) {
            return new TestResult(test.className(), module, TestStatus.EXCLUDED_BY_TAG, tags,
                    "tag " + String.join(", ", excluded) + " excluded in quick mode; affected: " + why);
        }
        return new TestResult(test.className(), module, TestStatus.SELECTED, tags, why);
    }

    /**
     * A module reached while finding affected services.
     *
     * @param buildChanged whether its build (pom) changed, so modules inheriting it are reached too
     * @param upstream the module through which it was reached, if any
     */
    private record ReachedModule(String path, String reason, boolean buildChanged, Optional<String> upstream) {
    }

    private ImmutableList<ServiceResult> services(List<FileEffect> effects, Optional<String> runAllReason) {
        Map<String, String> directReasons = new LinkedHashMap<>();
        Deque<ReachedModule> queue = new ArrayDeque<>();
        for (FileEffect effect : effects) {
            if (effect.effect() == Effect.IGNORED) {
                continue;
            }
            for (Service service : workspace.services()) {
                if (RepoPath.isUnder(effect.path(), service.path())) {
                    directReasons.putIfAbsent(service.path(), "changed " + effect.path());
                }
            }
            if (effect.effect() == Effect.SERVICE_ONLY) {
                continue;
            }
            workspace.moduleContaining(effect.path()).ifPresent(m -> queue.add(new ReachedModule(
                    m.path(), "changed " + effect.path(), effect.path().equals(m.pomPath()), Optional.empty())));
        }
        Map<String, ReachedModule> reached = new LinkedHashMap<>();
        while (!queue.isEmpty()) {
            ReachedModule item = queue.poll();
            if (reached.putIfAbsent(item.path(), item) != null) {
                continue;
            }
            MavenModule current = workspace.modules().get(item.path());
            for (String dependent : workspace.dependentsOf(item.path())) {
                queue.add(new ReachedModule(dependent, "depends on " + current.displayName(), false, Optional.of(item.path())));
            }
            if (item.buildChanged()) {
                for (String child : workspace.childrenOf(item.path())) {
                    queue.add(new ReachedModule(child, "inherits the pom of " + current.displayName(), true,
                            Optional.of(item.path())));
                }
            }
        }
        List<ServiceResult> services = new ArrayList<>();
        for (Service service : workspace.services()) {
            String direct = directReasons.get(service.path());
            Optional<ReachedModule> viaModule = service.module().map(reached::get);
            if (direct != null) {
                services.add(new ServiceResult(service.name(), service.path(), true, direct, Optional.empty()));
            } else if (viaModule.isPresent()) {
                services.add(new ServiceResult(service.name(), service.path(), false, viaModule.get().reason(),
                        viaModule.get().upstream()));
            } else if (runAllReason.isPresent()) {
                services.add(new ServiceResult(service.name(), service.path(), false, "run all: " + runAllReason.get(),
                        Optional.empty()));
            }
        }
        return services.stream().sorted(Comparator.comparing(ServiceResult::path)).collect(ImmutableList.toImmutableList());
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
