package dev.tia.engine.git;

import com.google.common.collect.ImmutableSortedSet;

import java.io.IOException;

/** The files of one state of the repository (a commit or the working tree), paths relative to the git root. */
public interface SourceTree {

    /** A commit id, or {@link ChangeSet#WORKTREE}. */
    String label();

    ImmutableSortedSet<String> files();

    boolean contains(String path);

    /**
     * The bytes of {@code path}.
     *
     * @throws IOException when the file is absent or unreadable
     */
    byte[] read(String path) throws IOException;
}
