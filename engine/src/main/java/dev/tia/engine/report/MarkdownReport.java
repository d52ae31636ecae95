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

/** The Markdown report, for pull-request comments and the GitHub step summary. */
public final class MarkdownReport {

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
        details(md, "Selected tests", selection.tests(), TestStatus.SELECTED, true);
        details(md, "Excluded by tag", selection.tests(), TestStatus.EXCLUDED_BY_TAG, false);
        details(md, "Skipped tests", selection.tests(), TestStatus.SKIPPED, false);
        if (!selection.changedFiles().isEmpty()) {
            md.append("<details><summary>Changed files (").append(selection.changedFiles().size()).append(")</summary>\n\n");
            selection.changedFiles().forEach(f -> md.append("- `").append(f.path()).append("` ").append(f.change().name().toLowerCase())
                    .append(": ").append(escape(f.description())).append('\n'));
            md.append("\n</details>\n");
        }
        return md.toString();
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

    private static void details(StringBuilder md, String title, List<TestResult> tests, TestStatus status, boolean open) {
        List<TestResult> matching = tests.stream().filter(t -> t.status() == status).toList();
        if (matching.isEmpty()) {
            return;
        }
        md.append(open ? "<details open>" : "<details>").append("<summary>").append(title).append(" (").append(matching.size())
                .append(")</summary>\n\n");
        for (TestResult test : matching) {
            md.append("- `").append(test.className()).append("` — ").append(escape(test.reason())).append('\n');
        }
        md.append("\n</details>\n\n");
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }
}
