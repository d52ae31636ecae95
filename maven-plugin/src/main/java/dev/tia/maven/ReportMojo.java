package dev.tia.maven;

import dev.tia.engine.config.Mode;
import dev.tia.engine.report.ObserveReport;
import dev.tia.engine.select.FailedTests;
import dev.tia.engine.select.ObserveOutcome;
import dev.tia.engine.select.Selection;
import dev.tia.engine.select.TestResult;
import dev.tia.engine.select.TestStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.project.MavenProject;

/**
 * Prints one summary for the whole reactor once its last module is done: per module, how many test classes ran
 * (from the Surefire and Failsafe reports of this build), were skipped as unaffected, or were excluded by tag.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public class ReportMojo extends AbstractTiaMojo {

    private static final List<String> REPORT_FOLDERS = List.of("surefire-reports", "failsafe-reports");

    @Override
    public void execute() {
        Optional<ReactorAnalysis.Outcome> outcome = ReactorAnalysis.existing(session);
        if (!affected || outcome.isEmpty() || !lastModuleDone()) {
            return;
        }
        if (outcome.get().failure().isPresent()) {
            getLog().warn("tia: no selection (" + outcome.get().failure().get() + "); all tests ran");
            return;
        }
        Selection selection = outcome.get().analysis().orElseThrow().selection();
        if (selection.mode() == Mode.OBSERVE) {
            observe(selection, outcome.get().reportDir());
        }
        Map<String, Map<TestStatus, Integer>> counts = new TreeMap<>();
        for (TestResult test : selection.tests()) {
            counts.computeIfAbsent(test.module(), m -> new EnumMap<>(TestStatus.class)).merge(test.status(), 1, Integer::sum);
        }
        Map<String, Integer> ran = ranPerModule(selection);
        int totalRan = ran.values().stream().mapToInt(Integer::intValue).sum();
        getLog().info("------------------------------------------------------------------------");
        getLog().info("tia: " + totalRan + " test classes ran; " + selection.summary().skipped() + " skipped as unaffected, "
                + selection.summary().excludedByTag() + " excluded by tag (mode " + selection.mode().id() + ", base "
                + selection.baseRef() + ")");
        getLog().info(String.format("tia: %-32s %5s %9s %9s %10s", "module", "ran", "selected", "skipped", "by tag"));
        counts.forEach((module, byStatus) -> getLog().info(String.format("tia: %-32s %5d %9d %9d %10d", module,
                ran.getOrDefault(module, 0), byStatus.getOrDefault(TestStatus.SELECTED, 0),
                byStatus.getOrDefault(TestStatus.SKIPPED, 0), byStatus.getOrDefault(TestStatus.EXCLUDED_BY_TAG, 0))));
        selection.runAllReasons().forEach(reason -> getLog().info("tia: all tests selected because " + reason));
        getLog().info("tia: reports " + outcome.get().reportDir().resolve("report.json") + ", "
                + outcome.get().reportDir().resolve("report.md"));
    }

    /** Observe mode: every test ran; did any test tia would have skipped fail? */
    private void observe(Selection selection, Path reportDir) {
        long buildStart = session.getRequest().getStartTime().getTime();
        Set<String> failed = new TreeSet<>();
        for (MavenProject module : session.getProjects()) {
            for (String folder : REPORT_FOLDERS) {
                failed.addAll(FailedTests.in(Path.of(module.getBuild().getDirectory(), folder), buildStart));
            }
        }
        ObserveOutcome observed = ObserveOutcome.of(selection.tests(), failed);
        List<String> changed = selection.changedFiles().stream().map(f -> f.path()).toList();
        List<String> lines = ObserveReport.lines(observed, changed);
        getLog().info("tia: " + lines.get(0));
        lines.stream().skip(1).forEach(line -> getLog().error("tia: " + line));
        ObserveReport.write(observed, changed, reportDir.resolve(ObserveReport.FILE_NAME));
    }

    /** Counts this module in; true for the module that completes the reactor (whatever the -T order). */
    private boolean lastModuleDone() {
        Object key = ReportMojo.class.getName() + ".done";
        org.eclipse.aether.SessionData data = session.getRepositorySession().getData();
        synchronized (data) {
            int done = data.get(key) instanceof Integer n ? n + 1 : 1;
            data.set(key, done);
            return done == session.getProjects().size();
        }
    }

    /** Test classes with a report written during this build, per module folder. */
    private Map<String, Integer> ranPerModule(Selection selection) {
        Map<String, Integer> ran = new TreeMap<>();
        long buildStart = session.getRequest().getStartTime().getTime();
        Path repository = Path.of(selection.repository());
        for (MavenProject module : session.getProjects()) {
            int count = 0;
            for (String folder : REPORT_FOLDERS) {
                Path reports = Path.of(module.getBuild().getDirectory(), folder);
                if (!Files.isDirectory(reports)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(reports)) {
                    count += (int) files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml"))
                            .filter(f -> f.toFile().lastModified() >= buildStart).count();
                } catch (IOException e) {
                    getLog().debug("tia: cannot list " + reports + ": " + e.getMessage());
                }
            }
            String path = repository.relativize(module.getBasedir().toPath().toAbsolutePath().normalize()).toString().replace('\\', '/');
            ran.put(path.isEmpty() ? module.getArtifactId() : path, count);
        }
        return ran;
    }
}
