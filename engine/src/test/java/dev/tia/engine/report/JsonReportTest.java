package dev.tia.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;

import dev.tia.engine.config.Mode;
import dev.tia.engine.git.ChangeType;
import dev.tia.engine.select.ChangedFile;
import dev.tia.engine.select.Effect;
import dev.tia.engine.select.Selection;
import dev.tia.engine.select.ServiceResult;
import dev.tia.engine.select.Summary;
import dev.tia.engine.select.TestResult;
import dev.tia.engine.select.TestStatus;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The JSON report is a public contract: written field by field, it must be the bytes Jackson's tree of nodes gave
 * with {@code INDENT_OUTPUT}, which tia wrote before (the reference below is that code, kept here as the contract).
 */
class JsonReportTest {

    private static final ObjectMapper INDENTED = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void theReportIsTheTreeJacksonIndentedByteForByte() throws Exception {
        Selection full = new Selection("/work/r\u00e9po \"quoted\" \\ back", "0123abc", "origin/main", "WORKTREE", Mode.QUICK, true,
                ImmutableList.of("a pom that does not parse: <project> at line 3", "tab\there, newline\nthere, \u0001 control"),
                ImmutableList.of(
                        new ChangedFile("src/A.java", ChangeType.MODIFIED, Optional.empty(), Effect.TYPES, "types"),
                        new ChangedFile("src/New.java", ChangeType.RENAMED, Optional.of("src/Old.java"), Effect.TYPES, "renamed"),
                        new ChangedFile("docs/\u65e5\u672c.md", ChangeType.ADDED, Optional.empty(), Effect.IGNORED, "docs")),
                ImmutableList.of(new ServiceResult("checkout", "services/checkout", true, "changed", Optional.empty()),
                        new ServiceResult("web", "services/web", false, "via checkout", Optional.of("services/checkout"))),
                ImmutableList.of(
                        new TestResult("com.example.ATest", "libs/a", TestStatus.SELECTED, ImmutableList.of(),
                                "src/A.java -> com.example.A -> com.example.ATest"),
                        new TestResult("com.example.E2eTest", "services/web", TestStatus.EXCLUDED_BY_TAG, ImmutableList.of("e2e", "slow"),
                                "excluded by tag e2e"),
                        new TestResult("com.example.BTest", "", TestStatus.SKIPPED, ImmutableList.of("fast"),
                                "not reached by the change")),
                ImmutableList.of("a note"));
        Selection empty = new Selection("/r", null, "main", "abc", Mode.ALL, false, ImmutableList.of(), ImmutableList.of(),
                ImmutableList.of(), ImmutableList.of(), ImmutableList.of());
        for (Selection selection : new Selection[] {full, empty}) {
            String expected = INDENTED.writeValueAsString(tree(selection)) + System.lineSeparator();
            assertThat(JsonReport.render(selection)).isEqualTo(expected);
            assertThat(JsonReport.bytes(selection)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The report as tia built it up to 47ee7c0: a tree of Jackson's nodes, indented by the mapper. */
    private static ObjectNode tree(Selection selection) {
        ObjectNode root = INDENTED.createObjectNode();
        root.put("schemaVersion", JsonReport.SCHEMA_VERSION);
        root.put("repository", selection.repository());
        root.put("base", selection.base());
        root.put("head", selection.head());
        root.put("mode", selection.mode().id());
        root.put("runAll", selection.runAll());
        ArrayNode reasons = root.putArray("runAllReasons");
        selection.runAllReasons().forEach(reasons::add);
        ArrayNode changed = root.putArray("changedFiles");
        for (ChangedFile file : selection.changedFiles()) {
            ObjectNode node = changed.addObject();
            node.put("path", file.path());
            node.put("change", file.change().name());
            file.oldPath().ifPresent(old -> node.put("oldPath", old));
        }
        ArrayNode services = root.putArray("services");
        for (ServiceResult service : selection.services()) {
            ObjectNode node = services.addObject();
            node.put("name", service.name());
            node.put("path", service.path());
            node.put("direct", service.direct());
        }
        ArrayNode tests = root.putArray("tests");
        for (TestResult test : selection.tests()) {
            ObjectNode node = tests.addObject();
            node.put("className", test.className());
            node.put("module", test.module());
            node.put("status", test.status().name());
            ArrayNode tags = node.putArray("tags");
            test.tags().forEach(tags::add);
            node.put("reason", test.reason());
        }
        Summary summary = selection.summary();
        ObjectNode counts = root.putObject("summary");
        counts.put("selected", summary.selected());
        counts.put("skipped", summary.skipped());
        counts.put("excludedByTag", summary.excludedByTag());
        counts.put("total", summary.total());
        return root;
    }
}
