package dev.tia.junit;

import dev.tia.engine.config.Mode;
import dev.tia.engine.report.TestDecisions;
import dev.tia.engine.select.TestResult;
import dev.tia.engine.select.TestStatus;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The selection as one test run needs it: the decisions, the module whose tests are running, and the mode.
 *
 * @param module the running module's folder relative to the git root, empty when not known
 * @param reportFile where the summary's report goes
 * @param otherShards selected classes that other shards run ({@code tia.shard})
 */
record ModuleSelection(TestDecisions decisions, Optional<String> module, Mode mode, Set<String> excludeTags, Path reportFile,
        Set<String> otherShards) {

    /** The decision for a test class, by its binary name; nested classes ({@code A$B}) follow their top-level class. */
    Optional<TestResult> decisionFor(String className) {
        int dollar = className.indexOf('$');
        String topLevel = dollar < 0 ? className : className.substring(0, dollar);
        return decisions.decision(topLevel, module);
    }

    boolean skips(String className) {
        Optional<TestResult> decision = decisionFor(className);
        return !mode.runsEverything() && decision.map(d -> d.status() == TestStatus.SKIPPED).orElse(false)
                || decision.map(d -> otherShards.contains(d.className())).orElse(false);
    }

    /** Why {@link #skips} leaves a class out. */
    String skipReason(String className) {
        TestResult decision = decisionFor(className).orElseThrow();
        return decision.status() == TestStatus.SKIPPED ? decision.reason() : "runs in another shard";
    }

    boolean excludesTags() {
        return mode == Mode.QUICK && !excludeTags.isEmpty();
    }
}
