package dev.tia.junit;

import dev.tia.engine.Background;
import dev.tia.engine.TiaEngine;
import dev.tia.engine.config.ConfigKey;
import dev.tia.engine.config.TiaConfig;
import dev.tia.engine.project.ProjectRoot;
import dev.tia.engine.report.TestDecisions;
import dev.tia.engine.select.Shards;
import dev.tia.engine.select.TestDurations;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;

/**
 * Reads tia's configuration from the launcher request and works out the selection before engines discover
 * tests. Inert unless {@code tia.affected=true}.
 */
public final class TiaDiscoveryListener implements LauncherDiscoveryListener {

    /**
     * Discoveries in progress. The suite engine discovers its suites' tests with a launcher of its own, inside the
     * outer discovery; that inner discovery must keep the outer run's selection, not start another.
     */
    private static final AtomicInteger DEPTH = new AtomicInteger();

    @Override
    public void launcherDiscoveryStarted(LauncherDiscoveryRequest request) {
        if (DEPTH.getAndIncrement() > 0) {
            return;
        }
        ActiveSelection.clear();
        TiaConfig config;
        try {
            config = configFrom(request.getConfigurationParameters());
        } catch (RuntimeException e) {
            // A bad tia.* key is the user's to fix, but it must not silently drop tests: say so and run all.
            Console.warn("ignoring tia configuration: " + e.getMessage() + "; running all tests");
            return;
        }
        if (!config.affected()) {
            return;
        }
        // Worked out on a thread of its own while the engines discover the tests (loading every test class of the
        // module), and waited for by the filter, which runs after them: in an IDE's fresh JVM the analysis then adds
        // little or nothing to the run.
        ActiveSelection.start(Background.run("tia-selection", () -> select(config)));
    }

    /** The selection for this run, or every test with the reason when tia cannot decide. */
    private static RunState select(TiaConfig config) {
        Path moduleDir = config.projectDir();
        try {
            TestDecisions decisions = config.selectionFile().isPresent()
                    ? TestDecisions.read(config.selectionFile().get())
                    : TestDecisions.of(new TiaEngine().analyze(config.withProjectDir(ProjectRoot.enclosing(moduleDir))).selection());
            Optional<String> module = moduleOf(Path.of(decisions.repository()), moduleDir);
            Set<String> otherShards = config.shard().map(spec -> Shards.elsewhere(decisions.tests(), spec, TestDurations.configured(config)))
                    .orElse(Set.of());
            return RunState.selecting(new ModuleSelection(decisions, module, config.mode(), config.excludeTags(),
                    moduleDir.resolve(config.value(ConfigKey.REPORT_DIR)).resolve("junit-report.json"), otherShards));
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: a library version on the test class path that tia's engine cannot work with.
            if (config.failOnError()) {
                throw new TiaSelectionFailed("tia could not select tests: " + e.getMessage()
                        + " (tia.failOnError=true; set it to false to run all tests instead)", e);
            }
            String reason = "tia could not select tests: " + e.getMessage();
            Console.warn(reason + "; running all tests");
            return RunState.runningEverything(reason);
        }
    }

    @Override
    public void launcherDiscoveryFinished(LauncherDiscoveryRequest request) {
        if (DEPTH.updateAndGet(depth -> Math.max(0, depth - 1)) == 0) {
            // The outer discovery ends with the selection made, even if no filter asked for it (the filter is asked
            // about every engine's root, so only a run without engines): a failure with tia.failOnError fails the
            // discovery, as it did when the selection was made up front.
            ActiveSelection.current();
        }
    }

    /** Explicit launcher parameters (including junit-platform.properties) over system properties over defaults. */
    static TiaConfig configFrom(ConfigurationParameters parameters) {
        Map<String, String> explicit = new LinkedHashMap<>();
        for (String key : parameters.keySet()) {
            if (key.startsWith(ConfigKey.PREFIX)) {
                parameters.get(key).ifPresent(value -> explicit.put(key, value));
            }
        }
        for (ConfigKey key : ConfigKey.values()) {
            parameters.get(key.key()).ifPresent(value -> explicit.putIfAbsent(key.key(), value));
        }
        String projectDir = explicit.getOrDefault(ConfigKey.PROJECT_DIR.key(), System.getProperty(ConfigKey.PROJECT_DIR.key(), ""));
        Path dir = projectDir.isBlank() ? Path.of("").toAbsolutePath() : Path.of(projectDir).toAbsolutePath();
        return TiaConfig.resolve(dir, explicit, System.getProperties());
    }

    private static Optional<String> moduleOf(Path repository, Path moduleDir) {
        Path module = moduleDir.toAbsolutePath().normalize();
        Path root = repository.toAbsolutePath().normalize();
        return module.startsWith(root) && !module.equals(root)
                ? Optional.of(root.relativize(module).toString().replace('\\', '/'))
                : Optional.empty();
    }
}
