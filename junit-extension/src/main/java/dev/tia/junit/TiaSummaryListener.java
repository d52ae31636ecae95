package dev.tia.junit;

import dev.tia.engine.TiaException;
import dev.tia.engine.report.RunReport;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/** Prints one summary line when tia selected the run's tests, and writes {@code junit-report.json}. */
public final class TiaSummaryListener implements TestExecutionListener {

    private final Set<String> ran = Collections.synchronizedSet(new LinkedHashSet<>());

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        ran.clear();
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
            } catch (TiaException e) {
                Console.info(headline);
                Console.warn(e.getMessage());
            }
        } else {
            Console.info(headline);
        }
    }
}
