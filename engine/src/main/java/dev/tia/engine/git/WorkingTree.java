package dev.tia.engine.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The files of the working tree as git sees them: tracked files still present, plus untracked, not ignored ones, with
 * the blob ids of the files whose working copy git's index knows to be unchanged.
 */
final class WorkingTree extends FileTableTree {

    private final Path root;
    /** The index's blob ids of the tracked files edited in the working tree (a few): see {@link #indexedId}. */
    private final Map<String, String> editedIds;
    private final Optional<IndexBasis> basis;

    /**
     * @param editedIds the blob ids git's index holds for the tracked files whose working copy differs from it
     * @param repository where the content of a file outside a sparse checkout is read (see {@link #read})
     * @param basis git's index and the paths named beside it that the list follows from, when the index has a checksum
     */
    WorkingTree(Path root, FileTable files, Map<String, String> editedIds, RepositoryHandle repository,
            Optional<IndexBasis> basis) {
        super(files, repository);
        this.root = root;
        this.editedIds = Map.copyOf(editedIds);
        this.basis = basis;
    }

    @Override
    public Optional<IndexBasis> indexBasis() {
        return basis;
    }

    @Override
    public Optional<String> indexedId(String path) {
        Optional<String> unchanged = contentId(path);
        return unchanged.isPresent() ? unchanged : Optional.ofNullable(editedIds.get(path));
    }

    @Override
    public String label() {
        return ChangeSet.WORKTREE;
    }

    /**
     * The file's bytes on disk; for a file git's index has unchanged that is not on disk (outside a sparse checkout:
     * git marks it skip-worktree and its status does not call it missing), the blob the index names, which is its
     * content. A sparse checkout of a monorepo otherwise made every pom and source outside it unreadable, and every
     * test run.
     */
    @Override
    public byte[] read(String path) throws IOException {
        int position = files.position(path);
        if (position < 0) {
            throw new NoSuchFileException(path + " in the working tree");
        }
        try {
            return Files.readAllBytes(root.resolve(path));
        } catch (NoSuchFileException e) {
            Optional<String> id = files.id(position);
            if (id.isEmpty()) {
                throw e;
            }
            return blob(id.get());
        }
    }
}
