package dev.tia.engine;

import dev.tia.engine.config.ConfigKey;
import dev.tia.engine.config.Precision;
import dev.tia.engine.config.TiaConfig;
import dev.tia.engine.git.GitRepo;
import dev.tia.engine.select.Selection;
import dev.tia.engine.select.TestResult;
import dev.tia.engine.select.TestStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replays the last commits of the first-parent history, each against its parent, to show what tia would have
 * selected for every push and how long the selected tests would have taken.
 */
public final class Backtest {

    /**
     * One replayed commit.
     *
     * @param estimatedSeconds run time of the selected tests from past durations, when durations are known
     * @param fullSeconds run time of every test, likewise
     * @param error why the commit could not be analysed (then it counts as running everything)
     * @param selectedAtClassLevel what class-level precision selects, beside member level (the default), to show
     *     what member-level narrowing saves; empty when the backtest itself runs at class or file precision
     */
    public record Row(String commit, String subject, boolean merge, int changedFiles, int selected, int total,
            List<String> runAllReasons, Optional<Double> estimatedSeconds, Optional<Double> fullSeconds, Optional<String> error,
            Optional<Integer> selectedAtClassLevel) {

        public double selectedFraction() {
            return error.isPresent() || total == 0 ? 1.0 : (double) selected / total;
        }

        /** The selected fraction at class level; the plain fraction when no comparison was made. */
        public double selectedFractionAtClassLevel() {
            return error.isPresent() || total == 0 || selectedAtClassLevel.isEmpty() ? selectedFraction()
                    : (double) selectedAtClassLevel.get() / total;
        }
    }

    private final TiaEngine engine;

    public Backtest(TiaEngine engine) {
        this.engine = engine;
    }

    /**
     * @param durations seconds per test class; empty map when unknown
     * @param progress told after each commit
     */
    public List<Row> run(TiaConfig config, int commits, Map<String, Double> durations, Progress progress) {
        List<GitRepo.HistoryEntry> history;
        try (GitRepo git = GitRepo.open(config.projectDir())) {
            history = git.firstParentHistory(commits);
        }
        List<Row> rows = new ArrayList<>();
        int done = 0;
        for (GitRepo.HistoryEntry entry : history) {
            if (entry.firstParent().isPresent()) {
                rows.add(replay(config, entry, durations));
            }
            progress.update("replaying commits", ++done, history.size());
        }
        progress.finish();
        return rows;
    }

    private Row replay(TiaConfig config, GitRepo.HistoryEntry entry, Map<String, Double> durations) {
        try {
            TiaConfig commit = config.with(ConfigKey.BASE, entry.firstParent().get()).with(ConfigKey.HEAD, entry.commit());
            Selection selection = engine.analyze(commit).selection();
            List<TestResult> selected = selected(selection);
            // The second analysis finds every file in the index the first one filled: it costs little.
            Optional<Integer> atClassLevel = config.precision() == Precision.MEMBER
                    ? Optional.of(selected(engine.analyze(commit.with(ConfigKey.PRECISION, Precision.CLASS.id())).selection()).size())
                    : Optional.empty();
            return new Row(entry.commit(), entry.subject(), entry.merge(), selection.changedFiles().size(), selected.size(),
                    selection.tests().size(), selection.runAllReasons(), seconds(selected, durations),
                    seconds(selection.tests(), durations), Optional.empty(), atClassLevel);
        } catch (RuntimeException e) {
            return new Row(entry.commit(), entry.subject(), entry.merge(), 0, 0, 0, List.of(), Optional.empty(),
                    Optional.empty(), Optional.of(String.valueOf(e.getMessage())), Optional.empty());
        }
    }

    private static List<TestResult> selected(Selection selection) {
        return selection.tests().stream().filter(t -> t.status() == TestStatus.SELECTED).toList();
    }

    private static Optional<Double> seconds(List<TestResult> tests, Map<String, Double> durations) {
        if (durations.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(tests.stream().mapToDouble(t -> durations.getOrDefault(t.className(), 0.0)).sum());
    }
}
