package dev.tia.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * How long each phase of one analysis took, for {@code --timings} and the benchmark. Measured at the engine's
 * facade around whole phases, never inside them.
 */
public final class Timings {

    /** One measured phase. */
    public record Phase(String name, long nanos) {
        public double millis() {
            return nanos / 1_000_000.0;
        }
    }

    private final List<Phase> phases = new ArrayList<>();

    <T> T time(String name, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            phases.add(new Phase(name, System.nanoTime() - start));
        }
    }

    public List<Phase> phases() {
        return Collections.unmodifiableList(phases);
    }

    public long totalNanos() {
        return phases.stream().mapToLong(Phase::nanos).sum();
    }

    @Override
    public String toString() {
        StringBuilder line = new StringBuilder();
        for (Phase phase : phases) {
            line.append(String.format("%s %.0f ms, ", phase.name(), phase.millis()));
        }
        return line.append(String.format("total %.0f ms", totalNanos() / 1_000_000.0)).toString();
    }
}
