package dev.tia.engine.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import dev.tia.engine.TiaException;
import dev.tia.engine.select.Selection;
import dev.tia.engine.select.ServiceResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Step outputs for GitHub Actions ({@code $GITHUB_OUTPUT}): {@code services} (JSON array of names),
 * {@code services_count}, {@code any_service} and {@code matrix} (for {@code strategy.matrix}).
 */
public final class GithubOutputs {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GithubOutputs() {
    }

    /** The {@code name=value} lines, one per output. */
    public static String render(Selection selection) {
        ArrayNode names = MAPPER.createArrayNode();
        selection.services().stream().map(ServiceResult::name).forEach(names::add);
        try {
            return "services=" + MAPPER.writeValueAsString(names) + "\n"
                    + "services_count=" + selection.services().size() + "\n"
                    + "any_service=" + !selection.services().isEmpty() + "\n"
                    + "matrix=" + ServicesReport.render(selection, ListFormat.GITHUB_MATRIX) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of names always serializes", e);
        }
    }

    /** Appends the outputs to the file GitHub names in {@code GITHUB_OUTPUT}. */
    public static void append(Selection selection, Path file) {
        appendTo(file, render(selection));
    }

    static void appendTo(Path file, String text) {
        try {
            Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new TiaException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Appends the Markdown report to the job summary GitHub names in {@code GITHUB_STEP_SUMMARY}. */
    public static void appendStepSummary(Selection selection, Path file) {
        appendStepSummary(MarkdownReport.render(selection), file);
    }

    /** As {@link #appendStepSummary(Selection, Path)}, with the Markdown report made already. */
    public static void appendStepSummary(String markdownReport, Path file) {
        appendTo(file, markdownReport + "\n");
    }
}
