package dev.tia.engine.project;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSetMultimap;

import dev.tia.engine.TiaException;
import dev.tia.engine.config.RepositoryConfig;
import dev.tia.engine.config.ServiceDeclaration;
import dev.tia.engine.git.SourceTree;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the {@link Workspace} from the poms and folders of one tree. */
public final class WorkspaceLoader {

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private final SourceTree tree;
    private final String projectRoot;
    private final RepositoryConfig config;
    private final PomCache pomCache;
    private final Map<String, PomModel> poms = new LinkedHashMap<>();
    private final List<String> runAllReasons = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** Per module path, the coordinates its pom depends on, properties resolved. */
    private final Map<String, List<Coordinates>> declaredDependencies = new HashMap<>();

    private WorkspaceLoader(SourceTree tree, String projectRoot, RepositoryConfig config, PomCache pomCache) {
        this.tree = tree;
        this.projectRoot = projectRoot;
        this.config = config;
        this.pomCache = pomCache;
    }

    /**
     * Loads the workspace whose root pom is in {@code projectRoot} (relative to the git root).
     * A missing root pom is not an error: there are then no modules, and services come from {@code tia.yaml}.
     */
    public static Workspace load(SourceTree tree, String projectRoot, RepositoryConfig config) {
        return load(tree, projectRoot, config, PomCache.none());
    }

    /** As {@link #load(SourceTree, String, RepositoryConfig)}, with poms of known content taken from {@code pomCache}. */
    public static Workspace load(SourceTree tree, String projectRoot, RepositoryConfig config, PomCache pomCache) {
        return new WorkspaceLoader(tree, projectRoot, config, pomCache).load();
    }

    private Workspace load() {
        String rootPom = RepoPath.join(projectRoot, "pom.xml");
        Map<String, MavenModule> modules = new LinkedHashMap<>();
        if (tree.contains(rootPom)) {
            readReactor(rootPom);
            for (Map.Entry<String, PomModel> pom : poms.entrySet()) {
                if (pom.getValue() != null) {
                    MavenModule module = toModule(pom.getKey(), pom.getValue());
                    modules.put(module.path(), module);
                }
            }
        } else {
            notes.add("no pom.xml in " + (projectRoot.isEmpty() ? "the repository root" : projectRoot)
                    + ": no Maven modules, so no tests are known; services come from " + RepositoryConfig.FILE_NAME);
        }
        return new Workspace(projectRoot, ImmutableMap.copyOf(modules), dependencies(modules),
                services(modules), ImmutableList.copyOf(runAllReasons), ImmutableList.copyOf(notes));
    }

    /** Reads the root pom and, breadth first, every module it lists (profiles included). */
    private void readReactor(String rootPom) {
        Deque<String> queue = new ArrayDeque<>();
        queue.add(rootPom);
        while (!queue.isEmpty()) {
            String pomPath = queue.poll();
            if (poms.containsKey(pomPath)) {
                continue;
            }
            Optional<PomModel> pom = readPom(pomPath);
            poms.put(pomPath, pom.orElse(null));
            String dir = RepoPath.parent(pomPath);
            pom.ifPresent(p -> p.modules().forEach(module -> {
                String path = RepoPath.join(dir, module);
                String childPom = path.endsWith(".xml") ? path : RepoPath.join(path, "pom.xml");
                if (tree.contains(childPom)) {
                    queue.add(childPom);
                } else {
                    notes.add(pomPath + " lists module '" + module + "' but " + childPom + " does not exist");
                }
            }));
        }
    }

    private Optional<PomModel> readPom(String pomPath) {
        try {
            return Optional.of(pomCache.read(pomPath, tree.contentId(pomPath), () -> tree.read(pomPath)));
        } catch (TiaException e) {
            runAllReasons.add(e.getMessage() + " (module structure unknown)");
        } catch (IOException e) {
            runAllReasons.add("cannot read " + pomPath + ": " + e.getMessage() + " (module structure unknown)");
        }
        return Optional.empty();
    }

    private MavenModule toModule(String pomPath, PomModel pom) {
        String dir = RepoPath.parent(pomPath);
        Map<String, String> properties = properties(pomPath, pom, new LinkedHashSet<>());
        declaredDependencies.put(dir, pom.dependencies().stream()
                .map(c -> new Coordinates(resolve(c.groupId(), properties), resolve(c.artifactId(), properties)))
                .toList());
        Optional<String> parentPath = pom.parent().flatMap(p -> parentPomPath(dir, p.relativePath()))
                .filter(poms::containsKey).filter(parentPom -> !parentPom.equals(pomPath)).map(RepoPath::parent);
        return new MavenModule(
                dir,
                pomPath,
                new Coordinates(resolve(groupId(pom), properties), resolve(pom.artifactId(), properties)),
                pom.packaging(),
                parentPath,
                roots(dir, pom.sourceDirectory().map(List::of).orElse(List.of("src/main/java")), pom.extraSourceDirectories(), properties),
                roots(dir, pom.testSourceDirectory().map(List::of).orElse(List.of("src/test/java")), pom.extraTestSourceDirectories(), properties),
                roots(dir, pom.resourceDirectories().isEmpty() ? List.of("src/main/resources") : pom.resourceDirectories(), List.of(), properties),
                roots(dir, pom.testResourceDirectories().isEmpty() ? List.of("src/test/resources") : pom.testResourceDirectories(), List.of(), properties));
    }

    private static String groupId(PomModel pom) {
        return pom.groupId().orElse(pom.parent().map(PomModel.Parent::groupId).orElse(""));
    }

