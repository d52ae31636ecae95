package dev.tia.engine.cli;

import dev.tia.engine.Backtest;
import dev.tia.engine.TiaEngine;
import dev.tia.engine.config.ConfigKey;
import dev.tia.engine.config.TiaConfig;
import dev.tia.engine.report.BacktestReport;
import dev.tia.engine.select.TestDurations;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code tia backtest}: what tia would have selected for each of the last commits. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Replay the last N first-parent commits, each against its parent, and report per commit the changed",
                "files, the selected and total test classes, any run-all reason and (with --durations) the estimated",
                "test time; then the median selected share and the share of pushes within --budget."})
final class BacktestCommand implements Callable<Integer> {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(s|m|h)?");

    @Mixin
    AnalysisOptions options;

    @Option(names = "--commits", paramLabel = "N", defaultValue = "50", description = "How many commits to replay (default 50).")
    int commits;

    @Option(names = "--budget", paramLabel = "TIME", description = "The time a quick run should fit in: 90s, 3m, 1h.")
    String budget;

    @Option(names = "--durations", paramLabel = "DIR", description = "A folder of Surefire/Failsafe reports for the time estimates.")
    String durations;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default), json or markdown.")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (commits < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--commits must be at least 1");
        }
        if (!List.of("text", "json", "markdown").contains(format)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown format '" + format + "': use text, json or markdown");
        }
        Optional<Double> budgetSeconds = Optional.ofNullable(budget).map(this::seconds);
        TiaConfig config = durations == null ? options.toConfig() : options.toConfig().with(ConfigKey.DURATIONS, durations);
        TiaEngine engine = new TiaEngine();
        List<Backtest.Row> rows = new Backtest(engine).run(config, commits, TestDurations.configured(config),
                ConsoleProgress.forTerminal(spec.commandLine().getErr()));
        BacktestReport.Aggregate aggregate = BacktestReport.aggregate(rows, budgetSeconds);
        spec.commandLine().getOut().print(switch (format) {
            case "json" -> BacktestReport.json(rows, aggregate) + "\n";
            case "markdown" -> BacktestReport.markdown(rows, aggregate);
            default -> BacktestReport.text(rows, aggregate);
        });
        return 0;
    }

    private double seconds(String text) {
        Matcher matcher = DURATION.matcher(text.trim());
        if (!matcher.matches()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--budget must look like 90s, 3m or 1h, not '" + text + "'");
        }
        double value = Double.parseDouble(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
            case "m" -> value * 60;
            case "h" -> value * 3600;
            default -> value;
        };
    }
}
