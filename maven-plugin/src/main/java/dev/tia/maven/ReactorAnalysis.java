package dev.tia.maven;

import dev.tia.engine.Analysis;
import dev.tia.engine.TiaEngine;
import dev.tia.engine.config.TiaConfig;
import dev.tia.engine.report.ReportWriter;

import java.nio.file.Path;
import java.util.Optional;

import org.apache.maven.execution.MavenSession;
import org.eclipse.aether.SessionData;

/**
 * The analysis of the whole reactor, done once per build and shared by every module's {@code select}.
 *
 * <p>Kept in the resolver session's data, a public per-build store that every module of the build (and every
 * thread of {@code -T}) sees; nothing survives into the next build of a long-lived Maven daemon.
 */
final class ReactorAnalysis {

    private static final Object KEY = ReactorAnalysis.class.getName();

    /**
     * @param analysis the result, when tia could decide
     * @param failure why tia could not decide: every test runs
     * @param reportDir where report.json and report.md were written
     */
    record Outcome(Optional<Analysis> analysis, Optional<String> failure, Path reportDir) {
    }

    private ReactorAnalysis() {
    }

    /** The outcome for this build, analysing on first use. */
    static Outcome of(MavenSession session, TiaConfig config) {
        SessionData data = session.getRepositorySession().getData();
        synchronized (data) {
            Object existing = data.get(KEY);
            if (existing instanceof Outcome outcome) {
                return outcome;
            }
            Outcome outcome = analyze(config);
            data.set(KEY, outcome);
            return outcome;
        }
    }

    /** The outcome if some module already analysed, for goals that only report. */
    static Optional<Outcome> existing(MavenSession session) {
        Object existing = session.getRepositorySession().getData().get(KEY);
        return existing instanceof Outcome outcome ? Optional.of(outcome) : Optional.empty();
    }

    private static Outcome analyze(TiaConfig config) {
        try {
            Analysis analysis = new TiaEngine().analyze(config);
            ReportWriter.write(analysis.selection(), config.reportDir());
            return new Outcome(Optional.of(analysis), Optional.empty(), config.reportDir());
        } catch (RuntimeException e) {
            return new Outcome(Optional.empty(), Optional.of(String.valueOf(e.getMessage())), config.reportDir());
        }
    }
}
