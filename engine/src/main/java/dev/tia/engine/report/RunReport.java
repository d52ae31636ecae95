package dev.tia.engine.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tia.engine.TiaException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one test run did with a selection: which test classes ran, which tia skipped and why, which were left out
 * by tag. Written by the test-runner faces next to their output, e.g. {@code target/tia/junit-report.json}.
 */
public record RunReport(Optional<TestDecisions> decisions, Optional<String> fallbackReason, Set<String> ran,
        Map<String, String> skipped, Set<String> excludedByTag) {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** {@code tia: ran 12 of 140 test classes — 125 skipped as unaffected, 3 excluded by tag e2e (base main@1a2b3c4)}. */
    public String headline(Set<String> excludeTags) {
        int total = ran.size() + skipped.size() + excludedByTag.size();
        StringBuilder line = new StringBuilder("ran ").append(ran.size()).append(" of ").append(total).append(" test classes");
        if (fallbackReason.isPresent()) {
            return line.append(" (no selection: ").append(fallbackReason.get()).append(')').toString();
        }
        line.append(" \u2014 ").append(skipped.size()).append(" skipped as unaffected");
        if (!excludedByTag.isEmpty()) {
            line.append(", ").append(excludedByTag.size()).append(" excluded by tag ").append(String.join(",", excludeTags));
        }
        decisions.ifPresent(d -> {
            line.append(" (base ").append(d.baseRef()).append('@').append(Headline.shortId(d.base()));
            if (d.runAll()) {
                line.append("; run all: ").append(d.runAllReasons().isEmpty() ? "" : d.runAllReasons().get(0));
            }
            line.append(')');
        });
        return line.toString();
    }

    public void write(Path file) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", 1);
        decisions.ifPresent(d -> root.put("base", d.base()).put("head", d.head()).put("mode", d.mode().id()));
        fallbackReason.ifPresent(r -> root.put("fallbackReason", r));
        ArrayNode ranNode = root.putArray("ran");
        ran.stream().sorted().forEach(ranNode::add);
        ArrayNode skippedNode = root.putArray("skipped");
        skipped.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> skippedNode.addObject().put("className", e.getKey()).put("reason", e.getValue()));
        ArrayNode excludedNode = root.putArray("excludedByTag");
        excludedByTag.stream().sorted().forEach(excludedNode::add);
        try {
            Files.createDirectories(file.getParent());
            ReportWriter.writeAtomically(file, MAPPER.writeValueAsString(root) + System.lineSeparator());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report tree always serializes", e);
        } catch (IOException e) {
            throw new TiaException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
