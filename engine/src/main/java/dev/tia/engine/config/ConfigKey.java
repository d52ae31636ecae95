package dev.tia.engine.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every configuration key tia understands, the one table that all faces share. */
public enum ConfigKey {
    /** {@value #AFFECTED_KEY}: turn selection on in the Maven plugin and JUnit extension. */
    AFFECTED(ConfigKey.AFFECTED_KEY, "false", "turn selection on in the Maven plugin and the JUnit extension"),
    BASE("tia.base", "", "what the change is measured against (default: merge-base with origin/main, else main/master)"),
    HEAD("tia.head", "", "the changed state (default: the working tree, including staged, unstaged and untracked files)"),
    MODE("tia.mode", "quick",
            "quick (affected, e2e excluded), affected (affected, all tags), all (every test), observe (every test runs; reports what quick would skip)"),
    EXCLUDE_TAGS("tia.excludeTags", "e2e", "comma-separated tags left out in quick mode"),
    REPORT_DIR("tia.reportDir", "target/tia", "where reports go, relative to the project directory"),
    IMPLEMENTATIONS("tia.implementations", "true",
            "a change to an implementation affects users of the types it implements (DI, ServiceLoader)"),
    FAIL_ON_ERROR("tia.failOnError", "false",
            "fail the build when tia cannot analyse the change, instead of running every test with a warning"),
    SELECTION_FILE("tia.selectionFile", "",
            "a JSON report (schema v1) to take the selection from instead of analysing again (set by the Maven plugin)"),
    PROJECT_DIR("tia.projectDir", "", "the module or project folder whose tests run (default: the working directory)"),
    PRECISION("tia.precision", "member",
            "member: an edit inside method bodies selects the tests that can reach those methods, and a dependency bump"
                    + " only modules that have the artifact (Maven plugin); class: neither; file: even a comment-only edit counts"),
    SHARD("tia.shard", "", "run only shard i of N of the selected tests (2/4)"),
    DURATIONS("tia.durations", "",
            "a folder of Surefire/Failsafe reports whose durations balance shards (by count without); give every shard job the same"),
    CACHE_DIR("tia.cacheDir", ".tia/cache",
            "where the index of parsed files is kept, relative to the project folder (keep it in a CI cache); empty: none"),
    EXPLAIN("tia.explain", "", "mvn tia:explain: the test class or changed file to explain");

    static final String AFFECTED_KEY = "tia.affected";

    /** The prefix that marks a property as tia's; unknown keys with it are rejected. */
    public static final String PREFIX = "tia.";

    private final String key;
    private final String defaultValue;
    private final String description;

    ConfigKey(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public static Optional<ConfigKey> forKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    /** The valid keys, for error messages. */
    public static String validKeys() {
        return Arrays.stream(values()).map(ConfigKey::key).collect(Collectors.joining(", "));
    }
}
