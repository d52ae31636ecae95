package dev.tia.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;

import dev.tia.engine.TiaException;
import dev.tia.engine.config.Mode;
import dev.tia.engine.select.Selection;
import dev.tia.engine.select.TestResult;
import dev.tia.engine.select.TestStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The part of a selection that a test runner needs: each test's decision and the context for its summary line.
 * Made from a fresh {@link Selection}, or read back from a JSON report (the hand-over file between faces).
 *
 * @param repository absolute path of the git working tree the module folders are relative to
 */
public record TestDecisions(String repository, String base, String baseRef, String head, Mode mode, boolean runAll,
        ImmutableList<String> runAllReasons, ImmutableList<TestResult> tests, ImmutableList<String> changedFiles) {

    public static TestDecisions of(Selection selection) {
        return new TestDecisions(selection.repository(), selection.base(), selection.baseRef(), selection.head(), selection.mode(), selection.runAll(),
                selection.runAllReasons(), selection.tests(),
                selection.changedFiles().stream().map(f -> f.path()).collect(ImmutableList.toImmutableList()));
    }

    /**
     * Reads a JSON report of schema version {@value JsonReport#SCHEMA_VERSION}.
     *
     * @throws TiaException when the file is missing, not JSON, or of another schema version
     */
    public static TestDecisions read(Path report) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(report));
        } catch (IOException e) {
            throw new TiaException("cannot read the tia report " + report + ": " + e.getMessage(), e);
        }
        if (root == null || root.path("schemaVersion").asInt(-1) != JsonReport.SCHEMA_VERSION) {
            throw new TiaException(report + " is not a tia report of schema version " + JsonReport.SCHEMA_VERSION);
        }
        ImmutableList.Builder<String> reasons = ImmutableList.builder();
        root.path("runAllReasons").forEach(r -> reasons.add(r.asText()));
        ImmutableList.Builder<TestResult> tests = ImmutableList.builder();
        for (JsonNode test : root.path("tests")) {
            ImmutableList.Builder<String> tags = ImmutableList.builder();
            test.path("tags").forEach(t -> tags.add(t.asText()));
            tests.add(new TestResult(test.path("className").asText(), test.path("module").asText(),
                    TestStatus.valueOf(test.path("status").asText()), tags.build(), test.path("reason").asText()));
        }
        ImmutableList.Builder<String> changed = ImmutableList.builder();
        root.path("changedFiles").forEach(f -> changed.add(f.path("path").asText()));
        return new TestDecisions(root.path("repository").asText(), root.path("base").asText(), root.path("base").asText(),
                root.path("head").asText(), Mode.parse(root.path("mode").asText("quick")), root.path("runAll").asBoolean(),
                reasons.build(), tests.build(), changed.build());
    }

    /** The decision for {@code className} in {@code module} (its folder), or in any module when that one has none. */
    public Optional<TestResult> decision(String className, Optional<String> module) {
        Optional<TestResult> inModule = module.flatMap(m -> tests.stream()
                .filter(t -> t.className().equals(className) && t.module().equals(m)).findFirst());
        if (inModule.isPresent()) {
            return inModule;
        }
        // The same name in several other modules: the most inclusive decision wins, so nothing is skipped wrongly.
        return tests.stream().filter(t -> t.className().equals(className))
                .min(java.util.Comparator.comparingInt(t -> t.status() == TestStatus.SELECTED ? 0
                        : t.status() == TestStatus.EXCLUDED_BY_TAG ? 1 : 2));
    }
}
