package dev.tia.engine.git;

import com.google.common.collect.ImmutableList;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;

import java.io.IOException;
import java.util.Optional;

/**
 * A tree whose files and known blob ids are a {@link FileTable} made from git's index (the working tree's, or a
 * commit's the index lists): lookups by position and binary search, and a blob read from git's objects where the
 * file on disk is not the content asked for.
 */
abstract class FileTableTree implements SourceTree {

    final FileTable files;
    private final RepositoryHandle repository;

    FileTableTree(FileTable files, RepositoryHandle repository) {
        this.files = files;
        this.repository = repository;
    }

    @Override
    public final ImmutableList<String> files() {
        return files.paths();
    }

    @Override
    public final boolean contains(String path) {
        return files.position(path) >= 0;
    }

    @Override
    public final Optional<String> contentId(String path) {
        return files.id(path);
    }

    @Override
    public final Optional<String> contentIdAt(int position) {
        return files.id(position);
    }

    /** The blob {@code id} from git's objects (the repository opens if it has not yet). */
    final byte[] blob(String id) throws IOException {
        return repository.get().open(ObjectId.fromString(id), Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE);
    }
}
