package dev.tia.engine.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tia.engine.TiaException;
import dev.tia.engine.select.ObserveOutcome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Observe mode's findings, for the console and as {@code observe.json} next to the other reports. */
public final class ObserveReport {

    public static final String FILE_NAME = "observe.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ObserveReport() {
    }

    /** The headline, then one loud line per safety miss naming the changed files. */
    public static List<String> lines(ObserveOutcome outcome, List<String> changedFiles) {
        List<String> lines = new ArrayList<>();
        lines.add(outcome.headline());
        String changed = String.join(", ", changedFiles);
        for (String miss : outcome.misses()) {
            lines.add("SAFETY MISS: " + miss + " failed, but tia would have skipped it (changed: "
                    + (changed.isEmpty() ? "nothing" : changed) + "); please report it with this report");
        }
        return lines;
    }

    public static void write(ObserveOutcome outcome, List<String> changedFiles, Path file) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("total", outcome.total());
        root.put("wouldHaveSkipped", outcome.wouldSkip().size());
        root.put("failed", outcome.failed().size());
        ArrayNode misses = root.putArray("safetyMisses");
        outcome.misses().forEach(misses::add);
        ArrayNode changed = root.putArray("changedFiles");
        changedFiles.forEach(changed::add);
        ArrayNode skipped = root.putArray("wouldSkip");
        outcome.wouldSkip().forEach(skipped::add);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ReportWriter.writeAtomically(file, MAPPER.writeValueAsString(root) + System.lineSeparator());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report tree always serializes", e);
        } catch (IOException e) {
            throw new TiaException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
