package dev.tia.engine.project;

import com.google.common.collect.ImmutableList;

import java.util.Optional;

/**
 * One Maven module of the reactor.
 *
 * @param path the module folder relative to the git root ({@code ""} when the repository root is the module)
 * @param parentPath the module folder of its parent pom when that pom is in the repository
 * @param mainSources source roots (repository-relative), likewise the other roots
 */
public record MavenModule(
        String path,
        String pomPath,
        Coordinates coordinates,
        String packaging,
        Optional<String> parentPath,
        ImmutableList<String> mainSources,
        ImmutableList<String> testSources,
        ImmutableList<String> mainResources,
        ImmutableList<String> testResources) {

    /** How the module is named in reports: its folder, or its artifactId at the repository root. */
    public String displayName() {
        return path.isEmpty() ? coordinates.artifactId() : path;
    }

    public boolean isAggregator() {
        return "pom".equals(packaging);
    }

    /** Where {@code file} (inside this module) sits. */
    public SourceRootKind kindOf(String file) {
        if (under(file, mainSources)) {
            return SourceRootKind.MAIN_SOURCE;
        }
        if (under(file, testSources)) {
            return SourceRootKind.TEST_SOURCE;
        }
        if (under(file, mainResources)) {
            return SourceRootKind.MAIN_RESOURCE;
        }
        if (under(file, testResources)) {
            return SourceRootKind.TEST_RESOURCE;
        }
        return SourceRootKind.OTHER;
    }

    private static boolean under(String file, ImmutableList<String> roots) {
        return roots.stream().anyMatch(root -> RepoPath.isUnder(file, root) && !file.equals(root));
    }
}
