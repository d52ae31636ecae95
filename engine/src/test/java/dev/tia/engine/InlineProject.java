package dev.tia.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tia.engine.config.ConfigKey;
import dev.tia.engine.config.TiaConfig;
import dev.tia.engine.report.JsonReport;
import dev.tia.engine.select.Selection;
import dev.tia.engine.select.TestResult;
import dev.tia.engine.select.TestStatus;
import dev.tia.fixtures.FixtureRepo;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Analyzer tests with source and expectation side by side: a one-module Maven project in a temp git repository,
 * committed, then changed, then analyzed.
 *
 * <pre>
 * InlineProject.in(dir)
 *     .given("src/main/java/a/Foo.java", "package a; public class Foo {}")
 *     .given("src/test/java/a/FooTest.java", "...")
 *     .whenChanged("src/main/java/a/Foo.java")
 *     .expectSelected("a.FooTest");
 * </pre>
 */
final class InlineProject {

    static final String POM = """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>com.example</groupId>
              <artifactId>app</artifactId>
              <version>1</version>
            </project>
            """;

    private final Path dir;
    private final Map<String, String> files = new LinkedHashMap<>();
    private final Map<ConfigKey, String> settings = new LinkedHashMap<>();
    private FixtureRepo repo;

    private InlineProject(Path dir) {
        this.dir = dir;
        files.put("pom.xml", POM);
    }

    static InlineProject in(Path dir) {
        return new InlineProject(dir);
    }

    InlineProject given(String path, String content) {
        files.put(path, content);
        return this;
    }

    InlineProject with(ConfigKey key, String value) {
        settings.put(key, value);
        return this;
    }

    private FixtureRepo committed() {
        if (repo == null) {
            repo = FixtureRepo.init(dir);
            files.forEach(repo::write);
            repo.commitAll("given");
            // An analysis of the committed project leaves its index and stored graph behind, as a developer's
            // earlier run would: the analysis of the change then uses the stored graph when the change allows.
            new TiaEngine().analyze(config());
        }
        return repo;
    }

    private TiaConfig config() {
        TiaConfig config = TiaConfig.defaults(dir);
        for (Map.Entry<ConfigKey, String> setting : settings.entrySet()) {
            config = config.with(setting.getKey(), setting.getValue());
        }
        return config;
    }

    /** Changes {@code path}'s code (a comment would be a no-op) by adding a small type, in the working tree. */
    InlineProject whenChanged(String path) {
        committed().write(path, files.get(path) + "\nclass ChangedByTest { }\n");
        return this;
    }

    InlineProject whenWritten(String path, String content) {
        committed().write(path, content);
        return this;
    }

    InlineProject whenDeleted(String path) {
        committed().delete(path);
        return this;
    }

    Selection selection() {
        return analysis().selection();
    }

    /**
     * The analysis of the change with the index the committed project's analysis left (and its stored graph, when
     * the change leaves the graph's inputs as they were), checked against an analysis without any index: the two
     * must give the same report.
     */
    Analysis analysis() {
        committed();
        try {
            Analysis analysis = new TiaEngine().analyze(config());
            assertThat(JsonReport.render(analysis.selection())).as("with the index%s, against a run without",
                    analysis.graphFromStore() ? " and its stored graph" : "")
                    .isEqualTo(JsonReport.render(new TiaEngine().analyze(config().with(ConfigKey.CACHE_DIR, "")).selection()));
            return analysis;
        } finally {
            repo.close();
        }
    }

    /** Asserts exactly these test classes are selected. */
    Selection expectSelected(String... classNames) {
        Selection selection = selection();
        assertThat(names(selection, TestStatus.SELECTED)).as("selected; all: %s", describe(selection))
                .isEqualTo(new TreeSet<>(Arrays.asList(classNames)));
        return selection;
    }

    static Set<String> names(Selection selection, TestStatus status) {
        return selection.tests().stream().filter(t -> t.status() == status).map(TestResult::className)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static String describe(Selection selection) {
        return selection.tests().stream().map(t -> t.className() + "=" + t.status() + " (" + t.reason() + ")")
                .collect(Collectors.joining("; ")) + (selection.runAll() ? " runAll " + selection.runAllReasons() : "");
    }
}
