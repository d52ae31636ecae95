package dev.tia.engine.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tia.engine.Backtest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The backtest as text, JSON or Markdown (with a chart of the selected share per commit). */
public final class BacktestReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Aggregates over the replayed commits.
     *
     * @param medianAtClassLevel the median at class-level precision, when the rows compare it
     */
    public record Aggregate(int commits, double medianSelectedFraction, int runAll, Optional<Double> withinBudget,
            Optional<Double> medianAtClassLevel) {
    }

    private BacktestReport() {
    }

    /** @param budgetSeconds the time a quick run should fit in, if given */
    public static Aggregate aggregate(List<Backtest.Row> rows, Optional<Double> budgetSeconds) {
        double median = median(rows.stream().map(Backtest.Row::selectedFraction).sorted().toList());
        Optional<Double> atClassLevel = rows.stream().anyMatch(r -> r.selectedAtClassLevel().isPresent())
                ? Optional.of(median(rows.stream().map(Backtest.Row::selectedFractionAtClassLevel).sorted().toList()))
                : Optional.empty();
        int runAll = (int) rows.stream().filter(r -> r.error().isPresent() || !r.runAllReasons().isEmpty()).count();
        Optional<Double> within = budgetSeconds.flatMap(budget -> {
            List<Backtest.Row> estimated = rows.stream().filter(r -> r.estimatedSeconds().isPresent()).toList();
            return estimated.isEmpty() ? Optional.empty()
                    : Optional.of((double) estimated.stream().filter(r -> r.estimatedSeconds().get() <= budget).count() / estimated.size());
        });
        return new Aggregate(rows.size(), median, runAll, within, atClassLevel);
    }

    private static double median(List<Double> sorted) {
        return sorted.isEmpty() ? 0 : sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    }

    public static String text(List<Backtest.Row> rows, Aggregate aggregate) {
        StringBuilder out = new StringBuilder(headline(aggregate)).append("\n\n");
        for (Backtest.Row row : rows) {
            out.append(String.format(Locale.ROOT, "%s  %4d/%-4d %5.1f%%%s  %3d files%s  %s%n", row.commit().substring(0, 7),
                    row.selected(), row.total(), 100 * row.selectedFraction(),
                    row.selectedAtClassLevel().map(c -> String.format(Locale.ROOT, " (class level %4d)", c)).orElse(""),
                    row.changedFiles(),
                    row.estimatedSeconds().map(s -> String.format(Locale.ROOT, "  ~%.0f s", s)).orElse(""), describe(row)));
        }
        return out.toString();
    }

    public static String json(List<Backtest.Row> rows, Aggregate aggregate) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("commits", aggregate.commits());
        root.put("medianSelectedFraction", round(aggregate.medianSelectedFraction()));
        aggregate.medianAtClassLevel().ifPresent(m -> root.put("medianSelectedFractionAtClassLevel", round(m)));
        root.put("runAll", aggregate.runAll());
        aggregate.withinBudget().ifPresent(share -> root.put("withinBudget", round(share)));
        ArrayNode list = root.putArray("rows");
        for (Backtest.Row row : rows) {
            ObjectNode node = list.addObject();
            node.put("commit", row.commit()).put("subject", row.subject()).put("merge", row.merge())
                    .put("changedFiles", row.changedFiles()).put("selected", row.selected()).put("total", row.total());
            ArrayNode reasons = node.putArray("runAllReasons");
            row.runAllReasons().forEach(reasons::add);
            row.estimatedSeconds().ifPresent(s -> node.put("estimatedSeconds", round(s)));
            row.fullSeconds().ifPresent(s -> node.put("fullSeconds", round(s)));
            row.error().ifPresent(e -> node.put("error", e));
            row.selectedAtClassLevel().ifPresent(c -> node.put("selectedAtClassLevel", c));
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report tree always serializes", e);
        }
    }

    public static String markdown(List<Backtest.Row> rows, Aggregate aggregate) {
        StringBuilder md = new StringBuilder("## tia backtest\n\n").append(headline(aggregate)).append("\n\n");
        md.append("```mermaid\nxychart-beta\n  title \"Selected test classes per commit (%)\"\n  x-axis [");
        List<Backtest.Row> oldestFirst = com.google.common.collect.Lists.reverse(rows);
        md.append(String.join(", ", oldestFirst.stream().map(r -> "\"" + r.commit().substring(0, 7) + "\"").toList()));
        md.append("]\n  y-axis \"selected %\" 0 --> 100\n  bar [");
        md.append(String.join(", ", oldestFirst.stream().map(r -> String.format(Locale.ROOT, "%.0f", 100 * r.selectedFraction())).toList()));
        md.append("]\n```\n\n| commit | subject | changed files | selected | class level | estimated | note |\n|---|---|---:|---:|---:|---:|---|\n");
        for (Backtest.Row row : rows) {
            md.append("| `").append(row.commit(), 0, 7).append("` | ").append(row.subject().replace("|", "\\|")).append(" | ")
                    .append(row.changedFiles()).append(" | ").append(row.selected()).append('/').append(row.total()).append(" | ")
                    .append(row.selectedAtClassLevel().map(String::valueOf).orElse("")).append(" | ")
                    .append(row.estimatedSeconds().map(s -> String.format(Locale.ROOT, "%.0f s", s)).orElse("")).append(" | ")
                    .append(describe(row).replace("|", "\\|")).append(" |\n");
        }
        return md.toString();
    }

    private static String headline(Aggregate aggregate) {
        return String.format(Locale.ROOT, "tia backtest: %d commits, median %.1f%% of test classes selected%s, %d ran everything%s",
                aggregate.commits(), 100 * aggregate.medianSelectedFraction(),
                aggregate.medianAtClassLevel().map(m -> String.format(Locale.ROOT, " (%.1f%% at class level)", 100 * m)).orElse(""),
                aggregate.runAll(),
                aggregate.withinBudget().map(share -> String.format(Locale.ROOT, ", %.0f%% of pushes within the budget", 100 * share))
                        .orElse(""));
    }

    private static String describe(Backtest.Row row) {
        if (row.error().isPresent()) {
            return "error: " + row.error().get();
        }
        String note = row.merge() ? "merge; " : "";
        return note + (row.runAllReasons().isEmpty() ? row.subject() : "run all: " + row.runAllReasons().get(0));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
