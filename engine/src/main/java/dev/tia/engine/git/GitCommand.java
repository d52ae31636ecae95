package dev.tia.engine.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One run of the {@code git} command in a folder, read whole. Any failure (no git installed, a non-zero exit, a
 * minute gone by) gives nothing: the callers then ask JGit, which answers the same more slowly.
 */
public final class GitCommand {

    /**
     * Input up to this size is written whole before the output is read: its answers (a line per line of input, none
     * much longer than its question) fit in a pipe's buffer, 64 KB on Linux, with room to spare.
     */
    private static final int INPUT_WRITTEN_FIRST = 16 * 1024;

    private GitCommand() {
    }

    /** Whether the git command may be asked at all ({@code TIA_NATIVE_GIT=false} makes tia use JGit alone). */
    static boolean allowed() {
        return !"false".equals(System.getenv("TIA_NATIVE_GIT"));
    }

    /** The output of {@code git -C dir arguments...}, or empty when it failed in any way. */
    public static Optional<byte[]> run(Path dir, String... arguments) {
        return run(dir, Optional.empty(), arguments);
    }

    /** As {@link #run(Path, String...)}, with {@code input} written to the command's standard input. */
    static Optional<byte[]> run(Path dir, Optional<String> input, String... arguments) {
        if (!allowed()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("GIT_OPTIONAL_LOCKS", "0"); // reading must not take the index lock
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            Process process = builder.start();
            Thread writer = null;
            if (input.isPresent()) {
                byte[] bytes = input.get().getBytes(StandardCharsets.UTF_8);
                if (bytes.length <= INPUT_WRITTEN_FIRST) {
                    // Small (a few names): written whole before the output is read, which a pipe's buffer holds.
                    writeAll(process, bytes);
                } else {
                    // git answers line by line as it reads: with more input than that, its answers would fill the
                    // pipe while this thread still writes, and each would wait for the other.
                    writer = new Thread(() -> writeAll(process, bytes), "tia-git-input");
                    writer.setDaemon(true);
                    writer.start();
                }
            }
            byte[] output = readAll(process.getInputStream());
            if (writer != null) {
                writer.join();
            }
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return Optional.of(output);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Writes {@code bytes} to the process's input and closes it; a process that stopped reading fails its run anyway. */
    private static void writeAll(Process process, byte[] bytes) {
        try (OutputStream in = process.getOutputStream()) {
            in.write(bytes);
        } catch (IOException e) {
            // the process ended or closed its input: its exit status or short output tells the caller
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toByteArray();
    }
}
