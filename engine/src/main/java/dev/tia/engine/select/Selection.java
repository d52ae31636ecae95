package dev.tia.engine.select;

import com.google.common.collect.ImmutableList;

import dev.tia.engine.config.Mode;

import java.util.Optional;

/**
 * The answer: which tests run, which are skipped or excluded by tag, which services are affected, and why.
 *
 * @param repository absolute path of the git working tree
 * @param base the commit compared against (the merge-base)
 * @param baseRef the ref named for the base, for people
 * @param head a commit id or {@code WORKTREE}
 * @param notes things worth knowing that did not change the selection
 */
public record Selection(
        String repository,
        String base,
        String baseRef,
        String head,
        Mode mode,
        boolean runAll,
        ImmutableList<String> runAllReasons,
        ImmutableList<ChangedFile> changedFiles,
        ImmutableList<ServiceResult> services,
        ImmutableList<TestResult> tests,
        ImmutableList<String> notes) {

    public Summary summary() {
        int selected = 0;
        int skipped = 0;
        int excluded = 0;
        for (TestResult test : tests) {
            switch (test.status()) {
                case SELECTED -> selected++;
                case SKIPPED -> skipped++;
                case EXCLUDED_BY_TAG -> excluded++;
            }
        }
        return new Summary(selected, skipped, excluded, tests.size());
    }

    public Optional<TestResult> test(String className) {
        return tests.stream().filter(t -> t.className().equals(className)).findFirst();
    }
}
