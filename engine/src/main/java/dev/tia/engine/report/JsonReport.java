package dev.tia.engine.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tia.engine.select.ChangedFile;
import dev.tia.engine.select.Selection;
import dev.tia.engine.select.ServiceResult;
import dev.tia.engine.select.Summary;
import dev.tia.engine.select.TestResult;

/**
 * The JSON report, schema version {@value #SCHEMA_VERSION}: a public contract that CI scripts parse, so fields
 * are only ever added, never renamed or removed (design.md, "JSON report").
 */
public final class JsonReport {

    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /** Sets up the writer (see {@link ReportWriter#prepare}); returns it, which only makes the class load. */
    static ObjectMapper prepare() {
        return MAPPER;
    }

    public static String render(Selection selection) {
        try {
            return MAPPER.writeValueAsString(tree(selection)) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report tree always serializes", e);
        }
    }

    static ObjectNode tree(Selection selection) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
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
