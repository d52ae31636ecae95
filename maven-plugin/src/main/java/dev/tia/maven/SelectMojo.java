package dev.tia.maven;

import dev.tia.engine.Analysis;
import dev.tia.engine.config.Mode;
import dev.tia.engine.config.TiaConfig;
import dev.tia.engine.config.TiaConfigException;
import dev.tia.engine.report.Headline;
import dev.tia.engine.select.DependencyBump;
import dev.tia.engine.select.Selection;
import dev.tia.engine.select.Shards;
import dev.tia.engine.select.TestDurations;
import dev.tia.engine.select.TestResult;
import dev.tia.engine.select.TestStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Hands this module's selection to Surefire and Failsafe: test classes proven unaffected go into an excludes
 * file ({@code surefire.excludesFile}, {@code failsafe.excludesFile}), and in quick mode the excluded tags are
 * added to {@code excludedGroups}. Anything tia does not know about still runs.
 *
 * <p>The whole reactor is analysed once per build, by the first module that gets here.
 */
@Mojo(name = "select", defaultPhase = LifecyclePhase.PROCESS_TEST_CLASSES, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public class SelectMojo extends AbstractTiaMojo {

    static final String SUREFIRE_EXCLUDES_FILE = "surefire.excludesFile";
    static final String FAILSAFE_EXCLUDES_FILE = "failsafe.excludesFile";
    static final String EXCLUDED_GROUPS = "excludedGroups";

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (!affected) {
            getLog().debug("tia: tia.affected is not set; every test runs");
            return;
        }
        TiaConfig config;
        try {
            config = config();
        } catch (TiaConfigException e) {
            throw new MojoFailureException("tia: " + e.getMessage());
        }
        ReactorAnalysis.Outcome outcome = ReactorAnalysis.of(session, config);
        if (outcome.failure().isPresent()) {
            String message = "tia could not select tests: " + outcome.failure().get();
            if (config.failOnError()) {
                throw new MojoFailureException(message + " (tia.failOnError=true)");
            }
            warnOnce(message + "; running all tests");
            return;
        }
        Analysis analysis = outcome.analysis().orElseThrow();
        Selection selection = analysis.selection();
        announceOnce(selection, outcome.reportDir());
        Optional<DependencyBump> bump = analysis.dependencyBump();
        if (bump.isPresent() && !config.mode().runsEverything()) {
            // Moved dependency versions are all that runs everything: this module's resolved test class path decides.
            Set<String> classPath = new TreeSet<>();
            project.getArtifacts().forEach(a -> classPath.add(a.getGroupId() + ":" + a.getArtifactId()));
            if (bump.get().reaches(classPath)) {
                getLog().info("tia: every test of " + project.getArtifactId() + " runs: its test class path has "
                        + String.join(", ", bump.get().artifacts().stream().filter(classPath::contains).toList())
                        + ", whose version the change moves");
            } else {
                selection = bump.get().otherwise();
                getLog().info("tia: " + project.getArtifactId() + " does not have " + String.join(", ", bump.get().artifacts())
                        + " on its test class path: the moved versions cannot change its tests");
            }
        }
        if (config.mode().runsEverything() && config.shard().isEmpty()) {
            return;
        }
        String module = modulePath(selection);
        Set<String> otherShards = config.shard()
                // Shards split the whole analysis, the same in every module and every shard job.
                .map(spec -> Shards.elsewhere(analysis.selection(), spec, TestDurations.configured(config)))
                .orElse(Set.of());
        List<String> excluded = new ArrayList<>();
        int selected = 0;
        int total = 0;
        for (TestResult test : selection.tests()) {
            if (!test.module().equals(module)) {
                continue;
            }
            total++;
            boolean leaveOut = !config.mode().runsEverything() && (test.status() == TestStatus.SKIPPED
                    || test.status() == TestStatus.EXCLUDED_BY_TAG && config.mode() == Mode.QUICK)
                    || otherShards.contains(test.className());
            if (leaveOut) {
                excluded.add(test.className().replace('.', '/') + ".java");
            } else {
                selected++;
            }
        }
        Path excludesFile = writeExcludes(excluded);
        handOver(excludesFile, config);
        if (total > 0) {
            getLog().info("tia: " + selected + " of " + total + " test classes selected in " + project.getArtifactId()
                    + config.shard().map(spec -> " (shard " + spec + ")").orElse("")
                    + (excluded.isEmpty() ? "" : ", " + excluded.size() + " left out (" + buildRoot().relativize(excludesFile) + ")"));
        }
    }

    /** This module's folder relative to the git root, as the selection names modules. */
    private String modulePath(Selection selection) {
        Path repository = Path.of(selection.repository());
        Path basedir = project.getBasedir().toPath().toAbsolutePath().normalize();
        try {
            repository = repository.toRealPath();
            basedir = basedir.toRealPath();
        } catch (IOException e) {
            // compare the paths as given
        }
        String relative = repository.relativize(basedir).toString().replace('\\', '/');
        return relative.isEmpty() ? project.getArtifactId() : relative;
    }

    private Path writeExcludes(List<String> excluded) throws MojoExecutionException {
        Path file = Path.of(project.getBuild().getDirectory(), "tia", "excludes.txt");
        List<String> lines = new ArrayList<>();
        lines.add("# Test classes tia proved unaffected by the change (or left out by tag in quick mode).");
        lines.addAll(excluded);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new MojoExecutionException("tia: cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sets the public properties Surefire and Failsafe read, the way JaCoCo sets {@code argLine}. A value the user
     * gave on the command line wins over a project property, so tia steps back there and says so.
     */
    private void handOver(Path excludesFile, TiaConfig config) {
        Properties user = session.getUserProperties();
        Properties properties = project.getProperties();
        for (String key : List.of(SUREFIRE_EXCLUDES_FILE, FAILSAFE_EXCLUDES_FILE)) {
            if (user.containsKey(key)) {
                getLog().warn("tia: -D" + key + " is set on the command line, so tia's selection is not applied to it");
            } else {
                properties.setProperty(key, excludesFile.toString());
            }
        }
        if (config.mode() == Mode.QUICK && !config.excludeTags().isEmpty()) {
            String existing = Optional.ofNullable(user.getProperty(EXCLUDED_GROUPS))
                    .or(() -> Optional.ofNullable(properties.getProperty(EXCLUDED_GROUPS))).orElse("");
            List<String> groups = new ArrayList<>();
            for (String group : existing.split(",")) {
                if (!group.isBlank()) {
                    groups.add(group.trim());
                }
            }
            config.excludeTags().stream().filter(t -> !groups.contains(t)).forEach(groups::add);
            if (user.containsKey(EXCLUDED_GROUPS)) {
                getLog().warn("tia: -DexcludedGroups is set on the command line; add " + config.excludeTags()
                        + " to it to leave those tags out");
            } else {
                properties.setProperty(EXCLUDED_GROUPS, String.join(",", groups));
            }
        }
    }

    private void announceOnce(Selection selection, Path reportDir) {
        if (once("announced")) {
            getLog().info(Headline.of(selection) + " (base " + selection.baseRef() + ")");
            selection.runAllReasons().forEach(reason -> getLog().info("tia: running all tests: " + reason));
            getLog().info("tia: report " + reportDir.resolve("report.json"));
        }
    }

    private void warnOnce(String message) {
        if (once("warned")) {
            getLog().warn(message);
        }
    }

    /** True the first time {@code what} is asked in this build. */
    private boolean once(String what) {
        Object key = SelectMojo.class.getName() + "." + what;
        org.eclipse.aether.SessionData data = session.getRepositorySession().getData();
        return data.set(key, null, Boolean.TRUE);
    }
}
