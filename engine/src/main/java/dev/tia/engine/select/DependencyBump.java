package dev.tia.engine.select;

import com.google.common.collect.ImmutableSet;

import java.util.Collection;

/**
 * Dependency versions a change moves (and nothing else in its poms), with the selection the rest of the change
 * makes. A face that knows a module's resolved test class path runs every test of the module when the class path
 * holds one of the artifacts, and takes the module's decisions from {@link #otherwise()} when it holds none: code
 * that is not on a module's class path cannot change how its tests behave.
 *
 * @param artifacts {@code groupId:artifactId} of each moved dependency
 * @param otherwise the selection without the moved versions
 */
public record DependencyBump(ImmutableSet<String> artifacts, Selection otherwise) {

    /** Whether a class path holding these artifacts ({@code groupId:artifactId}) can see a moved version. */
    public boolean reaches(Collection<String> classPathArtifacts) {
        return classPathArtifacts.stream().anyMatch(artifacts::contains);
    }
}
