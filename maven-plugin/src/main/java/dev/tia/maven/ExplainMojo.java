package dev.tia.maven;

import dev.tia.engine.Analysis;
import dev.tia.engine.TiaEngine;
import dev.tia.engine.TiaException;
import dev.tia.engine.config.ConfigKey;
import dev.tia.engine.select.ChangedFile;
import dev.tia.engine.select.TestResult;

import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Explains one decision: {@code mvn tia:explain -Dtia.explain=CartServiceTest} prints the test's status and the
 * chain from the change to it; with a changed file's path, every test it affects.
 */
@Mojo(name = "explain", aggregator = true, threadSafe = true)
public class ExplainMojo extends AbstractTiaMojo {

    /** A test class (full or simple name) or a changed file (path from the repository root). */
    @Parameter(property = "tia.explain", required = true)
    String explain;

    @Override
    public void execute() throws MojoFailureException {
        Analysis analysis;
        try {
            analysis = new TiaEngine().analyze(config().with(ConfigKey.AFFECTED, "true"));
        } catch (TiaException e) {
            throw new MojoFailureException("tia: " + e.getMessage());
        }
        List<ChangedFile> files = analysis.selection().changedFiles().stream()
                .filter(f -> f.path().equals(explain) || f.oldPath().filter(explain::equals).isPresent()).toList();
        if (!files.isEmpty()) {
            getLog().info("tia: " + files.get(0).path() + ": " + files.get(0).description());
            List<String> chains = analysis.chainsFrom(explain);
            if (chains.isEmpty()) {
                getLog().info("tia:   affects no test class");
            }
            chains.forEach(chain -> getLog().info("tia:   " + chain));
            return;
        }
        List<TestResult> tests = analysis.testsNamed(explain);
        if (tests.isEmpty()) {
            throw new MojoFailureException("tia: '" + explain + "' is neither a test class tia knows nor a changed file");
        }
        for (TestResult test : tests) {
            getLog().info("tia: " + test.className() + " (" + test.module() + "): " + test.status());
            getLog().info("tia:   " + test.reason());
        }
    }
}
