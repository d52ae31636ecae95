package dev.tia.engine.project;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSetMultimap;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The project as tia sees it at head: Maven modules with their roots and dependencies, and services.
 *
 * @param projectRoot the folder of the root pom, relative to the git root
 * @param dependencies module path to the module paths it depends on (dependencies, plugins, imported BOMs)
 * @param runAllReasons problems that leave the project structure unknown (an unparseable pom), so every
 *     test must run
 * @param notes things the user should know that do not change the selection
 */
public record Workspace(
        String projectRoot,
        ImmutableMap<String, MavenModule> modules,
        ImmutableSetMultimap<String, String> dependencies,
        ImmutableList<Service> services,
        ImmutableList<String> runAllReasons,
        ImmutableList<String> notes) {

    /** The deepest module whose folder holds {@code path}. */
    public Optional<MavenModule> moduleContaining(String path) {
        String dir = path;
        while (true) {
            MavenModule module = modules.get(dir);
            if (module != null) {
                return Optional.of(module);
            }
            if (dir.isEmpty()) {
                return Optional.empty();
            }
            dir = RepoPath.parent(dir);
        }
    }

    /** The modules that depend on {@code module}, directly. */
    public ImmutableSet<String> dependentsOf(String module) {
        return dependencies.inverse().get(module);
    }

    /** The modules whose pom names {@code module} as parent. */
    public ImmutableSet<String> childrenOf(String module) {
        return modules.values().stream()
                .filter(m -> m.parentPath().filter(module::equals).isPresent())
                .map(MavenModule::path)
                .collect(ImmutableSet.toImmutableSet());
    }

    /** {@code module} and every module it depends on, transitively: the modules whose types it can name. */
    public ImmutableSet<String> visibleFrom(String module) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(module);
        while (!queue.isEmpty()) {
            String next = queue.poll();
            if (seen.add(next)) {
                queue.addAll(dependencies.get(next));
            }
        }
        return ImmutableSet.copyOf(seen);
    }
}
