package dev.tia.engine.git;

import com.google.common.collect.ImmutableList;

import java.io.IOException;
import java.util.Optional;

/** The files of one state of the repository (a commit or the working tree), paths relative to the git root. */
public interface SourceTree {

    /** A commit id, or {@link ChangeSet#WORKTREE}. */
    String label();

    /** Every file, each once, in {@link String} order of the paths. */
    ImmutableList<String> files();

    boolean contains(String path);

    /**
     * The bytes of {@code path}.
     *
     * @throws IOException when the file is absent or unreadable
     */
    byte[] read(String path) throws IOException;

    /**
     * The git blob id of {@code path}'s content when known without reading the file (a committed file, or a
     * working-tree file git's index knows to be unchanged); empty otherwise.
     */
    Optional<String> contentId(String path);

    /**
     * {@link #contentId} of the file at {@code position} of {@link #files()}: what a pass over every file asks, which
     * a tree may answer without a lookup by path.
     */
    default Optional<String> contentIdAt(int position) {
        return contentId(files().get(position));
    }

    /**
     * The blob id git's index holds for {@code path}, what a commit made now would take, whatever the working tree's
     * file holds since; empty for a file git does not track. For a commit's tree, its {@link #contentId}.
     */
    default Optional<String> indexedId(String path) {
        return contentId(path);
    }

    /**
     * The git index and the named paths this tree's list follows from (see {@link IndexBasis}); empty for a commit's
     * tree, or when git's index has no checksum tia can read.
     */
    default Optional<IndexBasis> indexBasis() {
        return Optional.empty();
    }
}
