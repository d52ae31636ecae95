package dev.tia.engine.git;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Work on a folder started before its analysis is set up (the CLI starts it before it reads its arguments), for an
 * analysis of the same folder started within two seconds to take, once; at most one waits. Older work is not taken:
 * the working tree may have moved on since.
 */
final class StartedAhead<T> {

    private static final long AT_MOST_NANOS = TimeUnit.SECONDS.toNanos(2);

    private record Waiting<T>(Path dir, long startedNanos, CompletableFuture<T> work) {
    }

    private final AtomicReference<Waiting<T>> waiting = new AtomicReference<>();

    /** Starts {@code work} for {@code dir}, in place of anything waiting. */
    CompletableFuture<T> start(Path dir, Supplier<CompletableFuture<T>> work) {
        CompletableFuture<T> started = work.get();
        waiting.set(new Waiting<>(normalized(dir), System.nanoTime(), started));
        return started;
    }

    /** What was started for {@code dir} within two seconds, taken so no one else takes it; else empty. */
    Optional<CompletableFuture<T>> take(Path dir) {
        Waiting<T> ahead = waiting.getAndSet(null);
        if (ahead != null && ahead.dir().equals(normalized(dir)) && System.nanoTime() - ahead.startedNanos() <= AT_MOST_NANOS) {
            return Optional.of(ahead.work());
        }
        return Optional.empty();
    }

    private static Path normalized(Path dir) {
        return dir.toAbsolutePath().normalize();
    }
}
