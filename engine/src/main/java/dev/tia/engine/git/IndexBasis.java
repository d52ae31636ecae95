package dev.tia.engine.git;

import com.google.common.collect.ImmutableSortedSet;

/**
 * What the working tree's file list follows from: git's index, whose file has checksum {@code indexChecksum}, and the
 * paths git's status named or the tree looked at on disk ({@code namedPaths}: edited, deleted, untracked, conflicting,
 * added with intent to add, links). Every other path is in the list exactly when that index lists it as a file, with
 * the index's blob id as its content id. Two runs with the same index checksum therefore list the same files with the
 * same ids but for the paths either run named, which is what lets a check against a stored list look at those alone.
 */
public record IndexBasis(String indexChecksum, ImmutableSortedSet<String> namedPaths) {
}
