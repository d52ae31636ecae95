package dev.tia.maven;

import dev.tia.engine.config.ConfigKey;
import dev.tia.engine.config.TiaConfig;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Parameters every tia goal shares; each is also a {@code tia.*} property, the same keys the CLI and the JUnit
 * extension read, and together they become one {@link TiaConfig}.
 */
abstract class AbstractTiaMojo extends AbstractMojo {

    /** Turns selection on: without it, tests run as they always do. */
    @Parameter(property = "tia.affected", defaultValue = "false")
    boolean affected;

    /** What the change is measured against (a ref); default: the merge-base with origin/main, else main/master. */
    @Parameter(property = "tia.base")
    String base;

    /** The changed state (a ref); default: the working tree, including staged, unstaged and untracked files. */
    @Parameter(property = "tia.head")
    String head;

    /**
     * {@code quick} (affected tests, e2e left out), {@code affected} (all tags), {@code all} (every test) or
     * {@code observe} (every test runs; the report says what quick would have skipped, and whether any of it failed).
     */
    @Parameter(property = "tia.mode", defaultValue = "quick")
    String mode;

    /** Comma-separated tags left out in quick mode. */
    @Parameter(property = "tia.excludeTags", defaultValue = "e2e")
    String excludeTags;

    /** Where reports go, relative to the top-level project. */
    @Parameter(property = "tia.reportDir", defaultValue = "target/tia")
    String reportDir;

    /** Whether a change to an implementation affects users of the interfaces it implements. */
    @Parameter(property = "tia.implementations", defaultValue = "true")
    boolean implementations;

    /** Run only shard {@code i} of {@code N} of the selected tests ({@code 2/4}), balanced by past durations. */
    @Parameter(property = "tia.shard")
    String shard;

    /** A folder of Surefire/Failsafe reports whose durations balance the shards; give every shard job the same. */
    @Parameter(property = "tia.durations")
    String durations;

    /** {@code member} (default: edits inside method bodies narrowed to the tests reaching them), {@code class} or {@code file}. */
    @Parameter(property = "tia.precision", defaultValue = "member")
    String precision;

    /** Where the index of parsed files is kept, relative to the top-level project (keep it in a CI cache). */
    @Parameter(property = "tia.cacheDir", defaultValue = ".tia/cache")
    String cacheDir;

    /** Fail the build when tia cannot analyse the change, instead of running every test with a warning. */
    @Parameter(property = "tia.failOnError", defaultValue = "false")
    boolean failOnError;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** The folder of the whole build: where {@code .mvn} is, or where mvn was started. */
    Path buildRoot() {
        File dir = session.getRequest().getMultiModuleProjectDirectory();
        return dir != null ? dir.toPath() : Path.of(session.getExecutionRootDirectory());
    }

    /** The configuration for the engine; Maven already resolved each parameter from its property or default. */
    TiaConfig config() {
        Map<String, String> explicit = new LinkedHashMap<>();
        explicit.put(ConfigKey.AFFECTED.key(), String.valueOf(affected));
        put(explicit, ConfigKey.BASE, base);
        put(explicit, ConfigKey.HEAD, head);
        put(explicit, ConfigKey.MODE, mode);
        put(explicit, ConfigKey.EXCLUDE_TAGS, excludeTags);
        put(explicit, ConfigKey.REPORT_DIR, reportDir);
        put(explicit, ConfigKey.SHARD, shard);
        put(explicit, ConfigKey.DURATIONS, durations);
        put(explicit, ConfigKey.CACHE_DIR, cacheDir);
        put(explicit, ConfigKey.PRECISION, precision);
        explicit.put(ConfigKey.IMPLEMENTATIONS.key(), String.valueOf(implementations));
        explicit.put(ConfigKey.FAIL_ON_ERROR.key(), String.valueOf(failOnError));
        // User properties (-D) are checked for unknown tia.* keys: a typo must not silently switch tia off.
        Properties userProperties = session.getUserProperties();
        return TiaConfig.resolve(buildRoot(), explicit, userProperties);
    }

    private static void put(Map<String, String> explicit, ConfigKey key, String value) {
        if (value != null && !value.isBlank()) {
            explicit.put(key.key(), value);
        }
    }
}
