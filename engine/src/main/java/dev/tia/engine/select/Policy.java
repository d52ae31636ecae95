package dev.tia.engine.select;

import com.google.common.collect.ImmutableList;

import dev.tia.engine.config.PathGlob;
import dev.tia.engine.config.Precision;
import dev.tia.engine.config.RepositoryConfig;
import dev.tia.engine.git.FileChange;
import dev.tia.engine.graph.Node;
import dev.tia.engine.project.MavenModule;
import dev.tia.engine.project.RepoPath;
import dev.tia.engine.project.Service;
import dev.tia.engine.project.SourceRootKind;
import dev.tia.engine.project.Workspace;
import dev.tia.engine.source.DeclaredType;
import dev.tia.engine.source.FileFacts;
import dev.tia.engine.source.TypeRef;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules that turn each changed path into an {@link FileEffect} (design.md, "Default policy for non-Java files").
 *
 * <p>Order matters: the repository's own run-all and ignore lists first, then module structure, then service
 * folders; a file nothing claims runs everything, since tia cannot know what reads it.
 */
public final class Policy {

    /** Files that change no behaviour, outside source and resource roots. */
    private static final List<PathGlob> BUILT_IN_IGNORES = globs("*.md", "docs/**", "LICENSE", "LICENSE.*", "NOTICE",
            ".gitignore", ".gitattributes", ".editorconfig");
    /** Container build files: they change a service's image, not its tests. */
    private static final List<PathGlob> IMAGE_FILES = globs("Dockerfile", "Dockerfile.*", "*.dockerfile", ".dockerignore",
            "docker-compose*.yml", "docker-compose*.yaml", "compose.yml", "compose.yaml");

    private final Workspace workspace;
    private final RepositoryConfig config;
    private final Map<String, FileFacts> headFacts;
    private final Map<String, FileFacts> baseFacts;
    private final List<PathGlob> runAllGlobs;
    private final List<String> toolFolders;
    private final boolean commentOnlyIsNoOp;
    private final boolean memberLevel;
    private final Set<String> noOpPoms;
    private final Map<String, Set<String>> dependencyVersionChanges;

    /**
     * @param headFacts facts of the changed Java files at head, by path
     * @param baseFacts facts of changed Java files at base, by path
     * @param toolFolders tia's own folders (reports, index), relative to the git root
     * @param precision which precision rules apply (no-op edits, member level)
     * @param noOpPoms changed poms whose content Maven reads the same way at base and head
     * @param dependencyVersionChanges changed poms that only move dependency versions, with those artifacts
     */
    public Policy(Workspace workspace, RepositoryConfig config, Map<String, FileFacts> headFacts, Map<String, FileFacts> baseFacts,
            List<String> toolFolders, Precision precision, Set<String> noOpPoms, Map<String, Set<String>> dependencyVersionChanges) {
        this.dependencyVersionChanges = precision.memberLevel() ? Map.copyOf(dependencyVersionChanges) : Map.of();
        this.workspace = workspace;
        this.commentOnlyIsNoOp = precision.noOpEditsIgnored();
        this.memberLevel = precision.memberLevel();
        this.noOpPoms = Set.copyOf(noOpPoms);
        this.toolFolders = List.copyOf(toolFolders);
        this.config = config;
        this.headFacts = headFacts;
        this.baseFacts = baseFacts;
        String root = workspace.projectRoot().isEmpty() ? "" : workspace.projectRoot() + "/";
        this.runAllGlobs = globs("/" + root + "pom.xml", "/" + root + ".mvn/**", "/" + root + "mvnw", "/" + root + "mvnw.cmd",
                "/" + root + RepositoryConfig.FILE_NAME);
    }

    /** The effects of one change: one for the path at base and one for the path at head, when they differ. */
    public List<FileEffect> effectsOf(FileChange change) {
        List<FileEffect> effects = new ArrayList<>();
        if (change.existsAtHead()) {
            effects.add(effectOf(change.path(), change));
        }
        if (change.existsAtBase() && !change.basePath().equals(change.path())) {
            effects.add(effectOf(change.basePath(), change));
        }
        if (!change.existsAtHead()) {
            effects.add(effectOf(change.path(), change));
        }
        return effects;
    }

