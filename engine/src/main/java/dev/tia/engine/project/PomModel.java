package dev.tia.engine.project;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

import java.util.Optional;

/**
 * What tia reads from one {@code pom.xml}, as written (properties not yet resolved).
 *
 * @param groupId own groupId, empty when inherited
 * @param parent the parent's coordinates and resolved relative path (a pom path), if any
 * @param dependencies every dependency that puts another artifact on a classpath: dependencies, profile
 *     dependencies, plugin dependencies, plugins and imported BOMs (not plain dependencyManagement entries)
 * @param sourceDirectory overrides of the standard layout, empty when standard
 */
record PomModel(
        Optional<String> groupId,
        String artifactId,
        Optional<String> version,
        String packaging,
        Optional<Parent> parent,
        ImmutableList<String> modules,
        ImmutableList<Coordinates> dependencies,
        ImmutableMap<String, String> properties,
        Optional<String> sourceDirectory,
        Optional<String> testSourceDirectory,
        ImmutableList<String> resourceDirectories,
        ImmutableList<String> testResourceDirectories,
        ImmutableList<String> extraSourceDirectories,
        ImmutableList<String> extraTestSourceDirectories) {

    /** A parent reference; {@code relativePath} defaults to {@code ../pom.xml}, and is empty for no local parent. */
    record Parent(String groupId, String artifactId, Optional<String> version, String relativePath) {
    }
}
