package dev.tia.engine.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tia.fixtures.FixtureRepo;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * git's status and account of the checkout as {@code bin/tia} starts them before the JVM: the launcher itself run on
 * a real repository, with a stand-in for {@code java} that keeps what the JVM would be handed, and what tia takes of it.
 */
class LaunchedGitTest {

    private static final Path LAUNCHER = Path.of("..", "bin", "tia").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void theLauncherHandsOverWhatGitTellsTiaInTheFolderItAnalyses() throws Exception {
        Path repo = dir.resolve("repo");
        try (FixtureRepo fixture = FixtureRepo.init(repo)) {
            fixture.write("a.txt", "a\n").write("b.txt", "b\n").write(".gitignore", "ignored/\n").commitAll("first");
            fixture.write("a.txt", "a changed\n").write("new folder/n.txt", "n\n").write("ignored/x.txt", "x\n")
                    .write("dir with space/ü.txt", "u\n");
            fixture.delete("b.txt");
        }
        Handed handed = launch("affected", "--repo", repo.toString(), "--no-write");

        assertThat(handed.environment())
                .containsEntry(LaunchedGit.argumentsVariable(LaunchedGit.STATUS), String.join(" ", NativeGitStatus.ARGUMENTS));
        assertThat(handed.pipes()).containsOnlyKeys(3, 4);
        assertThat(LaunchedGit.of(handed.environment(), LaunchedGit.STATUS, repo, NativeGitStatus.ARGUMENTS)).isPresent();
        byte[] status = GitCommand.run(repo, NativeGitStatus.ARGUMENTS.toArray(String[]::new)).orElseThrow();
        assertThat(LaunchedGit.output(handed.pipes().get(3))).hasValueSatisfying(output -> assertThat(output).isEqualTo(status));
        assertThat(NativeGitStatus.read(repo, LaunchedGit.output(handed.pipes().get(3)))).isEqualTo(NativeGitStatus.read(repo));
        assertHandedTheCheckout(handed, repo);
    }

    private Path repoWithOneCommit() {
        Path repo = dir.resolve("repo");
        try (FixtureRepo fixture = FixtureRepo.init(repo)) {
            fixture.write("a.txt", "a\n").commitAll("first");
        }
        return repo;
    }

    /** {@code handed} has git's account of the checkout at {@code repo} on its pipe, as git itself gives it now. */
    private static void assertHandedTheCheckout(Handed handed, Path repo) {
        assertThat(handed.environment()).containsEntry(LaunchedGit.FOLDER, repo.toString())
                .containsEntry(LaunchedGit.argumentsVariable(LaunchedGit.CHECKOUT), String.join(" ", NativeCheckout.ARGUMENTS));
        assertThat(LaunchedGit.of(handed.environment(), LaunchedGit.CHECKOUT, repo, NativeCheckout.ARGUMENTS)).isPresent();
        byte[] checkout = GitCommand.run(repo, NativeCheckout.ARGUMENTS.toArray(String[]::new)).orElseThrow();
        assertThat(LaunchedGit.output(handed.pipes().get(4))).hasValueSatisfying(output -> assertThat(output).isEqualTo(checkout));
    }

    @Test
    void gitIsNotStartedWhereNoAnalysisOfTheWorkingTreeFollows() throws Exception {
        Path repo = repoWithOneCommit();
        for (List<String> arguments : List.of(List.of("affected", "--repo", repo.toString(), "--help"),
                List.of("backtest", "--repo", repo.toString()), List.of("--version"))) {
            assertThat(launch(arguments.toArray(String[]::new)).environment()).as(String.join(" ", arguments))
                    .doesNotContainKeys(LaunchedGit.FOLDER, LaunchedGit.sourceVariable(LaunchedGit.STATUS),
                            LaunchedGit.sourceVariable(LaunchedGit.CHECKOUT));
        }
    }

    /** A commit's analysis ({@code --head}) is handed git's account of the checkout, and no status, which it never reads. */
    @Test
    void aCommitsAnalysisIsHandedTheCheckoutAlone() throws Exception {
        Path repo = repoWithOneCommit();
        Handed handed = launch("affected", "--repo", repo.toString(), "--head", "HEAD");

        assertThat(handed.environment())
                .doesNotContainKeys(LaunchedGit.sourceVariable(LaunchedGit.STATUS), LaunchedGit.argumentsVariable(LaunchedGit.STATUS));
        assertThat(handed.pipes()).containsOnlyKeys(4);
        assertHandedTheCheckout(handed, repo);
    }

    /**
     * The JVM's heap asks for huge pages where Linux gives them on request, and only there: elsewhere the option does
     * not exist, and a JVM given it would refuse to start. Read against this machine's own setting.
     */
    @Test
    void theHeapAsksForHugePagesWhereLinuxGivesThemOnRequest() throws Exception {
        Path repo = repoWithOneCommit();
        Path setting = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        boolean onRequest = System.getProperty("os.name").startsWith("Linux") && Files.isReadable(setting)
                && Files.readString(setting).contains("[madvise]");

        List<String> arguments = launch("affected", "--repo", repo.toString()).arguments();

        assertThat(arguments).contains("-jar");
        assertThat(arguments.contains("-XX:+UseTransparentHugePages")).as(String.join(" ", arguments)).isEqualTo(onRequest);
    }

