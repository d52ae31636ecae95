package dev.tia.engine.cli;

import dev.tia.engine.Analysis;
import dev.tia.engine.TiaEngine;
import dev.tia.engine.config.TiaConfig;
import dev.tia.engine.git.GitCommand;
import dev.tia.engine.report.JsonReport;
import dev.tia.engine.report.MarkdownReport;
import dev.tia.engine.report.TextReport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The warm runs a class-data archive should hold, run once on a small project of its own by the process that makes
 * the archive ({@code bin/tia} sets {@code TIA_CDS_TRAINING=1} for it). That process is the first analysis after a
 * build, usually a cold one: the classes and lambdas only warm runs use (the stored graph served, patched, walked at
 * member level; the reports) were missing from the archive, and every warm run then loaded them from the jar and
 * linked its lambdas anew (45 lambdas and 33 classes for a one-file edit: 50-70 ms of a fresh JVM at 10k classes).
 *
 * <p>Nothing here may change what the user's run did: it runs after the run's output is written, in a temporary
 * folder it deletes, and any failure (no git command, say) only leaves the archive as it would have been.
 */
final class ArchiveTraining {

    private static final String TEXTS = "src/main/java/training/Texts.java";
    private static final String GREETER = "src/main/java/training/Greeter.java";

    /** The project: a pom, two classes that call each other, and their tests, one of them tagged e2e. */
    private static final Map<String, String> PROJECT = Map.of(
            "pom.xml", """
                    <project xmlns="http://maven.apache.org/POM/4.0.0">
                      <modelVersion>4.0.0</modelVersion>
                      <groupId>dev.tia.training</groupId>
                      <artifactId>training</artifactId>
                      <version>1</version>
                    </project>
                    """,
            TEXTS, """
                    package training;

                    public class Texts {
                        public String shout(String s) {
                            return s.toUpperCase() + "!";
                        }

                        public int weight() {
                            return 1;
                        }
                    }
                    """,
            GREETER, """
                    package training;

                    import java.util.List;

                    public class Greeter {
                        private final Texts texts = new Texts();

                        public String greet(List<String> names) {
                            return texts.shout(String.join(", ", names));
                        }
                    }
                    """,
            "src/test/java/training/GreeterTest.java", """
                    package training;

                    import java.util.List;
                    import org.junit.jupiter.api.Test;

                    class GreeterTest {
                        @Test
                        void greets() {
                            new Greeter().greet(List.of("a", "b"));
                        }
                    }
                    """,
            "src/test/java/training/TextsTest.java", """
                    package training;

                    import org.junit.jupiter.api.Tag;
                    import org.junit.jupiter.api.Test;

                    @Tag("e2e")
                    class TextsTest {
                        @Test
                        void weighs() {
                            new Texts().weight();
                        }
                    }
                    """);

    private ArchiveTraining() {
    }

    /** git's variables that point a command at another repository than the folder it runs in. */
    private static final List<String> ELSEWHERE = List.of("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE",
            "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR");

    /**
     * {@link #run(Path)} in a temporary folder, which it deletes; silent, and never fails. Not at all when the
     * environment points git elsewhere (a git hook's): the training's commit must go nowhere but its own folder.
     */
    static void runQuietly() {
        if (ELSEWHERE.stream().anyMatch(name -> System.getenv(name) != null)) {
            return;
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("tia-archive-training");
            run(dir);
        } catch (Exception | Error e) {
            // the archive is made all the same, from what the user's run loaded
        } finally {
            deleteQuietly(dir);
        }
    }

    /**
     * Makes the project in {@code dir} a git repository of one commit and analyses it cold, then after each of the
     * edits a warm run meets most (a method body, a class added to a file, a body writing a new word), and on a
     * branch a commit ahead; renders the last selection in every format. The analyses, in that order.
     *
     * @throws IOException when the project cannot be written or git cannot commit it
     */
    static List<Analysis> run(Path dir) throws IOException {
        for (Map.Entry<String, String> file : PROJECT.entrySet()) {
            write(dir, file.getKey(), file.getValue());
        }
        git(dir, "init", "-q");
        git(dir, "symbolic-ref", "HEAD", "refs/heads/main"); // the default base, whatever git's default branch
        git(dir, "add", "-A");
        commit(dir, "training");
        String texts = PROJECT.get(TEXTS);
        String greeter = PROJECT.get(GREETER);
        List<Analysis> analyses = new ArrayList<>();
        analyses.add(analyze(dir));
        write(dir, TEXTS, texts.replace("return 1;", "return 2;"));
        analyses.add(analyze(dir));
        write(dir, TEXTS, texts + "\nclass Added {\n}\n");
        analyses.add(analyze(dir));
        write(dir, TEXTS, texts);
        write(dir, GREETER, greeter.replace("return texts", "int count = names.size();\n        return texts"));
        analyses.add(analyze(dir));
        // A branch a commit ahead of its base, as a CI step on a pull request runs: the merge-base and the committed
        // change come from git merge-base and git diff-tree (from JGit where git cannot tell), which a run against
        // HEAD never asks. HEAD moves by name alone, not by a checkout, whose hooks are the user's: the working tree
        // is main's commit again.
        write(dir, GREETER, greeter);
        git(dir, "branch", "feature");
        git(dir, "symbolic-ref", "HEAD", "refs/heads/feature");
        write(dir, TEXTS, texts.replace("return 1;", "return 3;"));
        commit(dir, "feature");
        Analysis last = analyze(dir);
        analyses.add(last);
        TextReport.render(last.selection(), true);
        JsonReport.render(last.selection());
        MarkdownReport.render(last.selection());
        return analyses;
    }

    private static Analysis analyze(Path dir) {
        return new TiaEngine().analyze(TiaConfig.defaults(dir));
    }

    /** Commits every change: no signing, and no hook of the user's (a hooks path that does not exist). */
    private static void commit(Path dir, String message) throws IOException {
        git(dir, "-c", "user.name=tia", "-c", "user.email=tia@localhost", "-c", "commit.gpgsign=false",
                "-c", "core.hooksPath=" + dir.resolve(".no-hooks"), "commit", "-q", "--no-verify", "-a", "-m", message);
    }

    private static void write(Path dir, String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static void git(Path dir, String... arguments) throws IOException {
        if (GitCommand.run(dir, arguments).isEmpty()) {
            throw new IOException("git " + arguments[0] + " failed");
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a temporary folder left behind
        }
    }
}