    private FileEffect effectOf(String path, FileChange change) {
        if (toolFolders.stream().anyMatch(dir -> RepoPath.isUnder(path, dir))) {
            return FileEffect.of(path, Effect.IGNORED, "tia's own output");
        }
        if (commentOnlyIsNoOp && noOpPoms.contains(path)) {
            return FileEffect.of(path, Effect.IGNORED, "comment-only change: the pom builds the same without comments and layout");
        }
        for (PathGlob glob : config.runAll()) {
            if (glob.matches(path)) {
                return FileEffect.of(path, Effect.RUN_ALL, path + " matches run-all glob '" + glob + "' of " + RepositoryConfig.FILE_NAME);
            }
        }
        for (PathGlob glob : config.ignore()) {
            if (glob.matches(path)) {
                return FileEffect.of(path, Effect.IGNORED, "ignored by '" + glob + "' of " + RepositoryConfig.FILE_NAME);
            }
        }
        Set<String> moved = dependencyVersionChanges.get(path);
        if (moved != null) {
            return FileEffect.of(path, Effect.DEPENDENCY_VERSIONS, path + " moves the version of " + String.join(", ", moved)
                    + ": only modules whose test class path has it can change (the Maven plugin runs just those)");
        }
        for (PathGlob glob : runAllGlobs) {
            if (glob.matches(path)) {
                return FileEffect.of(path, Effect.RUN_ALL, path + " changes the build of every module");
            }
        }
        Optional<MavenModule> module = workspace.moduleContaining(path);
        SourceRootKind kind = module.map(m -> m.kindOf(path)).orElse(SourceRootKind.OTHER);
        if (kind == SourceRootKind.OTHER && BUILT_IN_IGNORES.stream().anyMatch(g -> g.matches(path))) {
            return FileEffect.of(path, Effect.IGNORED, "documentation or repository metadata");
        }
        // A container build file in a service's folder (not in a resource root, where tests may build images from
        // it, and not at the top, where a compose file may drive e2e tests) changes that image only.
        if (kind == SourceRootKind.OTHER && IMAGE_FILES.stream().anyMatch(g -> g.matches(path)) && inServiceFolder(path)) {
            return FileEffect.of(path, Effect.SERVICE_ONLY, "container build file: the service image, no tests");
        }
        boolean rootModule = module.isPresent() && module.get().path().equals(workspace.projectRoot());
        // Files of the root module outside src/ (CI config, scripts) are "outside every module": unknown.
        if (module.isPresent() && (kind != SourceRootKind.OTHER || !rootModule || path.equals(module.get().pomPath())
                || RepoPath.isUnder(path, RepoPath.join(module.get().path(), "src")))) {
            return moduleEffect(path, change, module.get(), kind);
        }
        Optional<Service> service = workspace.services().stream()
                .filter(s -> s.module().isEmpty() && RepoPath.isUnder(path, s.path())).findFirst();
        if (service.isPresent()) {
            return FileEffect.of(path, Effect.SERVICE_ONLY, "file of service " + service.get().name() + ": its image, no tests");
        }
        return FileEffect.of(path, Effect.RUN_ALL, path + " is outside every module and unknown to tia"
                + " (list it under 'ignore' in " + RepositoryConfig.FILE_NAME + " if it cannot affect tests)");
    }

    private boolean inServiceFolder(String path) {
        return workspace.services().stream().anyMatch(s -> !s.path().isEmpty() && RepoPath.isUnder(path, s.path()));
    }

