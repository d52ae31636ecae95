package dev.tia.engine.cli;

import dev.tia.engine.config.TiaConfig;
import dev.tia.engine.config.TiaConfigException;
import dev.tia.engine.report.ListFormat;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The command lines CI steps and scripts write ({@code tia affected --repo x --base main --format json}), read without
 * picocli. picocli reads a command's options through reflection over their annotations, and with its own start that
 * took 60-70 ms of a fresh JVM: 30-40 ms of a warm run's wall clock at 10k and at 50k classes alike.
 *
 * <p>It reads a part of picocli's grammar for {@code affected} and {@code services}: options by their full names, each
 * at most once, with their value after {@code =} or as the next argument. Everything else is left to picocli, which
 * then reads the whole command line and gives its help and its errors: help and version, an unknown or repeated
 * option, a value that is empty or starts with {@code -} (picocli may take it for an option), {@code --}, an argument
 * file ({@code @file}), a value picocli or the configuration would reject. So this never reports an error of its own,
 * and where it reads a command line it gives the command what picocli would ({@code PlainCommandLineTest} holds the
 * two to that).
 */
final class PlainCommandLine {

    /** The options every analysis shares ({@link AnalysisOptions}), which take a value. */
    private static final Set<String> SHARED_VALUED = Set.of("--repo", "--base", "--head", "--mode", "--exclude-tags",
            "--report-dir", "--precision");
    private static final Set<String> AFFECTED_VALUED = union(SHARED_VALUED, Set.of("--format", "--junit-xml"));
    private static final Set<String> AFFECTED_FLAGS = Set.of("--no-implementations", "--no-write", "--timings", "--verbose");
    private static final Set<String> SERVICES_VALUED = union(SHARED_VALUED, Set.of("--format"));
    private static final Set<String> SERVICES_FLAGS = Set.of("--no-implementations");

    private PlainCommandLine() {
    }

    /**
     * A command ready to run, with its options read.
     *
     * @param command the command's object, as picocli would have filled it (for tests)
     */
    record Prepared(Object command, Run run) {
    }

    /** Runs a command whose options are read, printing to {@code out} and {@code err}; returns the exit code. */
    interface Run {
        int run(PrintWriter out, PrintWriter err);
    }

    /** The command {@code args} name with its options, or empty when picocli is to read them. */
    static Optional<Prepared> read(String[] args, TiaCli cli) {
        if (args.length == 0) {
            return Optional.empty();
        }
        return switch (args[0]) {
            case "affected" -> options(args, AFFECTED_VALUED, AFFECTED_FLAGS).flatMap(options -> affected(options, cli));
            case "services" -> options(args, SERVICES_VALUED, SERVICES_FLAGS).flatMap(options -> services(options, cli));
            default -> Optional.empty();
        };
    }

    /** The option names read for {@code command} (for the test that every option of picocli's model is among them). */
    static Set<String> optionNames(String command) {
        return switch (command) {
            case "affected" -> union(union(AFFECTED_VALUED, AFFECTED_FLAGS), Set.of("-v"));
            case "services" -> union(SERVICES_VALUED, SERVICES_FLAGS);
            default -> Set.of();
        };
    }

    /**
     * The options after the command, by full name ({@code -v} is {@code --verbose}); a flag's value is {@code ""}.
     * Empty when an argument is not one this reads.
     */
    private static Optional<Map<String, String>> options(String[] args, Set<String> valued, Set<String> flags) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String name;
            String value;
            int equals = arg.indexOf('=');
            if (arg.equals("-v") && flags.contains("--verbose")) {
                name = "--verbose";
                value = "";
            } else if (flags.contains(arg)) {
                name = arg;
                value = "";
            } else if (equals > 0 && valued.contains(arg.substring(0, equals))) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            } else if (valued.contains(arg) && i + 1 < args.length) {
                name = arg;
                value = args[++i];
            } else {
                return Optional.empty();
            }
            boolean flag = flags.contains(name);
            if (!flag && (value.isEmpty() || value.startsWith("-") || value.startsWith("@"))) {
                return Optional.empty();
            }
            if (options.put(name, value) != null) {
                return Optional.empty(); // picocli says an option was given twice
            }
        }
        return Optional.of(options);
    }

    private static Optional<Prepared> affected(Map<String, String> options, TiaCli cli) {
        AffectedCommand command = new AffectedCommand();
        command.cli = cli;
        command.options = new AnalysisOptions();
        Optional<AffectedCommand.OutputFormat> format = Arrays.stream(AffectedCommand.OutputFormat.values())
                .filter(f -> f.name().equals(options.getOrDefault("--format", "text"))).findFirst();
        if (format.isEmpty()) {
            return Optional.empty(); // picocli says which formats there are
        }
        command.format = format.get();
        command.verbose = options.containsKey("--verbose");
        command.noWrite = options.containsKey("--no-write");
        command.timings = options.containsKey("--timings");
        if (options.containsKey("--junit-xml")) {
            Optional<Path> junitXml = path(options.get("--junit-xml"));
            if (junitXml.isEmpty()) {
                return Optional.empty();
            }
            command.junitXml = junitXml.get();
        }
        return config(command.options, options)
                .map(config -> new Prepared(command, (out, err) -> command.run(config, out, err)));
    }

    private static Optional<Prepared> services(Map<String, String> options, TiaCli cli) {
        ServicesCommand command = new ServicesCommand();
        command.cli = cli;
        command.options = new AnalysisOptions();
        command.format = options.getOrDefault("--format", "text");
        ListFormat format;
        try {
            format = ListFormat.parse(command.format);
        } catch (TiaConfigException e) {
            return Optional.empty();
        }
        return config(command.options, options)
                .map(config -> new Prepared(command, (out, err) -> command.run(config, format, out, err)));
    }

    /** Fills the shared options and resolves them; empty when the configuration rejects them (a usage error). */
    private static Optional<TiaConfig> config(AnalysisOptions shared, Map<String, String> options) {
        Optional<Path> repo = path(options.getOrDefault("--repo", "."));
        if (repo.isEmpty()) {
            return Optional.empty();
        }
        shared.repo = repo.get();
        shared.base = options.get("--base");
        shared.head = options.get("--head");
        shared.mode = options.get("--mode");
        shared.excludeTags = options.get("--exclude-tags");
        shared.reportDir = options.get("--report-dir");
        shared.precision = options.get("--precision");
        shared.noImplementations = options.containsKey("--no-implementations");
        try {
            return Optional.of(shared.resolve());
        } catch (TiaConfigException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> path(String value) {
        try {
            return Optional.of(Path.of(value));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return Set.copyOf(union);
    }
}
