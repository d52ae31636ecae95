package dev.tia.engine.git;

import com.google.common.collect.ImmutableList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** The files of the working tree as git sees them: tracked files still present, plus untracked, not ignored ones. */
final class WorkingTree implements SourceTree {

    private final Path root;
    /** With the blob ids of the files whose working copy git's index knows to be unchanged. */
    private final FileTable files;

    WorkingTree(Path root, FileTable files) {
        this.root = root;
        this.files = files;
    }

    @Override
    public Optional<String> contentId(String path) {
        return files.id(path);
    }

    @Override
    public Optional<String> contentIdAt(int position) {
        return files.id(position);
    }

    @Override
    public String label() {
        return ChangeSet.WORKTREE;
    }

    @Override
    public ImmutableList<String> files() {
        return files.paths();
    }

    @Override
    public boolean contains(String path) {
        return files.position(path) >= 0;
    }

    @Override
    public byte[] read(String path) throws IOException {
        if (!contains(path)) {
            throw new NoSuchFileException(path + " in the working tree");
        }
        return Files.readAllBytes(root.resolve(path));
    }
}
