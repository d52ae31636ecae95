package dev.tia.engine.cli;

import dev.tia.engine.Analysis;
import dev.tia.engine.TiaEngine;
import dev.tia.engine.TiaException;
import dev.tia.engine.select.ChangedFile;
import dev.tia.engine.select.TestResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code tia explain}: why a test runs or not, or what a changed file affects. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain one decision: for a test class (full or simple name), its status and the chain from",
                "the change to it; for a changed file, every test it affects and through what."})
final class ExplainCommand implements Callable<Integer> {

    @Mixin
    AnalysisOptions options;

    @Parameters(paramLabel = "TEST_OR_FILE", description = "A test class name or a changed file path (relative to the repository root).")
    String target;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Analysis analysis = new TiaEngine(ConsoleProgress.forTerminal(spec.commandLine().getErr())).analyze(options.toConfig());
        PrintWriter out = spec.commandLine().getOut();
        String path = target.replace('\\', '/');
        List<ChangedFile> files = analysis.selection().changedFiles().stream()
                .filter(f -> f.path().equals(path) || f.oldPath().filter(path::equals).isPresent()).toList();
        if (!files.isEmpty()) {
            ChangedFile file = files.get(0);
            out.println(file.path() + " (" + file.change().name().toLowerCase() + "): "
                    + file.effect().name().toLowerCase().replace('_', ' ') + ": " + file.description());
            List<String> chains = analysis.chainsFrom(path);
            if (chains.isEmpty()) {
                out.println("  affects no test class" + (analysis.selection().runAll() ? " by itself (all tests run for other reasons)" : ""));
            }
            chains.forEach(c -> out.println("  " + c));
            return 0;
        }
        List<TestResult> tests = analysis.testsNamed(target);
        if (tests.isEmpty()) {
            throw new TiaException("'" + target + "' is neither a test class tia knows nor a changed file; changed files: "
                    + (analysis.selection().changedFiles().isEmpty() ? "none"
                            : analysis.selection().changedFiles().stream().map(ChangedFile::path).collect(Collectors.joining(", "))));
        }
        for (TestResult test : tests) {
            out.println(test.className() + " (" + test.module() + "): " + test.status());
            out.println("  " + test.reason());
        }
        return 0;
    }
}
