package dev.tia.engine.report;

import dev.tia.engine.select.Selection;
import dev.tia.engine.select.ServiceResult;
import dev.tia.engine.select.Summary;
import dev.tia.engine.select.TestResult;
import dev.tia.engine.select.TestStatus;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The Markdown report, for pull-request comments and the GitHub step summary.
 *
 * <p>Bounded: GitHub takes at most 65,536 characters in a pull-request comment and 1 MiB in a step's summary (a larger
 * one is dropped whole, with an error on the run). Each list of tests and of changed files shows its first lines up to
 * a share of about 56,000 characters and says how many more there are; every decision is in {@code report.json}. (At
 * 50k classes the lists of every test class made a report of 2.7 MB.)
 */
public final class MarkdownReport {

    /** Characters for the selected tests' lines: the list a reader opens first. */
    static final int SELECTED_CHARS = 32_000;
    /** Characters for each other list: tests excluded by tag, skipped tests, changed files. */
    static final int OTHER_LIST_CHARS = 8_000;

    private MarkdownReport() {
    }

    public static String render(Selection selection) {
        Summary summary = selection.summary();
        StringBuilder md = new StringBuilder("## tia: test impact analysis\n\n");
        md.append("**").append(summary.selected()).append("** of ").append(summary.total()).append(" test classes selected, ")
                .append(summary.skipped()).append(" skipped as unaffected, ").append(summary.excludedByTag())
                .append(" excluded by tag (mode `").append(selection.mode().id()).append("`, base `").append(selection.baseRef())
                .append("` ").append(Headline.shortId(selection.base())).append(", head ").append(Headline.shortId(selection.head()))
                .append(").\n\n");
        if (selection.runAll()) {
            md.append("> **All tests run** because:\n");
            selection.runAllReasons().forEach(r -> md.append("> - ").append(escape(r)).append('\n'));
            md.append('\n');
        }
        Map<String, Map<TestStatus, Integer>> perModule = new TreeMap<>();
        for (TestResult test : selection.tests()) {
            perModule.computeIfAbsent(test.module(), m -> new EnumMap<>(TestStatus.class)).merge(test.status(), 1, Integer::sum);
        }
        if (!perModule.isEmpty()) {
            md.append("| module | selected | skipped | excluded by tag |\n|---|---:|---:|---:|\n");
            perModule.forEach((module, counts) -> md.append("| `").append(module).append("` | ")
                    .append(counts.getOrDefault(TestStatus.SELECTED, 0)).append(" | ")
                    .append(counts.getOrDefault(TestStatus.SKIPPED, 0)).append(" | ")
                    .append(counts.getOrDefault(TestStatus.EXCLUDED_BY_TAG, 0)).append(" |\n"));
            md.append('\n');
        }
        if (!selection.services().isEmpty()) {
            md.append("**Services affected:** ");
            List<String> names = selection.services().stream()
                    .map(s -> "`" + s.name() + "`" + (s.direct() ? "" : " (via dependency)")).toList();
            md.append(String.join(", ", names)).append("\n\n");
            servicesGraph(md, selection.services());
        }
        details(md, "Selected tests", "selected tests", selection.tests(), TestStatus.SELECTED, true, SELECTED_CHARS);
        details(md, "Excluded by tag", "tests excluded by tag", selection.tests(), TestStatus.EXCLUDED_BY_TAG, false, OTHER_LIST_CHARS);
        details(md, "Skipped tests", "skipped tests", selection.tests(), TestStatus.SKIPPED, false, OTHER_LIST_CHARS);
        if (!selection.changedFiles().isEmpty()) {
            md.append("<details><summary>Changed files (").append(selection.changedFiles().size()).append(")</summary>\n\n");
            lines(md, selection.changedFiles(), f -> "- `" + f.path() + "` " + f.change().name().toLowerCase() + ": "
                    + escape(f.description()) + "\n", OTHER_LIST_CHARS, "changed files");
            md.append("\n</details>\n");
        }
        return md.toString();
    }

    /**
     * Appends the lines of the first {@code items} while they fit in {@code chars} characters (the first always does),
     * then a line that says how many more there are and where they all are; the rest's lines are never made.
     */
    private static <T> void lines(StringBuilder md, List<T> items, Function<T, String> line, int chars, String what) {
        int used = 0;
        int shown = 0;
        for (T item : items) {
            String text = line.apply(item);
            if (shown > 0 && used + text.length() > chars) {
                break;
            }
            md.append(text);
            used += text.length();
            shown++;
        }
        if (shown < items.size()) {
            md.append("- … and ").append(items.size() - shown).append(" more ").append(what)
                    .append(", left out to keep this report within GitHub's size limits: all are in `report.json`\n");
        }
    }

    /** Changed services and the services their change reaches, as a Mermaid graph GitHub renders. */
    private static void servicesGraph(StringBuilder md, List<ServiceResult> services) {
        md.append("```mermaid\ngraph LR\n");
        for (ServiceResult service : services) {
            md.append("  ").append(nodeId(service.path())).append("[\"").append(service.name())
                    .append(service.direct() ? " (changed)" : "").append("\"]\n");
        }
        for (ServiceResult service : services) {
            service.via().ifPresent(upstream -> md.append("  ").append(nodeId(upstream)).append(" --> ")
                    .append(nodeId(service.path())).append('\n'));
        }
        services.stream().filter(ServiceResult::direct)
                .forEach(s -> md.append("  style ").append(nodeId(s.path())).append(" stroke-width:3px\n"));
        md.append("```\n\n");
    }

    private static String nodeId(String path) {
        return "s_" + (path.isEmpty() ? "root" : path.replaceAll("[^A-Za-z0-9]", "_"));
    }

    private static void details(StringBuilder md, String title, String what, List<TestResult> tests, TestStatus status,
            boolean open, int chars) {
        List<TestResult> matching = tests.stream().filter(t -> t.status() == status).toList();
        if (matching.isEmpty()) {
            return;
        }
        md.append(open ? "<details open>" : "<details>").append("<summary>").append(title).append(" (").append(matching.size())
                .append(")</summary>\n\n");
        lines(md, matching, test -> "- `" + test.className() + "` — " + escape(test.reason()) + "\n", chars, what);
        md.append("\n</details>\n\n");
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }
}
