package dev.tia.engine.cli;

import dev.tia.engine.TiaEngine;
import dev.tia.engine.TiaException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code bin/tia}: the command-line face of the engine. */
@Command(name = "tia",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Test impact analysis for Java: which tests can a git change affect, and why.", ""},
        subcommands = {AffectedCommand.class, ExplainCommand.class, ServicesCommand.class, ShardsCommand.class, BacktestCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success (whatever is selected), 1 failure, 2 usage error.",
                "Docs: README.md in the tia repository."})
public final class TiaCli implements Runnable {

    /** The commands that analyse a change; only they need the engine prepared. */
    private static final Set<String> ANALYSES = Set.of("affected", "explain", "services", "shards", "backtest");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The environment the commands see ({@code GITHUB_OUTPUT}, {@code GITHUB_STEP_SUMMARY}). */
    final Map<String, String> environment;

    private TiaCli(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        if (args.length > 0 && ANALYSES.contains(args[0])) {
            TiaEngine.prepare(); // overlaps with reading the arguments, which takes picocli ~80 ms in a fresh JVM
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv()));
    }

    /** Runs the CLI with the given streams and the process environment; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System.getenv());
    }

    /** Runs the CLI with the given streams and environment and returns the exit code (for tests and embedding). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(new TiaCli(environment));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
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
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
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
