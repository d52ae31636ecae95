package dev.tia.engine.cli;

import dev.tia.engine.TiaException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code bin/tia}: the command-line face of the engine. */
@Command(name = "tia",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Test impact analysis for Java: which tests can a git change affect, and why.", ""},
        subcommands = {AffectedCommand.class, ExplainCommand.class, ServicesCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success (whatever is selected), 1 failure, 2 usage error.",
                "Docs: README.md in the tia repository."})
public final class TiaCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code (for tests and embedding). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new TiaCli());
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

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
