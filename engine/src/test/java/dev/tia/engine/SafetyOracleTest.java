package dev.tia.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tia.engine.select.Selection;
import dev.tia.engine.select.TestStatus;
import dev.tia.fixtures.ChangeStep;
import dev.tia.fixtures.FixtureRepo;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The safety property, checked by running the fixture's tests for real: after every behaviour-changing step,
 * each test that fails must have been selected (or excluded by tag only, which the full tier still runs).
 */
class SafetyOracleTest {

    static List<ChangeStep> breakingSteps() {
        return ChangeStep.all("shop").stream().filter(ChangeStep::breaksTests).toList();
    }

    @Test
    void everyFixtureTestPassesBeforeAnyChange(@TempDir Path dir) {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir.resolve("repo"))) {
            assertThat(FixtureTestRun.failingTestClasses(repo.dir(), dir.resolve("build"))).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakingSteps")
    void everyFailingTestWasSelected(ChangeStep step, @TempDir Path dir) {
        Selection selection = FixtureStepsTest.analyze(step, dir.resolve("repo"));
        Set<String> failing = FixtureTestRun.failingTestClasses(dir.resolve("repo"), dir.resolve("build"));

        assertThat(failing).as("the step must really break a test, or it proves nothing").isNotEmpty();
        Set<String> affected = new TreeSet<>(FixtureStepsTest.simpleNames(selection, TestStatus.SELECTED));
        affected.addAll(FixtureStepsTest.simpleNames(selection, TestStatus.EXCLUDED_BY_TAG));
        assertThat(affected).as("tests that fail after %s", step).containsAll(failing);
    }
}
