package dev.tia.engine.select;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;

import dev.tia.engine.config.ShardSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Splits test classes into shards of about equal run time: longest first, each into the shard with the least
 * time so far (ties to the lower shard), by name where durations are equal, so every job that splits the same
 * classes with the same durations gets the same shards. Classes without a duration count as the median of the
 * known ones (1 s when none is known, which balances by count).
 */
public final class Shards {

    /** One shard: its 1-based number, its classes (sorted) and their summed duration estimate. */
    public record Shard(int number, int of, ImmutableList<String> classes, double estimatedSeconds) {
    }

    private Shards() {
    }

    public static List<Shard> split(List<String> classes, Map<String, Double> durations, int count) {
        checkArgument(count >= 1, "the shard count must be at least 1, not %s", count);
        double fallback = median(classes.stream().filter(durations::containsKey).map(durations::get).sorted().toList());
        List<String> order = new ArrayList<>(classes.stream().distinct().toList());
        order.sort(Comparator.comparingDouble((String c) -> -durations.getOrDefault(c, fallback)).thenComparing(c -> c));
        List<List<String>> members = new ArrayList<>();
        double[] totals = new double[count];
        for (int i = 0; i < count; i++) {
            members.add(new ArrayList<>());
        }
        for (String name : order) {
            int lightest = 0;
            for (int i = 1; i < count; i++) {
                if (totals[i] < totals[lightest]) {
                    lightest = i;
                }
            }
            members.get(lightest).add(name);
            totals[lightest] += durations.getOrDefault(name, fallback);
        }
        List<Shard> shards = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            shards.add(new Shard(i + 1, count, ImmutableList.sortedCopyOf(members.get(i)), totals[i]));
        }
        return shards;
    }

    /**
     * The selected test classes of {@code selection} that belong to other shards than {@code spec}'s: what this
     * shard's job leaves out. Every job must split with the same durations to agree on the shards.
     */
    public static Set<String> elsewhere(Selection selection, ShardSpec spec, Map<String, Double> durations) {
        return elsewhere(selection.tests(), spec, durations);
    }

    /** As {@link #elsewhere(Selection, ShardSpec, Map)}, over the decisions themselves. */
    public static Set<String> elsewhere(List<TestResult> tests, ShardSpec spec, Map<String, Double> durations) {
        List<String> selected = tests.stream().filter(t -> t.status() == TestStatus.SELECTED)
                .map(TestResult::className).sorted().toList();
        List<Shard> shards = split(selected, durations, spec.of());
        Set<String> others = new HashSet<>(selected);
        others.removeAll(shards.get(spec.number() - 1).classes());
        return others;
    }

    private static double median(List<Double> sorted) {
        if (sorted.isEmpty()) {
            return 1.0;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
