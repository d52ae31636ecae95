package dev.tia.engine.report;

import dev.tia.engine.select.ChangedFile;
import dev.tia.engine.select.Selection;
import dev.tia.engine.select.ServiceResult;
import dev.tia.engine.select.Summary;
import dev.tia.engine.select.TestResult;
import dev.tia.engine.select.TestStatus;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The report for people at a terminal: counts first, then why, grouped by module. */
public final class TextReport {

    private TextReport() {
    }

    /** @param verbose also list skipped tests */
    public static String render(Selection selection, boolean verbose) {
        StringBuilder out = new StringBuilder();
        Summary summary = selection.summary();
        out.append(Headline.of(selection)).append('\n');
        out.append("base ").append(selection.baseRef()).append(" (").append(Headline.shortId(selection.base())).append(")")
                .append(" -> head ").append(Headline.shortId(selection.head())).append(", mode ").append(selection.mode().id()).append('\n');

        out.append('\n').append("Changed files (").append(selection.changedFiles().size()).append("):\n");
        if (selection.changedFiles().isEmpty()) {
            out.append("  (none)\n");
        }
        for (ChangedFile file : selection.changedFiles()) {
            // padded by hand: String.format's first use cost each run with a change 5-10 ms of a fresh JVM
            String change = file.change().name();
            out.append("  ").append(change).append(" ".repeat(Math.max(0, 8 - change.length()))).append(' ').append(file.path());
            file.oldPath().ifPresent(old -> out.append(" (from ").append(old).append(')'));
            out.append("\n           ").append(file.effect().name().toLowerCase().replace('_', ' ')).append(": ")
                    .append(file.description()).append('\n');
        }
        if (selection.runAll()) {
            out.append('\n').append("Running all tests because:\n");
            selection.runAllReasons().forEach(r -> out.append("  - ").append(r).append('\n'));
        }
        section(out, "Selected", selection.tests(), TestStatus.SELECTED, !selection.runAll());
        section(out, "Excluded by tag", selection.tests(), TestStatus.EXCLUDED_BY_TAG, true);
        if (verbose) {
            section(out, "Skipped", selection.tests(), TestStatus.SKIPPED, false);
        } else if (summary.skipped() > 0) {
            out.append('\n').append("Skipped: ").append(summary.skipped())
                    .append(" test classes not affected by the change (--verbose lists them)\n");
        }
        out.append('\n').append("Services affected (").append(selection.services().size()).append("):");
        out.append(selection.services().isEmpty() ? " none\n" : "\n");
        for (ServiceResult service : selection.services()) {
            out.append("  ").append(service.name()).append(" (").append(service.path().isEmpty() ? "." : service.path())
                    .append(")  ").append(service.direct() ? "direct: " : "").append(service.reason()).append('\n');
        }
        if (!selection.notes().isEmpty()) {
            out.append('\n').append("Notes:\n");
            selection.notes().forEach(n -> out.append("  - ").append(n).append('\n'));
        }
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<TestResult> tests, TestStatus status, boolean withReasons) {
        Map<String, List<TestResult>> byModule = tests.stream().filter(t -> t.status() == status)
                .collect(Collectors.groupingBy(TestResult::module, TreeMap::new, Collectors.toList()));
        int count = byModule.values().stream().mapToInt(List::size).sum();
        if (count == 0) {
            return;
        }
        out.append('\n').append(title).append(" (").append(count).append("):\n");
        byModule.forEach((module, moduleTests) -> {
            out.append("  ").append(module).append('\n');
            for (TestResult test : moduleTests) {
                out.append("    ").append(test.className());
                if (!test.tags().isEmpty()) {
                    out.append("  @").append(String.join(" @", test.tags()));
                }
                out.append('\n');
                if (withReasons) {
                    out.append("      ").append(test.reason()).append('\n');
                }
            }
        });
    }
}
