package dev.tia.engine.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Predicate;

/** All-or-nothing file writes, for everything tia writes that another process may read meanwhile. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Deletes the files of {@code dir} whose names {@code stale} matches: what earlier formats of a store left, never
     * read again, which would only take space in a CI cache. A file another run still reads, or a listing that
     * fails, is left for the next save.
     */
    public static void deleteMatching(Path dir, Predicate<String> stale) {
        try (var files = Files.list(dir)) {
            files.filter(f -> stale.test(f.getFileName().toString())).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    // another run may be reading it; the next save tries again
                }
            });
        } catch (IOException e) {
            // listing failed: stale files stay, nothing else depends on them
        }
    }

    /**
     * Writes {@code bytes} to a temporary file beside {@code file} and moves it into place, so a reader (another
     * build at the same time, a CI step) sees the old content or the new, never half of one.
     */
    public static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
