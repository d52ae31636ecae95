package dev.tia.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tia.engine.config.ConfigKey;
import dev.tia.engine.config.TiaConfig;
import dev.tia.engine.select.Selection;
import dev.tia.engine.select.ServiceResult;
import dev.tia.engine.select.TestResult;
import dev.tia.engine.select.TestStatus;
import dev.tia.fixtures.ChangeStep;
import dev.tia.fixtures.FixtureRepo;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every change step of the shop fixture against the selection it documents in its {@code step.properties}. */
class FixtureStepsTest {

    static List<ChangeStep> steps() {
        return ChangeStep.all("shop");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void selectionMatchesTheStepsExpectation(ChangeStep step, @TempDir Path dir) {
        Selection selection = analyze(step, dir);

        assertThat(selection.runAll()).as("runAll, reasons %s", selection.runAllReasons()).isEqualTo(step.expectsRunAll());
        assertThat(simpleNames(selection, TestStatus.EXCLUDED_BY_TAG)).as("excluded by tag").isEqualTo(step.expectedExcludedByTag());
        if (step.expectsRunAll()) {
            assertThat(simpleNames(selection, TestStatus.SKIPPED)).as("nothing skipped in a run-all").isEmpty();
        } else {
            assertThat(simpleNames(selection, TestStatus.SELECTED)).as("selected").isEqualTo(step.expectedSelected());
        }
        Set<String> services = selection.services().stream().map(ServiceResult::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(services).as("services").isEqualTo(step.expectedServices());
        for (TestResult test : selection.tests()) {
            assertThat(test.reason()).as("reason of %s", test.className()).isNotBlank();
        }
    }

    /** Applies {@code step} to a new repository made from the shop fixture and analyzes it in quick mode. */
    static Selection analyze(ChangeStep step, Path dir) {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            repo.apply(step);
            TiaConfig config = TiaConfig.defaults(dir);
            if (step.commits()) {
                config = config.with(ConfigKey.BASE, "HEAD~1").with(ConfigKey.HEAD, "HEAD");
            }
            return new TiaEngine().analyze(config).selection();
        }
    }

    static Set<String> simpleNames(Selection selection, TestStatus status) {
        return selection.tests().stream().filter(t -> t.status() == status)
                .map(t -> t.className().substring(t.className().lastIndexOf('.') + 1))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
