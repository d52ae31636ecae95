package dev.tia.engine.cli;

import dev.tia.engine.Analysis;
import dev.tia.engine.Background;
import dev.tia.engine.TiaEngine;
import dev.tia.engine.config.TiaConfig;
import dev.tia.engine.report.GithubOutputs;
import dev.tia.engine.report.JunitXmlReport;
import dev.tia.engine.report.ReportWriter;
import dev.tia.engine.report.JsonReport;
import dev.tia.engine.report.MarkdownReport;
import dev.tia.engine.report.TextReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;

/** {@code tia affected}: the main job. */
@Command(name = "affected", mixinStandardHelpOptions = true,
        description = {"List the test classes the change can affect (selected), those proven unaffected (skipped) and",
                "those affected but left out by tag (excluded), with the reason for each; write report.json and",
                "report.md to the report folder."})
final class AffectedCommand implements Callable<Integer> {

    @Mixin
    AnalysisOptions options;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json (schema v1) or markdown.")
    OutputFormat format;

    @Option(names = {"-v", "--verbose"}, description = "In text format, also list skipped tests.")
    boolean verbose;

    @Option(names = "--no-write", negatable = false, description = "Print only; do not write reports to the report folder.")
    boolean noWrite;

    @Option(names = "--junit-xml", paramLabel = "FILE",
            description = "Also write the tests left out as skipped JUnit XML test cases, for CI test dashboards.")
    Path junitXml;

    @picocli.CommandLine.ParentCommand
    TiaCli cli;

    @Option(names = "--timings", description = "Print how long each phase took (and peak heap) to stderr.")
    boolean timings;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return run(options.toConfig(), spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** The command with its options read, by picocli or by {@link PlainCommandLine}. */
    int run(TiaConfig config, PrintWriter out, PrintWriter err) {
        if (!noWrite || format == OutputFormat.json) {
            ReportWriter.prepare(); // beside the analysis
        }
        Analysis analysis = new TiaEngine(ConsoleProgress.forTerminal(err)).analyze(config);
        Optional<PeakHeap> peakHeap = timings ? Optional.of(PeakHeap.lookUp()) : Optional.empty(); // beside the report
        String output = switch (format) {
            case text -> TextReport.render(analysis.selection(), verbose);
            case json -> JsonReport.render(analysis.selection());
            case markdown -> MarkdownReport.render(analysis.selection());
        };
        out.print(output);
        if (timings) {
            err.println("tia: timings: " + analysis.timings() + ", peak heap " + peakHeap.get().megabytes() + " MB"
                    + "; files " + analysis.indexStats().files() + ", parsed " + analysis.indexStats().parsed()
                    + ", from index " + analysis.indexStats().cached() + " (" + analysis.factsDecoded() + " decoded)"
                    + "; text resources " + analysis.indexStats().textResources() + ", read " + analysis.indexStats().resourcesRead()
                    + "; names resolved " + analysis.resolutionStats().resolved()
                    + ", reused " + analysis.resolutionStats().reused()
                    + (analysis.headFromGitIndex() ? "; head commit from git's index" : "")
                    + (analysis.graphFromStore() || analysis.filesComparedWithStore() > 0
                            ? "; compared with the store " + analysis.filesComparedWithStore() : "")
                    + (analysis.graphFromStore() ? "; graph from store" : "")
                    + (analysis.graphPatchedFiles() > 0 ? ", patched with the references of " + analysis.graphPatchedFiles()
                            + (analysis.graphPatchedFiles() == 1 ? " file" : " files") : "")
                    + (analysis.graphPatchedResources() > 0 ? ", patched with the names of " + analysis.graphPatchedResources()
                            + (analysis.graphPatchedResources() == 1 ? " resource" : " resources") : ""));
        }
        if (junitXml != null) {
            JunitXmlReport.write(analysis.selection(), junitXml);
        }
        // In GitHub Actions the job summary gets the Markdown report, whatever the format printed; report.md is the same
        // text: made once (16.7k test classes at 50k), on another core while the rest is written.
        Optional<Path> stepSummary = cli.fileFromEnvironment("GITHUB_STEP_SUMMARY");
        CompletableFuture<String> markdown = stepSummary.isPresent() || !noWrite
                ? Background.run("tia-report-markdown", () -> MarkdownReport.render(analysis.selection()))
                : CompletableFuture.completedFuture("");
        try {
            if (!noWrite) {
                Path written = ReportWriter.write(analysis.selection(), config.reportDir(), markdown);
                if (format == OutputFormat.text) {
                    out.println();
                    out.println("Reports: " + written.resolve(ReportWriter.JSON_FILE) + ", "
                            + written.resolve(ReportWriter.MARKDOWN_FILE));
                }
            }
        } finally {
            // The job summary gets the report even when the report folder cannot be written.
            stepSummary.ifPresent(summary -> GithubOutputs.appendStepSummary(markdown.join(), summary));
        }
        return 0;
    }

    /** Output formats of {@code affected}. */
    enum OutputFormat { text, json, markdown }
}