    private FileEffect moduleEffect(String path, FileChange change, MavenModule module, SourceRootKind kind) {
        Node moduleNode = new Node.Module(module.path(), module.displayName());
        Node testsNode = new Node.ModuleTests(module.path(), module.displayName());
        if (path.equals(module.pomPath())) {
            return FileEffect.of(path, Effect.MODULE, "pom of module " + module.displayName(), moduleNode);
        }
        switch (kind) {
            case MAIN_SOURCE, TEST_SOURCE -> {
                if (path.endsWith(".java")) {
                    return javaEffect(path, change, module, moduleNode);
                }
                return kind == SourceRootKind.MAIN_SOURCE
                        ? FileEffect.of(path, Effect.MODULE, "non-Java file in a source root of " + module.displayName(), moduleNode)
                        : FileEffect.of(path, Effect.MODULE_TESTS, "non-Java file in a test source root of " + module.displayName(), testsNode);
            }
            case MAIN_RESOURCE -> {
                return FileEffect.of(path, Effect.MODULE, "resource of " + module.displayName(), moduleNode);
            }
            case TEST_RESOURCE -> {
                return FileEffect.of(path, Effect.MODULE_TESTS, "test resource of " + module.displayName(), testsNode);
            }
            default -> {
                if (RepoPath.isUnder(path, RepoPath.join(module.path(), "src/main"))) {
                    // Main code or resources tia does not analyse (Kotlin, webapp, ...) ship to dependents too.
                    return FileEffect.of(path, Effect.MODULE, "main file of " + module.displayName()
                            + " that tia does not analyse", moduleNode);
                }
                // Tests may read files relative to their module folder; only this module's tests can.
                return FileEffect.of(path, Effect.MODULE_TESTS, "file in module " + module.displayName()
                        + " outside its source roots", testsNode);
            }
        }
    }

    private FileEffect javaEffect(String path, FileChange change, MavenModule module, Node moduleNode) {
        List<FileFacts> versions = new ArrayList<>();
        if (change.existsAtHead() && path.equals(change.path())) {
            Optional.ofNullable(headFacts.get(path)).ifPresent(versions::add);
        }
        if (change.existsAtBase() && path.equals(change.basePath())) {
            Optional.ofNullable(baseFacts.get(path)).ifPresent(versions::add);
        }
        if (commentOnlyIsNoOp && versions.size() == 2 && versions.get(0).parsed() && versions.get(1).parsed()
                && versions.get(0).codeFingerprint().sameCodeAs(versions.get(1).codeFingerprint())) {
            return FileEffect.of(path, Effect.IGNORED,
                    "comment-only change: the code is the same without comments, layout and import order");
        }
        for (FileFacts facts : versions) {
            if (!facts.parsed()) {
                return FileEffect.of(path, Effect.MODULE, facts.parseProblem().get()
                        + ": its types are unknown, so module " + module.displayName() + " and its dependents are affected", moduleNode);
            }
        }
        if (memberLevel && versions.size() == 2) {
            Optional<FileEffect> narrowed = MethodBodyChange.between(versions.get(1), versions.get(0))
                    .map(changed -> changed.effect(path, module));
            if (narrowed.isPresent()) {
                return narrowed.get();
            }
        }
        Set<String> types = new LinkedHashSet<>();
        versions.forEach(f -> f.types().stream().map(DeclaredType::name).forEach(types::add));
        if (types.isEmpty()) {
            return FileEffect.of(path, Effect.MODULE, "Java file without types (package-info, module-info) in "
                    + module.displayName(), moduleNode);
        }
        ImmutableList<Node> seeds = types.stream().map(t -> (Node) new Node.Type(new TypeRef(module.path(), t)))
                .collect(ImmutableList.toImmutableList());
        String verb = change.existsAtHead() && path.equals(change.path()) ? "declares " : "declared at base ";
        return new FileEffect(path, Effect.TYPES, verb + String.join(", ", types), seeds);
    }

    private static List<PathGlob> globs(String... globs) {
        List<PathGlob> list = new ArrayList<>();
        for (String glob : globs) {
            list.add(PathGlob.of(glob));
        }
        return List.copyOf(list);
    }
}
