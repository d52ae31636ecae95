package dev.tia.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;

import dev.tia.engine.config.Mode;
import dev.tia.engine.git.ChangeType;
import dev.tia.engine.select.ChangedFile;
import dev.tia.engine.select.Effect;
import dev.tia.engine.select.Selection;
import dev.tia.engine.select.TestResult;
import dev.tia.engine.select.TestStatus;

import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The Markdown report goes where GitHub bounds its size: a pull-request comment, a step's summary. */
class MarkdownReportTest {

    /** At monorepo scale (the benchmark's 50k classes list 16.7k test classes) it stays within a comment's 65,536. */
    @Test
    void aLargeSelectionFitsInAPullRequestComment() {
        ImmutableList.Builder<TestResult> tests = ImmutableList.builder();
        IntStream.range(0, 6_000).forEach(i -> tests.add(test("Selected" + i, TestStatus.SELECTED,
                "modules/m1/src/main/java/bench/m1/p0/C0.java -> bench.m1.p0.C0 -> bench.m2.p3.C" + i + " -> bench.m2.p3.C" + i + "Test")));
        IntStream.range(0, 300).forEach(i -> tests.add(test("Tagged" + i, TestStatus.EXCLUDED_BY_TAG, "affected, but tagged e2e")));
        IntStream.range(0, 10_700).forEach(i -> tests.add(test("Skipped" + i, TestStatus.SKIPPED, "not affected by the change")));
        ImmutableList<ChangedFile> changed = IntStream.range(0, 3_000)
                .mapToObj(i -> new ChangedFile("modules/m1/src/main/java/bench/m1/p0/C" + i + ".java", ChangeType.MODIFIED,
                        Optional.empty(), Effect.TYPES, "types declared here changed"))
                .collect(ImmutableList.toImmutableList());
        String markdown = MarkdownReport.render(selection(tests.build(), changed));

        assertThat(markdown.length()).isLessThan(65_536);
        assertThat(markdown).contains("**6000** of 17000 test classes selected, 10700 skipped as unaffected, 300 excluded by tag",
                "<details open><summary>Selected tests (6000)</summary>", "- `com.example.Selected0Test` — ",
                "<details><summary>Skipped tests (10700)</summary>", "<details><summary>Changed files (3000)</summary>");
        for (String list : new String[] {"selected tests", "tests excluded by tag", "skipped tests", "changed files"}) {
            assertThat(markdown).containsPattern("- … and \\d+ more " + list + ", left out to keep this report within"
                    + " GitHub's size limits: all are in `report.json`\n");
        }
        // What is shown and what is counted add up to the list.
        int shown = markdown.split("- `com.example.Skipped", -1).length - 1;
        assertThat(markdown).contains("- … and " + (10_700 - shown) + " more skipped tests");
    }

    @Test
    void aSmallSelectionIsListedWhole() {
        ImmutableList<TestResult> tests = ImmutableList.of(test("A", TestStatus.SELECTED, "a -> b"),
                test("B", TestStatus.SKIPPED, "not affected by the change"));
        String markdown = MarkdownReport.render(selection(tests, ImmutableList.of()));
        assertThat(markdown).contains("- `com.example.ATest` — a -&gt; b\n", "- `com.example.BTest` — not affected by the change\n")
                .doesNotContain("more");
    }

    private static TestResult test(String name, TestStatus status, String reason) {
        return new TestResult("com.example." + name + "Test", "modules/m1", status, ImmutableList.of(), reason);
    }

    private static Selection selection(ImmutableList<TestResult> tests, ImmutableList<ChangedFile> changed) {
        return new Selection("/repo", "0123abc", "origin/main", "WORKTREE", Mode.QUICK, false, ImmutableList.of(), changed,
                ImmutableList.of(), tests, ImmutableList.of());
    }
}
