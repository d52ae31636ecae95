package dev.tia.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Whole files read in pieces give what the JDK's own whole read gives. */
class FileBytesTest {

    @TempDir
    Path dir;

    @Test
    void aFileOfManyPiecesAndARestIsReadWhole() throws Exception {
        for (int size : new int[] {0, 1, FileBytes.PIECE - 1, FileBytes.PIECE, FileBytes.PIECE + 1, 3 * FileBytes.PIECE + 17}) {
            Path file = dir.resolve("file-" + size);
            Files.write(file, randomBytes(size, size));

            assertThat(FileBytes.read(file)).as("%d bytes", size).isEqualTo(Files.readAllBytes(file));
        }
    }

    @Test
    void aMissingFileIsNoSuchFile() {
        assertThatThrownBy(() -> FileBytes.read(dir.resolve("missing"))).isInstanceOf(NoSuchFileException.class);
    }

    /** A pipe's size is 0, as a file's is when it grew after it was opened: what comes after is read too. */
    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void moreThanTheSizeSaidIsReadToo() throws Exception {
        Path pipe = dir.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(mkfifo.exitValue()).isZero();
        byte[] written = randomBytes(2 * FileBytes.PIECE + 5, 7);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(pipe)) {
                out.write(written);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(FileBytes.read(pipe)).isEqualTo(written);
        writer.get(30, TimeUnit.SECONDS);
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
