package dev.tia.junit;

import dev.tia.engine.TiaException;
import dev.tia.engine.config.Mode;
import dev.tia.engine.report.ObserveReport;
import dev.tia.engine.report.RunReport;
import dev.tia.engine.select.ObserveOutcome;
import dev.tia.engine.select.TestResult;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/** Prints one summary line when tia selected the run's tests, and writes {@code junit-report.json}. */
public final class TiaSummaryListener implements TestExecutionListener {

    private final Set<String> ran = Collections.synchronizedSet(new LinkedHashSet<>());
    private final Set<String> failed = Collections.synchronizedSet(new LinkedHashSet<>());

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.FAILED) {
            identifier.getSource().flatMap(TiaSummaryListener::classOf).ifPresent(c -> failed.add(TiaPostDiscoveryFilter.topLevel(c)));
        }
    }

    private static Optional<String> classOf(TestSource source) {
        if (source instanceof MethodSource method) {
            return Optional.of(method.getClassName());
        }
        return source instanceof ClassSource type ? Optional.of(type.getClassName()) : Optional.empty();
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        ran.clear();
        failed.clear();
        if (ActiveSelection.current().isEmpty()) {
            return;
        }
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier identifier : plan.getDescendants(root)) {
                if (identifier.getSource().orElse(null) instanceof ClassSource type && type.getClassName().indexOf('$') < 0) {
                    ran.add(type.getClassName());
                }
            }
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        Optional<RunState> state = ActiveSelection.current();
        if (state.isEmpty()) {
            return;
        }
        Set<String> ranNow;
        synchronized (ran) {
            ranNow = Set.copyOf(ran);
        }
        Set<String> taggedOut = new LinkedHashSet<>(state.get().taggedOutClasses());
        taggedOut.removeAll(ranNow);
        RunReport report = new RunReport(state.get().selection().map(ModuleSelection::decisions), state.get().fallbackReason(),
                ranNow, state.get().skippedClasses(), taggedOut);
        Optional<ModuleSelection> selection = state.get().selection();
        String headline = report.headline(selection.map(ModuleSelection::excludeTags).orElse(Set.of()));
        if (selection.isPresent()) {
            try {
                report.write(selection.get().reportFile());
                Console.info(headline + " \u2014 report " + selection.get().reportFile());
                if (selection.get().mode() == Mode.OBSERVE) {
                    observe(selection.get());
                }
            } catch (TiaException e) {
                Console.info(headline);
                Console.warn(e.getMessage());
            }
        } else {
            Console.info(headline);
        }
    }

    /** Observe mode: every test ran; did one that tia would have skipped fail? */
    private void observe(ModuleSelection selection) {
        List<TestResult> moduleTests = selection.decisions().tests().stream()
                .filter(t -> selection.module().map(t.module()::equals).orElse(true)).toList();
        Set<String> failedNow;
        synchronized (failed) {
            failedNow = Set.copyOf(failed);
        }
        ObserveOutcome outcome = ObserveOutcome.of(moduleTests, failedNow);
        List<String> lines = ObserveReport.lines(outcome, selection.decisions().changedFiles());
        Console.info(lines.get(0));
        lines.stream().skip(1).forEach(Console::warn);
        ObserveReport.write(outcome, selection.decisions().changedFiles(), selection.reportFile().resolveSibling(ObserveReport.FILE_NAME));
    }
}
