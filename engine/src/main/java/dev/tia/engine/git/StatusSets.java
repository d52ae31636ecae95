package dev.tia.engine.git;

import com.google.common.collect.ImmutableSet;

import org.eclipse.jgit.api.Status;

/**
 * The working tree's status as tia needs it, whether read by JGit or by the git command (paths relative to the
 * working tree root).
 *
 * @param added staged new files; {@code changed} staged modifications; {@code removed} staged deletions
 * @param modified files whose working copy differs from the index; {@code missing} deleted without staging
 */
record StatusSets(
        ImmutableSet<String> added,
        ImmutableSet<String> changed,
        ImmutableSet<String> removed,
        ImmutableSet<String> modified,
        ImmutableSet<String> missing,
        ImmutableSet<String> untracked,
        ImmutableSet<String> conflicting) {

    /** A status with nothing to tell: a commit's files, as git's index lists them when it matches the commit. */
    static final StatusSets CLEAN = new StatusSets(ImmutableSet.of(), ImmutableSet.of(), ImmutableSet.of(), ImmutableSet.of(),
            ImmutableSet.of(), ImmutableSet.of(), ImmutableSet.of());

    static StatusSets of(Status status) {
        return new StatusSets(ImmutableSet.copyOf(status.getAdded()), ImmutableSet.copyOf(status.getChanged()),
                ImmutableSet.copyOf(status.getRemoved()), ImmutableSet.copyOf(status.getModified()),
                ImmutableSet.copyOf(status.getMissing()), ImmutableSet.copyOf(status.getUntracked()),
                ImmutableSet.copyOf(status.getConflicting()));
    }

    /** The same status with {@code untracked} as the untracked files. */
    StatusSets withUntracked(ImmutableSet<String> untracked) {
        return new StatusSets(added, changed, removed, modified, missing, untracked, conflicting);
    }
}
