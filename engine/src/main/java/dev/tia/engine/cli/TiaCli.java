package dev.tia.engine.cli;

import dev.tia.engine.TiaEngine;
import dev.tia.engine.TiaException;
import dev.tia.engine.config.ConfigKey;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** {@code bin/tia}: the command-line face of the engine. */
@Command(name = "tia",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Test impact analysis for Java: which tests can a git change affect, and why.", ""},
        footer = {"", "Exit codes: 0 success (whatever is selected), 1 failure, 2 usage error.",
                "Docs: README.md in the tia repository."})
public final class TiaCli implements Runnable {

    /**
     * The commands that analyse a change, in the order help lists them. Made when the command line is: picocli reads
     * each one's options through reflection, and those not named cost about 7 ms of a fresh JVM (see
     * {@link #commandLine}).
     */
    private static final Map<String, Supplier<Object>> ANALYSES = orderedAnalyses();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The environment the commands see ({@code GITHUB_OUTPUT}, {@code GITHUB_STEP_SUMMARY}). */
    final Map<String, String> environment;

    TiaCli(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        if (args.length > 0 && ANALYSES.containsKey(args[0])) {
            // Overlaps with reading the arguments (60-100 ms of a fresh JVM when picocli reads them) and the engine's start.
            Optional<Path> workingTree = workingTreeFolder(args);
            if (workingTree.isPresent()) {
                TiaEngine.prepare(workingTree.get(), baseNamed(args));
            } else {
                commitFolder(args).ifPresentOrElse(dir -> TiaEngine.prepareCommit(dir, baseNamed(args)), TiaEngine::prepare);
            }
        }
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv());
        if ("1".equals(System.getenv("TIA_CDS_TRAINING"))) {
            ArchiveTraining.runQuietly(); // bin/tia makes its class-data archive as this process exits: see there
        }
        System.exit(code);
    }

    /** Runs the CLI with the given streams and the process environment; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System.getenv());
    }

    /** Runs the CLI with the given streams and environment and returns the exit code (for tests and embedding). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        TiaCli cli = new TiaCli(environment);
        Optional<PlainCommandLine.Prepared> plain = PlainCommandLine.read(args, cli);
        int code;
        if (plain.isPresent()) {
            try {
                code = plain.get().run().run(out, err);
            } catch (Exception e) {
                code = failed(e, err);
            }
        } else {
            CommandLine commandLine = commandLine(cli, args);
            commandLine.setOut(out);
            commandLine.setErr(err);
            commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> failed(exception, err));
            code = commandLine.execute(args);
        }
        out.flush();
        err.flush();
        return code;
    }

    /** A command's failure as one line (the stack trace too with {@code TIA_DEBUG}); exit code 1. */
    private static int failed(Exception exception, PrintWriter err) {
        if (exception instanceof TiaException) {
            err.println("tia: error: " + exception.getMessage());
        } else {
            err.println("tia: internal error: " + exception
                    + (System.getenv("TIA_DEBUG") == null ? " (set TIA_DEBUG=1 for details; please report it)" : ""));
            if (System.getenv("TIA_DEBUG") != null) {
                exception.printStackTrace(err);
            }
        }
        err.flush();
        return 1;
    }

    /**
     * The command line for {@code args}: with only the command they name when it is an analysis, since every other
     * one's model would be made for nothing; with every command otherwise ({@code tia --help}, {@code tia help X}, a
     * misspelt command, which picocli then suggests the right one for).
     */
    static CommandLine commandLine(TiaCli cli, String[] args) {
        CommandLine commandLine = new CommandLine(cli);
        String named = args.length > 0 ? args[0] : "";
        ANALYSES.forEach((name, command) -> {
            if (!ANALYSES.containsKey(named) || named.equals(name)) {
                commandLine.addSubcommand(name, command.get());
            }
        });
        commandLine.addSubcommand("help", new CommandLine.HelpCommand());
        return commandLine;
    }

    /**
     * The base the command line names ({@code --base}, else the {@code tia.base} system property), for the engine's
     * start; empty for the default base. A value picocli later rejects only made the start ask git about it.
     */
    static Optional<String> baseNamed(String[] args) {
        String base = null;
        for (int i = 1; i < args.length && !args[i].equals("--"); i++) {
            if (args[i].equals("--base") && i + 1 < args.length) {
                base = args[i + 1];
            } else if (args[i].startsWith("--base=")) {
                base = args[i].substring("--base=".length());
            }
        }
        if (base == null) {
            base = System.getProperty(ConfigKey.BASE.key(), "");
        }
        return base.isBlank() ? Optional.empty() : Optional.of(base);
    }

    /**
     * The folder an analysis of the working tree looks at, read from the arguments before picocli reads them: the one
     * {@code --repo} names, else the current one; none when {@code --head} names a commit (no working tree) or for
     * {@code backtest}, which replays commits. A wrong guess costs a status nobody takes, never a result.
     */
    static Optional<Path> workingTreeFolder(String[] args) {
        return FolderArguments.read(args).filter(found -> !found.head() && !found.endOfOptions()).flatMap(FolderArguments::folder);
    }

    /**
     * The folder an analysis of a commit ({@code --head}) looks at, read from the arguments as {@link #workingTreeFolder}
     * reads them; none for other runs and for {@code backtest}.
     */
    static Optional<Path> commitFolder(String[] args) {
        return FolderArguments.read(args).filter(FolderArguments::head).flatMap(FolderArguments::folder);
    }

    /**
     * What the arguments of an analysis say of its folder, read ahead of picocli up to {@code --}: the repository
     * named, whether a head commit is named, whether {@code --} ends the options.
     */
    private record FolderArguments(String repo, boolean head, boolean endOfOptions) {
        /** Empty without a command, and for {@code backtest}, which replays commits of its own. */
        static Optional<FolderArguments> read(String[] args) {
            if (args.length == 0 || args[0].equals("backtest")) {
                return Optional.empty();
            }
            String repo = ".";
            boolean head = false;
            for (int i = 1; i < args.length; i++) {
                if (args[i].equals("--")) {
                    return Optional.of(new FolderArguments(repo, head, true));
                }
                head |= args[i].equals("--head") || args[i].startsWith("--head=");
                if (args[i].equals("--repo") && i + 1 < args.length) {
                    repo = args[i + 1];
                } else if (args[i].startsWith("--repo=")) {
                    repo = args[i].substring("--repo=".length());
                }
            }
            return Optional.of(new FolderArguments(repo, head, false));
        }

        Optional<Path> folder() {
            try {
                return Optional.of(Path.of(repo));
            } catch (InvalidPathException e) {
                return Optional.empty(); // picocli reports it
            }
        }
    }

    private static Map<String, Supplier<Object>> orderedAnalyses() {
        Map<String, Supplier<Object>> analyses = new LinkedHashMap<>();
        analyses.put("affected", AffectedCommand::new);
        analyses.put("explain", ExplainCommand::new);
        analyses.put("services", ServicesCommand::new);
        analyses.put("shards", ShardsCommand::new);
        analyses.put("backtest", BacktestCommand::new);
        return Collections.unmodifiableMap(analyses);
    }

    /** The file an environment variable names, if it is set (GitHub's output and summary files). */
    Optional<Path> fileFromEnvironment(String variable) {
        return Optional.ofNullable(environment.get(variable)).filter(v -> !v.isBlank()).map(Path::of);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
