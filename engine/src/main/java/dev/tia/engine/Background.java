package dev.tia.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** Short work started once per analysis on a daemon thread of its own, so it overlaps what the caller does next. */
public final class Background {

    private Background() {
    }

    /** Starts {@code work} on a new daemon thread named {@code name}; its result or failure completes the future. */
    public static <T> CompletableFuture<T> run(String name, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /** Waits for {@code work} and gives its result; its failure is thrown as it was, not wrapped. */
    public static <T> T await(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