    @Test
    void anOutputIsTakenOnlyForItsFolderAndItsCommand() {
        Path repo = dir.resolve("repo");
        Map<String, String> environment = Map.of(LaunchedGit.sourceVariable(LaunchedGit.STATUS), "/dev/fd/3",
                LaunchedGit.FOLDER, repo.toString(),
                LaunchedGit.argumentsVariable(LaunchedGit.STATUS), String.join(" ", NativeGitStatus.ARGUMENTS));
        assertThat(LaunchedGit.of(environment, LaunchedGit.STATUS, repo, NativeGitStatus.ARGUMENTS)).isPresent();
        assertThat(LaunchedGit.of(environment, LaunchedGit.STATUS, repo.resolve("sub/.."), NativeGitStatus.ARGUMENTS)).isPresent();
        assertThat(LaunchedGit.of(environment, LaunchedGit.STATUS, dir, NativeGitStatus.ARGUMENTS)).isEmpty();
        assertThat(LaunchedGit.of(environment, LaunchedGit.STATUS, repo, List.of("status", "--porcelain=v1", "-z"))).isEmpty();
        assertThat(LaunchedGit.of(environment, LaunchedGit.CHECKOUT, repo, NativeGitStatus.ARGUMENTS)).isEmpty();
        Map<String, String> noFolder = new HashMap<>(environment);
        noFolder.remove(LaunchedGit.FOLDER);
        assertThat(LaunchedGit.of(noFolder, LaunchedGit.STATUS, repo, NativeGitStatus.ARGUMENTS)).isEmpty();
        assertThat(LaunchedGit.of(Map.of(), LaunchedGit.STATUS, repo, NativeGitStatus.ARGUMENTS)).isEmpty();
    }

    @Test
    void onlyWholeOutputOfAGitThatSucceededIsTaken() {
        byte[] status = " M a.txt\0?? new folder/\0".getBytes(StandardCharsets.UTF_8);
        assertThat(LaunchedGit.output(written(status, "\0tia-git-exit:0"))).hasValueSatisfying(o -> assertThat(o).isEqualTo(status));
        assertThat(LaunchedGit.output(written(new byte[0], "\0tia-git-exit:0"))).hasValueSatisfying(o -> assertThat(o).isEmpty());
        assertThat(LaunchedGit.output(written(new byte[0], "\0tia-git-exit:128"))).isEmpty(); // not a repository
        assertThat(LaunchedGit.output(written(status, "\0tia-git-exit:10"))).isEmpty();
        assertThat(LaunchedGit.output(status)).isEmpty(); // the shell stopped before writing git's exit status
        assertThat(LaunchedGit.output(written(status, "\0tia-git-exit:"))).isEmpty();
        assertThat(LaunchedGit.output(new byte[0])).isEmpty();
    }

    private static byte[] written(byte[] output, String mark) {
        byte[] end = mark.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[output.length + end.length];
        System.arraycopy(output, 0, all, 0, output.length);
        System.arraycopy(end, 0, all, output.length, end.length);
        return all;
    }

    /** What the launcher hands the JVM: its arguments, the environment's {@code TIA_*} and what it reads on descriptors 3 and 4. */
    private record Handed(List<String> arguments, Map<String, String> environment, Map<Integer, byte[]> pipes) {
    }

    /**
     * Runs a copy of {@code bin/tia} beside a stand-in jar, with a {@code java} on the path that writes down what it
     * is handed instead of starting a JVM.
     */
    private Handed launch(String... arguments) throws IOException, InterruptedException {
        Path install = dir.resolve("install");
        Files.createDirectories(install.resolve("bin"));
        Files.createDirectories(install.resolve("engine/target"));
        Files.copy(LAUNCHER, install.resolve("bin/tia"), StandardCopyOption.REPLACE_EXISTING);
        Files.write(install.resolve("engine/target/tia-engine-test-cli.jar"), new byte[0]);
        Path fakes = Files.createDirectories(dir.resolve("fakes"));
        Path java = fakes.resolve("java");
        Path environment = dir.resolve("environment");
        Path handedArguments = dir.resolve("arguments");
        Files.deleteIfExists(environment);
        for (int fd : List.of(3, 4)) {
            Files.deleteIfExists(dir.resolve("pipe" + fd));
        }
        Files.writeString(java, "#!/usr/bin/env bash\n"
                + "env -0 > '" + environment + "'\n"
                + "printf '%s\\0' \"$@\" > '" + handedArguments + "'\n"
                + "if [ -n \"${TIA_GIT_STATUS_FROM:-}\" ]; then cat /dev/fd/3 > '" + dir.resolve("pipe3") + "'; fi\n"
                + "if [ -n \"${TIA_GIT_CHECKOUT_FROM:-}\" ]; then cat /dev/fd/4 > '" + dir.resolve("pipe4") + "'; fi\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> command = new ArrayList<>(List.of("bash", install.resolve("bin/tia").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("launcher.log").toFile());
        builder.environment().put("PATH", fakes + File.pathSeparator + System.getenv("PATH"));
        builder.environment().put("TIA_CDS", "0");
        builder.environment().keySet().removeIf(name -> name.startsWith("TIA_GIT_") || name.equals("TIA_NATIVE_GIT"));
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("launcher.log"))).isZero();
        Map<String, String> handed = new HashMap<>();
        for (String entry : Files.readString(environment).split("\0")) {
            int equals = entry.indexOf('=');
            if (equals > 0 && entry.startsWith("TIA_")) {
                handed.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        Map<Integer, byte[]> pipes = new HashMap<>();
        for (int fd : List.of(3, 4)) {
            Path pipe = dir.resolve("pipe" + fd);
            if (Files.exists(pipe)) {
                pipes.put(fd, Files.readAllBytes(pipe));
            }
        }
        return new Handed(List.of(Files.readString(handedArguments).split("\0")), handed, pipes);
    }
}
