package dev.tia.engine.cli;

import dev.tia.engine.config.ConfigKey;
import dev.tia.engine.config.TiaConfig;
import dev.tia.engine.config.TiaConfigException;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Options every command shares; they become one {@link TiaConfig}. */
final class AnalysisOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
            description = "Project folder inside a git repository (default: current folder).")
    Path repo;

    @Option(names = "--base", paramLabel = "REF",
            description = "What the change is measured against (default: merge-base with origin/main, else main, origin/master, master).")
    String base;

    @Option(names = "--head", paramLabel = "REF",
            description = "The changed state (default: the working tree: committed, staged, unstaged and untracked files).")
    String head;

    @Option(names = "--mode", paramLabel = "MODE",
            description = "quick (affected, e2e excluded; default), affected (affected, all tags), all (every test).")
    String mode;

    @Option(names = "--exclude-tags", paramLabel = "TAGS", description = "Comma-separated tags left out in quick mode (default: e2e).")
    String excludeTags;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "Where reports are written, relative to --repo (default: target/tia).")
    String reportDir;

    @Option(names = "--precision", paramLabel = "LEVEL",
            description = "member (default: an edit inside method bodies selects the tests that can reach those methods),"
                    + " class (any edit of a type selects all its users), file (even a comment-only edit counts).")
    String precision;

    @Option(names = "--no-implementations", negatable = false,
            description = "Do not treat a change to an implementation as affecting users of its interfaces.")
    boolean noImplementations;

    TiaConfig toConfig() {
        try {
            return resolve();
        } catch (TiaConfigException e) {
            // A bad option value is a usage error (exit 2), reported with the command's usage hint.
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** The configuration these options give, with the system properties and {@code tia.yaml}'s. */
    TiaConfig resolve() {
        Map<String, String> explicit = new LinkedHashMap<>();
        put(explicit, ConfigKey.BASE, base);
        put(explicit, ConfigKey.HEAD, head);
        put(explicit, ConfigKey.MODE, mode);
        put(explicit, ConfigKey.EXCLUDE_TAGS, excludeTags);
        put(explicit, ConfigKey.REPORT_DIR, reportDir);
        put(explicit, ConfigKey.PRECISION, precision);
        if (noImplementations) {
            explicit.put(ConfigKey.IMPLEMENTATIONS.key(), "false");
        }
        return TiaConfig.resolve(repo, explicit, System.getProperties());
    }

    private static void put(Map<String, String> explicit, ConfigKey key, String value) {
        if (value != null) {
            explicit.put(key.key(), value);
        }
    }
}
