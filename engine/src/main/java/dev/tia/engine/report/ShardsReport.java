package dev.tia.engine.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tia.engine.select.Shards;

import java.nio.file.Path;
import java.util.List;

/** Shards as text, JSON, or a GitHub Actions matrix. */
public final class ShardsReport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ShardsReport() {
    }

    public static String render(List<Shards.Shard> shards, ListFormat format) {
        if (format == ListFormat.TEXT) {
            StringBuilder text = new StringBuilder();
            for (Shards.Shard shard : shards) {
                text.append(String.format("shard %d/%d: %d test classes, about %.1f s%n", shard.number(), shard.of(),
                        shard.classes().size(), shard.estimatedSeconds()));
                shard.classes().forEach(c -> text.append("  ").append(c).append(System.lineSeparator()));
            }
            return text.toString().stripTrailing();
        }
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode include = root.putArray(format == ListFormat.GITHUB_MATRIX ? "include" : "shards");
        for (Shards.Shard shard : shards) {
            ObjectNode node = include.addObject();
            node.put("shard", shard.number()).put("of", shard.of()).put("classes", shard.classes().size())
                    .put("estimatedSeconds", Math.round(shard.estimatedSeconds() * 10) / 10.0);
            if (format == ListFormat.JSON) {
                ArrayNode names = node.putArray("tests");
                shard.classes().forEach(names::add);
            }
        }
        return write(root);
    }

    /** {@code shards} (the matrix) and {@code shard_count} as GitHub step outputs. */
    public static void appendGithubOutput(List<Shards.Shard> shards, Path file) {
        GithubOutputs.appendTo(file, "shards=" + render(shards, ListFormat.GITHUB_MATRIX) + "\nshard_count=" + shards.size() + "\n");
    }

    private static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report tree always serializes", e);
        }
    }
}
