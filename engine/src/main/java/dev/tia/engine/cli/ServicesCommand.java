package dev.tia.engine.cli;

import dev.tia.engine.Analysis;
import dev.tia.engine.TiaEngine;
import dev.tia.engine.config.TiaConfig;
import dev.tia.engine.config.TiaConfigException;
import dev.tia.engine.report.GithubOutputs;
import dev.tia.engine.report.ListFormat;
import dev.tia.engine.report.ServicesReport;
import dev.tia.engine.select.ServiceResult;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code tia services}: the services a change affects, for a build-and-deploy matrix. */
@Command(name = "services", mixinStandardHelpOptions = true,
        description = {"List the services the change affects: directly (a file in the service changed) or through",
                "module dependencies. Services are Maven modules, folders declared in tia.yaml, and folders with a",
                "Dockerfile."})
final class ServicesCommand implements Callable<Integer> {

    @Mixin
    AnalysisOptions options;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json, or github-matrix ({\"include\":[{\"service\":...,\"path\":...}]}).")
    String format;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    TiaCli cli;

    @Override
    public Integer call() {
        ListFormat chosen;
        try {
            chosen = ListFormat.parse(format);
        } catch (TiaConfigException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        return run(options.toConfig(), chosen, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** The command with its options read, by picocli or by {@link PlainCommandLine}. */
    int run(TiaConfig config, ListFormat chosen, PrintWriter out, PrintWriter err) {
        Analysis analysis = new TiaEngine(ConsoleProgress.forTerminal(err)).analyze(config);
        if (chosen == ListFormat.TEXT) {
            if (analysis.selection().services().isEmpty()) {
                out.println("No service is affected.");
            }
            for (ServiceResult service : analysis.selection().services()) {
                out.println(service.name() + "\t" + (service.path().isEmpty() ? "." : service.path()) + "\t"
                        + (service.direct() ? "direct" : "indirect") + "\t" + service.reason());
            }
        } else {
            out.println(ServicesReport.render(analysis.selection(), chosen));
        }
        // In GitHub Actions: services, services_count, any_service and matrix as step outputs.
        cli.fileFromEnvironment("GITHUB_OUTPUT").ifPresent(file -> GithubOutputs.append(analysis.selection(), file));
        return 0;
    }
}
