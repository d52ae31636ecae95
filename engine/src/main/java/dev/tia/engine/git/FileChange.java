package dev.tia.engine.git;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;

/**
 * One changed file. {@code path} is where the file is at head (for {@link ChangeType#DELETED}, where it was);
 * {@code oldPath} is set only for renames.
 */
public record FileChange(ChangeType change, String path, Optional<String> oldPath) {

    public FileChange {
        checkArgument(!path.isEmpty(), "path must not be empty");
        checkArgument(oldPath.isPresent() == (change == ChangeType.RENAMED), "oldPath is for renames only");
    }

    public static FileChange of(ChangeType change, String path) {
        return new FileChange(change, path, Optional.empty());
    }

    public static FileChange renamed(String oldPath, String newPath) {
        return new FileChange(ChangeType.RENAMED, newPath, Optional.of(oldPath));
    }

    /** True when the file exists at base (its old content, at {@link #basePath()}, counts as changed too). */
    public boolean existsAtBase() {
        return change != ChangeType.ADDED;
    }

    /** True when the file exists at head. */
    public boolean existsAtHead() {
        return change != ChangeType.DELETED;
    }

    /** The path at base. */
    public String basePath() {
        return oldPath.orElse(path);
    }
}
