package dev.tia.engine.cli;

import dev.tia.engine.Background;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The most heap this JVM has used so far, summed over its heap pools' peaks. The pools are looked up on a thread of
 * their own once asked for ({@link #lookUp}): the first lookup sets up the JVM's management beans, 15 ms of a fresh
 * JVM that {@code --timings} added to each benchmark run's wall clock after the analysis.
 */
final class PeakHeap {

    private final CompletableFuture<List<MemoryPoolMXBean>> pools;

    private PeakHeap(CompletableFuture<List<MemoryPoolMXBean>> pools) {
        this.pools = pools;
    }

    /** Starts looking up the heap's pools, whose peaks {@link #megabytes} reads later. */
    static PeakHeap lookUp() {
        return new PeakHeap(Background.run("tia-heap-pools", ManagementFactory::getMemoryPoolMXBeans));
    }

    /** The peak so far, read now. */
    long megabytes() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : Background.await(pools)) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }
}
