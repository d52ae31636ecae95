package dev.tia.engine.git;

import com.google.common.collect.ImmutableList;

import java.util.Optional;

/**
 * What changed between {@code baseCommit} and {@code head}.
 *
 * @param baseCommit the commit the change is measured against (the merge-base), full id
 * @param baseRef the ref the user named or tia chose, for messages
 * @param head a commit id, or {@link #WORKTREE}
 * @param changes the changed files, sorted by path
 * @param historyGap set when the change cannot be computed safely (no common history, base outside a shallow
 *     clone): the reason to run everything
 * @param fetched what tia fetched into a shallow clone to find the base, if it had to
 */
public record ChangeSet(
        String baseCommit,
        String baseRef,
        String head,
        ImmutableList<FileChange> changes,
        Optional<String> historyGap,
        Optional<String> fetched) {

    public ChangeSet(String baseCommit, String baseRef, String head, ImmutableList<FileChange> changes, Optional<String> historyGap) {
        this(baseCommit, baseRef, head, changes, historyGap, Optional.empty());
    }

    /** The head label of a working-tree change. */
    public static final String WORKTREE = "WORKTREE";
}