    /** The parent's pom in the repository; empty for {@code <relativePath/>} or a path that leaves the repository. */
    private static Optional<String> parentPomPath(String dir, String relativePath) {
        if (relativePath.isEmpty() || RepoPath.escapes(dir, relativePath)) {
            return Optional.empty();
        }
        String path = RepoPath.join(dir, relativePath);
        return Optional.of(path.endsWith(".xml") ? path : RepoPath.join(path, "pom.xml"));
    }

    /** Properties visible in {@code pom}: its in-repository parents' first, then its own, then project.* values. */
    private Map<String, String> properties(String pomPath, PomModel pom, Set<String> visiting) {
        Map<String, String> properties = new HashMap<>();
        if (!visiting.add(pomPath)) {
            return properties; // a parent cycle: Maven rejects it, tia just stops climbing
        }
        pom.parent().ifPresent(parent -> {
            parentPomPath(RepoPath.parent(pomPath), parent.relativePath()).ifPresent(parentPom -> {
                Optional<PomModel> parentModel = poms.containsKey(parentPom) ? Optional.ofNullable(poms.get(parentPom))
                        : tree.contains(parentPom) ? readQuietly(parentPom) : Optional.empty();
                parentModel.ifPresent(p -> properties.putAll(properties(parentPom, p, visiting)));
            });
            properties.put("project.parent.groupId", parent.groupId());
            parent.version().ifPresent(v -> properties.put("project.parent.version", v));
        });
        properties.putAll(pom.properties());
        String groupId = groupId(pom);
        String version = pom.version().or(() -> pom.parent().flatMap(PomModel.Parent::version)).orElse("");
        for (String prefix : List.of("project.", "pom.", "")) {
            properties.put(prefix + "groupId", groupId);
            properties.put(prefix + "artifactId", pom.artifactId());
            properties.put(prefix + "version", version);
        }
        String basedir = "${project.basedir}";
        properties.put("project.basedir", basedir);
        properties.put("basedir", basedir);
        return properties;
    }

    private Optional<PomModel> readQuietly(String pomPath) {
        try {
            return Optional.of(pomCache.read(pomPath, tree.contentId(pomPath), () -> tree.read(pomPath)));
        } catch (TiaException | IOException e) {
            notes.add("cannot read parent pom " + pomPath + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static String resolve(String value, Map<String, String> properties) {
        String result = value;
        for (int depth = 0; depth < 10 && result.contains("${"); depth++) {
            Matcher matcher = PROPERTY.matcher(result);
            StringBuilder resolved = new StringBuilder();
            while (matcher.find()) {
                String replacement = properties.getOrDefault(matcher.group(1), matcher.group());
                matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
            }
            matcher.appendTail(resolved);
            if (resolved.toString().equals(result)) {
                break;
            }
            result = resolved.toString();
        }
        return result;
    }

    private static ImmutableList<String> roots(String dir, List<String> standard, List<String> extra, Map<String, String> properties) {
        Set<String> roots = new TreeSet<>();
        for (String root : concat(standard, extra)) {
            String resolved = resolve(root, properties).replace("${project.basedir}", "").replace("${basedir}", "");
            roots.add(RepoPath.join(dir, resolved.startsWith("/") ? resolved.substring(1) : resolved));
        }
        return ImmutableList.copyOf(roots);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private ImmutableSetMultimap<String, String> dependencies(Map<String, MavenModule> modules) {
        Map<String, String> byCoordinates = new HashMap<>();
        modules.values().forEach(m -> byCoordinates.put(m.coordinates().toString(), m.path()));
        ImmutableSetMultimap.Builder<String, String> edges = ImmutableSetMultimap.builder();
        for (MavenModule module : modules.values()) {
            for (Coordinates dependency : declaredDependencies.getOrDefault(module.path(), List.of())) {
                // Matching by groupId:artifactId covers test-jar, type and classifier variants of a module.
                String target = byCoordinates.get(dependency.toString());
                if (target != null && !target.equals(module.path())) {
                    edges.put(module.path(), target);
                }
            }
        }
        return edges.build();
    }

    private ImmutableList<Service> services(Map<String, MavenModule> modules) {
        Map<String, Service> byPath = new LinkedHashMap<>();
        for (MavenModule module : modules.values()) {
            if (!module.isAggregator()) {
                byPath.put(module.path(), new Service(module.coordinates().artifactId(), module.path(), Optional.of(module.path())));
            }
        }
        // Every folder of the repository (66k files at 50k classes): worth listing only when services are declared.
        Set<String> folders = config.services().isEmpty() ? Set.of() : folders();
        for (ServiceDeclaration declaration : config.services()) {
            for (String folder : folders) {
                if (declaration.path().matches(folder)) {
                    byPath.put(folder, new Service(declaration.name().orElse(serviceName(folder)), folder,
                            Optional.ofNullable(modules.get(folder)).map(MavenModule::path)));
                }
            }
        }
        if (config.dockerfileServices()) {
            for (String file : tree.files()) {
                if (RepoPath.hasFileName(file, "Dockerfile")) {
                    String folder = RepoPath.parent(file);
                    byPath.putIfAbsent(folder, new Service(serviceName(folder), folder,
                            Optional.ofNullable(modules.get(folder)).map(MavenModule::path)));
                }
            }
        }
        return byPath.values().stream().sorted((a, b) -> a.path().compareTo(b.path())).collect(ImmutableList.toImmutableList());
    }

    private String serviceName(String folder) {
        return folder.isEmpty() ? "root" : RepoPath.fileName(folder);
    }

    private Set<String> folders() {
        Set<String> folders = new TreeSet<>();
        for (String file : tree.files()) {
            String folder = RepoPath.parent(file);
            while (!folder.isEmpty() && folders.add(folder)) {
                folder = RepoPath.parent(folder);
            }
        }
        return folders;
    }
}
