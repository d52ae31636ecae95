package dev.tia.engine.git;

import com.google.common.collect.ImmutableSortedSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The files of the working tree as git sees them: tracked files still present, plus untracked, not ignored ones. */
final class WorkingTree implements SourceTree {

    private final Path root;
    private final ImmutableSortedSet<String> files;
    private final Map<String, String> cleanIds;

    /** @param cleanIds blob ids of the files whose working copy git's index knows to be unchanged (not copied) */
    WorkingTree(Path root, ImmutableSortedSet<String> files, Map<String, String> cleanIds) {
        this.root = root;
        this.files = files;
        this.cleanIds = cleanIds;
    }

    @Override
    public Optional<String> contentId(String path) {
        return Optional.ofNullable(cleanIds.get(path));
    }

    @Override
    public String label() {
        return ChangeSet.WORKTREE;
    }

    @Override
    public ImmutableSortedSet<String> files() {
        return files;
    }

    @Override
    public boolean contains(String path) {
        return files.contains(path);
    }

    @Override
    public byte[] read(String path) throws IOException {
        if (!files.contains(path)) {
            throw new NoSuchFileException(path + " in the working tree");
        }
        return Files.readAllBytes(root.resolve(path));
    }
}
