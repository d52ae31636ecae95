package dev.tia.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;

import dev.tia.engine.config.Mode;
import dev.tia.engine.git.ChangeType;
import dev.tia.engine.select.ChangedFile;
import dev.tia.engine.select.Effect;
import dev.tia.engine.select.Selection;
import dev.tia.engine.select.ServiceResult;
import dev.tia.engine.select.TestResult;
import dev.tia.engine.select.TestStatus;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The terminal's report: changed files in a column, then the tests by module with their chains. */
class TextReportTest {

    @Test
    void changedFilesLineUpAndTestsCarryTheirChains() {
        Selection selection = new Selection("/r", "0123456789abcdef", "origin/main", "WORKTREE", Mode.QUICK, false,
                ImmutableList.of(),
                ImmutableList.of(
                        new ChangedFile("src/A.java", ChangeType.MODIFIED, Optional.empty(), Effect.TYPES, "types changed"),
                        new ChangedFile("src/New.java", ChangeType.RENAMED, Optional.of("src/Old.java"), Effect.TYPES, "renamed"),
                        new ChangedFile("README.md", ChangeType.ADDED, Optional.empty(), Effect.IGNORED, "docs")),
                ImmutableList.of(new ServiceResult("a", "libs/a", true, "changed src/A.java", Optional.empty())),
                ImmutableList.of(
                        new TestResult("com.example.ATest", "libs/a", TestStatus.SELECTED, ImmutableList.of("fast"),
                                "src/A.java -> com.example.A -> com.example.ATest"),
                        new TestResult("com.example.BTest", "libs/a", TestStatus.SKIPPED, ImmutableList.of(),
                                "not affected by the change")),
                ImmutableList.of());

        String text = TextReport.render(selection, false);

        assertThat(text).contains("Changed files (3):\n"
                + "  MODIFIED src/A.java\n"
                + "           types: types changed\n"
                + "  RENAMED  src/New.java (from src/Old.java)\n"
                + "           types: renamed\n"
                + "  ADDED    README.md\n"
                + "           ignored: docs\n");
        assertThat(text).contains("Selected (1):\n  libs/a\n    com.example.ATest  @fast\n"
                + "      src/A.java -> com.example.A -> com.example.ATest\n");
        assertThat(text).contains("Skipped: 1 test classes not affected by the change (--verbose lists them)\n");
        assertThat(TextReport.render(selection, true)).contains("Skipped (1):\n  libs/a\n    com.example.BTest\n");
    }
}
