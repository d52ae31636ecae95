package dev.tia.engine.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The folder tia keeps its stores in, inside the project by default ({@code .tia/cache}). */
public final class CacheFolder {

    private CacheFolder() {
    }

    /**
     * Writes a store's {@code bytes} to {@code file} (see {@link AtomicFiles#write}), first keeping the store's folder
     * out of git's sight. Every store writes through here: they are written on threads of their own, in no set
     * order, and whichever comes first makes the folder.
     */
    public static void write(Path file, byte[] bytes) throws IOException {
        ensureIgnoredByGit(file.getParent());
        AtomicFiles.write(file, bytes);
    }

    /**
     * Creates {@code dir} if needed, with a {@code .gitignore} that ignores everything in it (in {@code .tia} when it
     * is {@code .tia}'s folder), so that git never lists the stores as untracked files of the project.
     */
    private static void ensureIgnoredByGit(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path top = dir.getParent() != null && dir.getParent().getFileName() != null
                && dir.getParent().getFileName().toString().equals(".tia") ? dir.getParent() : dir;
        Path gitignore = top.resolve(".gitignore");
        if (!Files.exists(gitignore)) {
            Files.writeString(gitignore, "# written by tia: its cache is not part of the project\n*\n");
        }
    }
}
