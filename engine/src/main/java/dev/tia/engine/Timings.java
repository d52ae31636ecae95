package dev.tia.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * How long each phase of one analysis took, for {@code --timings} and the benchmark. Measured at the engine's
 * facade around whole phases, never inside them. The total is the wall clock from the start of the analysis to
 * its end, so work between the named phases is counted too (as "other").
 */
public final class Timings {

    /** One measured phase. */
    public record Phase(String name, long nanos) {
        public double millis() {
            return nanos / 1_000_000.0;
        }
    }

    private final long started = System.nanoTime();
    private final List<Phase> phases = new ArrayList<>();
    private long finished;

    <T> T time(String name, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            phases.add(new Phase(name, System.nanoTime() - start));
        }
    }

    /** Marks the end of the analysis. */
    void finish() {
        finished = System.nanoTime();
    }

    public List<Phase> phases() {
        return Collections.unmodifiableList(phases);
    }

    /** Wall clock of the whole analysis (the sum of the phases until {@link #finish()} is called). */
    public long totalNanos() {
        return finished == 0 ? phasesNanos() : finished - started;
    }

    private long phasesNanos() {
        return phases.stream().mapToLong(Phase::nanos).sum();
    }

    @Override
    public String toString() {
        // Not String.format: its first use (the formatter, its pattern, floating-point printing) took 10 ms of each
        // benchmark run's wall clock.
        StringBuilder line = new StringBuilder();
        for (Phase phase : phases) {
            line.append(phase.name()).append(' ').append(roundedMillis(phase.nanos())).append(" ms, ");
        }
        if (finished != 0) {
            line.append("other ").append(roundedMillis(totalNanos() - phasesNanos())).append(" ms, ");
        }
        return line.append("total ").append(roundedMillis(totalNanos())).append(" ms").toString();
    }

    /** Milliseconds rounded half up, as {@code %.0f} printed them. */
    private static long roundedMillis(long nanos) {
        return (nanos + 500_000) / 1_000_000;
    }
}
