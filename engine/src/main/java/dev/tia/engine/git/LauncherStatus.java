package dev.tia.engine.git;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * git's status of the working tree as {@code bin/tia} started it, before the JVM: the launcher runs the same command
 * tia would ({@link NativeGitStatus#ARGUMENTS}, with {@code GIT_OPTIONAL_LOCKS=0}) and hands its output over on a
 * pipe the JVM inherits, with git's exit status after it. git then walks the working tree while the JVM starts
 * (40-60 ms before {@code main}, then 15-25 ms to start a first process), where it used to begin only after both.
 *
 * <p>The launcher says, in the environment, where to read ({@value #SOURCE}), in which folder git ran
 * ({@value #FOLDER}) and with which arguments ({@value #ARGUMENTS}). The output is taken only for an analysis of that
 * folder, only with the arguments tia would use, only once, and only when git's exit status says it is whole;
 * otherwise tia runs git itself, as it does without the launcher.
 */
final class LauncherStatus {

    static final String SOURCE = "TIA_GIT_STATUS_FROM";
    static final String FOLDER = "TIA_GIT_STATUS_FOLDER";
    static final String ARGUMENTS = "TIA_GIT_STATUS_ARGUMENTS";
    /** After git's output, the launcher writes a NUL, this, and git's exit status in decimal. */
    static final String EXIT_MARK = "tia-git-exit:";

    /** The pipe can be read once: the first analysis of the launcher's folder takes it. */
    private static final AtomicBoolean TAKEN = new AtomicBoolean();

    private final Path source;

    private LauncherStatus(Path source) {
        this.source = source;
    }

    /** The launcher's status for {@code dir} in this process's environment, if it started one (see {@link #of}). */
    static Optional<LauncherStatus> forFolder(Path dir) {
        return of(System.getenv(), dir, NativeGitStatus.ARGUMENTS).filter(status -> TAKEN.compareAndSet(false, true));
    }

    /**
     * The status {@code environment} hands over for an analysis of {@code dir} that would run git with
     * {@code arguments}; empty when it hands none, or one of another folder or command.
     */
    static Optional<LauncherStatus> of(Map<String, String> environment, Path dir, List<String> arguments) {
        String source = environment.get(SOURCE);
        String folder = environment.get(FOLDER);
        if (source == null || folder == null || !String.join(" ", arguments).equals(environment.get(ARGUMENTS))) {
            return Optional.empty();
        }
        try {
            if (!Path.of(folder).toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize())) {
                return Optional.empty();
            }
            return Optional.of(new LauncherStatus(Path.of(source)));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** git's output, read to its end; empty when git failed, the output is cut short, or it cannot be read. */
    Optional<byte[]> output() {
        try (InputStream in = Files.newInputStream(source)) {
            return output(in.readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** git's output within what the launcher wrote: everything before the NUL that starts the exit mark, if git exited 0. */
    static Optional<byte[]> output(byte[] written) {
        int mark = written.length - 1;
        while (mark >= 0 && written[mark] != 0) {
            mark--;
        }
        if (mark < 0) {
            return Optional.empty(); // no mark: the launcher's shell did not finish writing
        }
        String exit = new String(written, mark + 1, written.length - mark - 1, StandardCharsets.US_ASCII);
        return exit.equals(EXIT_MARK + "0") ? Optional.of(Arrays.copyOf(written, mark)) : Optional.empty();
    }
}
