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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * git commands {@code bin/tia} started before the JVM, whose output tia takes instead of running them itself: git's
 * status of the working tree ({@link #STATUS}) and its account of the checkout ({@link #CHECKOUT}). git then works
 * while the JVM starts (40-60 ms before {@code main}, then 15-25 ms to start a first process), where it used to
 * begin only after both; the checkout's answer, there when the JVM asks, lets the reading of git's index start at once.
 *
 * <p>For each command the launcher runs the arguments tia would (with {@code GIT_OPTIONAL_LOCKS=0}, in the folder
 * {@code --repo} names) and writes its output to a pipe the JVM inherits, then a NUL, {@value #EXIT_MARK} and git's
 * exit status. It says in the environment in which folder git ran ({@value #FOLDER}), and per command where to read
 * ({@code TIA_GIT_<NAME>_FROM}) and with which arguments ({@code TIA_GIT_<NAME>_ARGUMENTS}). An output is taken only
 * for an analysis of that folder, only with the arguments tia would use, only once, and only when git exited 0;
 * otherwise tia runs git itself, as it does without the launcher.
 */
final class LaunchedGit {

    /** The name of the status's variables: {@code TIA_GIT_STATUS_FROM}, {@code TIA_GIT_STATUS_ARGUMENTS}. */
    static final String STATUS = "STATUS";
    /** The name of the checkout's variables (its {@code rev-parse}). */
    static final String CHECKOUT = "CHECKOUT";
    static final String FOLDER = "TIA_GIT_FOLDER";
    /** After git's output, the launcher writes a NUL, this, and git's exit status in decimal. */
    static final String EXIT_MARK = "tia-git-exit:";

    /** A pipe can be read once: the first analysis of the launcher's folder takes it. */
    private static final Set<String> TAKEN = ConcurrentHashMap.newKeySet();

    private final Path source;

    private LaunchedGit(Path source) {
        this.source = source;
    }

    static String sourceVariable(String name) {
        return "TIA_GIT_" + name + "_FROM";
    }

    static String argumentsVariable(String name) {
        return "TIA_GIT_" + name + "_ARGUMENTS";
    }

    /**
     * git's output for {@code git -C dir arguments...} as the launcher ran it, if it did (see {@link #of}); empty
     * when it did not, git failed there, or the git command is not to be asked ({@code TIA_NATIVE_GIT=false}).
     */
    static Optional<byte[]> output(String name, Path dir, List<String> arguments) {
        if (!GitCommand.allowed()) {
            return Optional.empty();
        }
        return of(System.getenv(), name, dir, arguments).filter(launched -> TAKEN.add(name)).flatMap(LaunchedGit::output);
    }

    /**
     * The output {@code environment} hands over for command {@code name} run in {@code dir} with {@code arguments};
     * empty when it hands none, or one of another folder or command.
     */
    static Optional<LaunchedGit> of(Map<String, String> environment, String name, Path dir, List<String> arguments) {
        String source = environment.get(sourceVariable(name));
        String folder = environment.get(FOLDER);
        if (source == null || folder == null || !String.join(" ", arguments).equals(environment.get(argumentsVariable(name)))) {
            return Optional.empty();
        }
        try {
            if (!Path.of(folder).toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize())) {
                return Optional.empty();
            }
            return Optional.of(new LaunchedGit(Path.of(source)));
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
