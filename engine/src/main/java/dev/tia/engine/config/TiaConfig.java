package dev.tia.engine.config;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The one immutable configuration that every face builds and hands to the engine.
 *
 * <p>Values resolve as explicit (CLI option, mojo parameter, launcher parameter) over system property over
 * default; {@link #origin(ConfigKey)} records which one won. Unknown {@code tia.*} keys are rejected so that a
 * typo never silently turns a setting off.
 */
public final class TiaConfig {

    private final Path projectDir;
    private final ImmutableMap<ConfigKey, String> values;
    private final ImmutableMap<ConfigKey, ValueOrigin> origins;

    private TiaConfig(Path projectDir, Map<ConfigKey, String> values, Map<ConfigKey, ValueOrigin> origins) {
        this.projectDir = projectDir;
        this.values = ImmutableMap.copyOf(values);
        this.origins = ImmutableMap.copyOf(origins);
        mode(); // validate eagerly: a bad value is reported before any work starts
        implementations();
        shard();
        precision();
    }

    /** Defaults only, for {@code projectDir}. */
    public static TiaConfig defaults(Path projectDir) {
        return resolve(projectDir, Map.of(), new Properties());
    }

    /**
     * Resolves every key from the explicit values (by key name, e.g. {@code tia.mode}) and the system properties.
     *
     * @throws TiaConfigException on an unknown {@code tia.*} key or an invalid value
     */
    public static TiaConfig resolve(Path projectDir, Map<String, String> explicit, Properties systemProperties) {
        rejectUnknownKeys(explicit.keySet(), "option");
        rejectUnknownKeys(systemProperties.stringPropertyNames(), "system property");
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        Map<ConfigKey, ValueOrigin> origins = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            String fromExplicit = explicit.get(key.key());
            String fromSystem = systemProperties.getProperty(key.key());
            if (fromExplicit != null) {
                values.put(key, fromExplicit);
                origins.put(key, ValueOrigin.EXPLICIT);
            } else if (fromSystem != null) {
                values.put(key, fromSystem);
                origins.put(key, ValueOrigin.SYSTEM_PROPERTY);
            } else {
                values.put(key, key.defaultValue());
                origins.put(key, ValueOrigin.DEFAULT);
            }
        }
        return new TiaConfig(projectDir.toAbsolutePath().normalize(), values, origins);
    }

    private static void rejectUnknownKeys(Iterable<String> keys, String source) {
        for (String key : keys) {
            if (key.startsWith(ConfigKey.PREFIX) && ConfigKey.forKey(key).isEmpty()) {
                throw new TiaConfigException("unknown " + source + " '" + key + "': valid keys are "
                        + ConfigKey.validKeys());
            }
        }
    }

    /** A copy with {@code key} set explicitly. */
    public TiaConfig with(ConfigKey key, String value) {
        Map<ConfigKey, String> newValues = new EnumMap<>(values);
        Map<ConfigKey, ValueOrigin> newOrigins = new EnumMap<>(origins);
        newValues.put(key, value);
        newOrigins.put(key, ValueOrigin.EXPLICIT);
        return new TiaConfig(projectDir, newValues, newOrigins);
    }

    /** A copy for another project folder (the JUnit extension runs in a module but analyses the reactor). */
    public TiaConfig withProjectDir(Path dir) {
        return new TiaConfig(dir.toAbsolutePath().normalize(), values, origins);
    }

    /** The directory holding the project (the repository root or a folder inside it). */
    public Path projectDir() {
        return projectDir;
    }

    public String value(ConfigKey key) {
        return values.get(key);
    }

    public ValueOrigin origin(ConfigKey key) {
        return origins.get(key);
    }

    /** {@code tia.affected}: true, or present without a value ({@code -Dtia.affected} sets it empty in some tools). */
    public boolean affected() {
        String value = value(ConfigKey.AFFECTED).trim();
        return value.equalsIgnoreCase("true") || (value.isEmpty() && origin(ConfigKey.AFFECTED) != ValueOrigin.DEFAULT);
    }

    /** The base ref, or empty for the default (merge-base with origin/main, else main/master). */
    public Optional<String> base() {
        return nonBlank(ConfigKey.BASE);
    }

    /** The head ref, or empty for the working tree. */
    public Optional<String> head() {
        return nonBlank(ConfigKey.HEAD);
    }

    public Mode mode() {
        return Mode.parse(value(ConfigKey.MODE));
    }

    public ImmutableSet<String> excludeTags() {
        return ImmutableSet.copyOf(Splitter.on(',').trimResults().omitEmptyStrings().split(value(ConfigKey.EXCLUDE_TAGS)));
    }

    public Path reportDir() {
        return projectDir.resolve(value(ConfigKey.REPORT_DIR)).normalize();
    }

    public boolean implementations() {
        String value = value(ConfigKey.IMPLEMENTATIONS).trim();
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new TiaConfigException(ConfigKey.IMPLEMENTATIONS.key() + " must be true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    /** The folder of the persistent index, or empty when caching is off. */
    public Optional<Path> cacheDir() {
        return nonBlank(ConfigKey.CACHE_DIR).map(dir -> projectDir.resolve(dir).normalize());
    }

    /** How finely a Java edit is judged: member level (default), class level, or every edited file. */
    public Precision precision() {
        return Precision.parse(value(ConfigKey.PRECISION));
    }

    /** The shard to run ({@code tia.shard=2/4}), when the selected tests are split across CI jobs. */
    public Optional<ShardSpec> shard() {
        return nonBlank(ConfigKey.SHARD).map(ShardSpec::parse);
    }

    /**
     * The folder of test reports whose durations balance shards ({@code tia.durations}); empty: balance by count.
     * Never taken implicitly from the build folders: two shard jobs that saw different reports would split
     * differently and could each leave out a test the other ran.
     */
    public Optional<Path> durationsDir() {
        return nonBlank(ConfigKey.DURATIONS).map(dir -> projectDir.resolve(dir).normalize());
    }

    public boolean failOnError() {
        return Boolean.parseBoolean(value(ConfigKey.FAIL_ON_ERROR).trim());
    }

    /** A selection handed over by another face (the Maven plugin), to use instead of analysing again. */
    public Optional<Path> selectionFile() {
        return nonBlank(ConfigKey.SELECTION_FILE).map(f -> projectDir.resolve(f));
    }

    private Optional<String> nonBlank(ConfigKey key) {
        String value = value(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    @Override
    public String toString() {
        return "TiaConfig" + values + " in " + projectDir;
    }
}
