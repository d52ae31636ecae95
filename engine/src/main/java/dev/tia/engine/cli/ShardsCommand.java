package dev.tia.engine.cli;

import com.google.common.collect.ImmutableList;

import dev.tia.engine.Analysis;
import dev.tia.engine.TiaEngine;
import dev.tia.engine.config.ConfigKey;
import dev.tia.engine.config.TiaConfig;
import dev.tia.engine.config.TiaConfigException;
import dev.tia.engine.report.ListFormat;
import dev.tia.engine.report.ShardsReport;
import dev.tia.engine.select.Shards;
import dev.tia.engine.select.TestDurations;
import dev.tia.engine.select.TestResult;
import dev.tia.engine.select.TestStatus;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tia shards}: the selected tests split into balanced groups, for a CI matrix. */
@Command(name = "shards", mixinStandardHelpOptions = true,
        description = {"Split the selected test classes into N shards of about equal run time, using durations from the",
                "Surefire/Failsafe reports given with --durations (by count without). Run shard i with",
                "-Dtia.shard=i/N (Maven plugin, JUnit extension), with the same -Dtia.durations in every shard job."})
final class ShardsCommand implements Callable<Integer> {

    @Mixin
    AnalysisOptions options;

    @Option(names = "--count", paramLabel = "N", required = true, description = "How many shards.")
    int count;

    @Option(names = "--durations", paramLabel = "DIR",
            description = "A folder of Surefire/Failsafe reports (searched recursively) whose durations balance the shards;"
                    + " pass the same to every shard job (-Dtia.durations=DIR). Without it shards are balanced by count.")
    String durations;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json, or github-matrix ({\"include\":[{\"shard\":1,\"of\":N,...}]}).")
    String format;

    @Spec
    CommandSpec spec;

    @CommandLine.ParentCommand
    TiaCli cli;

    @Override
    public Integer call() {
        if (count < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--count must be at least 1");
        }
        ListFormat chosen;
        try {
            chosen = ListFormat.parse(format);
        } catch (TiaConfigException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        TiaConfig config = durations == null ? options.toConfig() : options.toConfig().with(ConfigKey.DURATIONS, durations);
        Analysis analysis = new TiaEngine(ConsoleProgress.forTerminal(spec.commandLine().getErr())).analyze(config);
        List<String> selected = analysis.selection().tests().stream().filter(t -> t.status() == TestStatus.SELECTED)
                .map(TestResult::className).sorted().toList();
        List<Shards.Shard> shards = Shards.split(selected, TestDurations.configured(config), count);
        PrintWriter out = spec.commandLine().getOut();
        out.println(ShardsReport.render(ImmutableList.copyOf(shards), chosen));
        cli.fileFromEnvironment("GITHUB_OUTPUT").ifPresent(file -> ShardsReport.appendGithubOutput(shards, file));
        return 0;
    }
}
