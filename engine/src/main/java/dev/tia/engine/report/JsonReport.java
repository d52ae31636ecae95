package dev.tia.engine.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

import dev.tia.engine.select.ChangedFile;
import dev.tia.engine.select.Selection;
import dev.tia.engine.select.ServiceResult;
import dev.tia.engine.select.Summary;
import dev.tia.engine.select.TestResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The JSON report, schema version {@value #SCHEMA_VERSION}: a public contract that CI scripts parse, so fields
 * are only ever added, never renamed or removed (design.md, "JSON report").
 *
 * <p>Written field by field as UTF-8, indented as Jackson's {@code INDENT_OUTPUT} indents: the same bytes a tree of
 * nodes serialized gave, without the tree (a map per test class: at 50k classes, 16.7k of them, the render took
 * 130-150 ms of a CI step's run, 60-78 ms since) and without Jackson's object mapper, whose set-up a fresh JVM paid
 * for beside the analysis: the generator is Jackson's streaming core alone.
 */
public final class JsonReport {

    public static final int SCHEMA_VERSION = 1;

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonReport() {
    }

    /** Sets up the writer (see {@link ReportWriter#prepare}); returns it, which only makes the class load. */
    static JsonFactory prepare() {
        return FACTORY;
    }

    public static String render(Selection selection) {
        return new String(bytes(selection), StandardCharsets.UTF_8);
    }

    /** The report as the file holds it: UTF-8, ending with the platform's line separator. */
    public static byte[] bytes(Selection selection) {
        // About 270 bytes a test class, as the reports of the benchmark's repositories take.
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096 + 320 * selection.tests().size());
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.setPrettyPrinter(new DefaultPrettyPrinter());
            write(json, selection);
        } catch (IOException e) {
            throw new UncheckedIOException("a report is written to memory", e);
        }
        out.writeBytes(System.lineSeparator().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void write(JsonGenerator json, Selection selection) throws IOException {
        json.writeStartObject();
        json.writeNumberField("schemaVersion", SCHEMA_VERSION);
        json.writeStringField("repository", selection.repository());
        json.writeStringField("base", selection.base());
        json.writeStringField("head", selection.head());
        json.writeStringField("mode", selection.mode().id());
        json.writeBooleanField("runAll", selection.runAll());
        strings(json, "runAllReasons", selection.runAllReasons());
        json.writeArrayFieldStart("changedFiles");
        for (ChangedFile file : selection.changedFiles()) {
            json.writeStartObject();
            json.writeStringField("path", file.path());
            json.writeStringField("change", file.change().name());
            if (file.oldPath().isPresent()) {
                json.writeStringField("oldPath", file.oldPath().get());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("services");
        for (ServiceResult service : selection.services()) {
            json.writeStartObject();
            json.writeStringField("name", service.name());
            json.writeStringField("path", service.path());
            json.writeBooleanField("direct", service.direct());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("tests");
        for (TestResult test : selection.tests()) {
            json.writeStartObject();
            json.writeStringField("className", test.className());
            json.writeStringField("module", test.module());
            json.writeStringField("status", test.status().name());
            strings(json, "tags", test.tags());
            json.writeStringField("reason", test.reason());
            json.writeEndObject();
        }
        json.writeEndArray();
        Summary summary = selection.summary();
        json.writeObjectFieldStart("summary");
        json.writeNumberField("selected", summary.selected());
        json.writeNumberField("skipped", summary.skipped());
        json.writeNumberField("excludedByTag", summary.excludedByTag());
        json.writeNumberField("total", summary.total());
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
