package dev.tia.junit;

import dev.tia.engine.Background;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands the selection from the discovery listener to the filter and the summary listener.
 *
 * <p>JUnit creates a {@code PostDiscoveryFilter} through ServiceLoader without arguments and never shows it the
 * configuration, so the listener that does see the request must leave the selection where the others can find
 * it. One launcher discovers and executes one request at a time, so one slot per JVM suffices; it is cleared at
 * every discovery start so a run never sees an earlier run's selection.
 *
 * <p>The selection may still be in the making when it is left here (see {@link TiaDiscoveryListener}): the first to
 * ask waits for it.
 */
final class ActiveSelection {

    private static final AtomicReference<CompletableFuture<RunState>> CURRENT = new AtomicReference<>();

    private ActiveSelection() {
    }

    /** The run's state, being worked out on another thread; {@link #current} waits for it. */
    static void start(CompletableFuture<RunState> state) {
        CURRENT.set(state);
    }

    static void clear() {
        CURRENT.set(null);
    }

    /**
     * The run's state, once worked out.
     *
     * @throws TiaSelectionFailed when working it out failed and {@code tia.failOnError} is set
     */
    static Optional<RunState> current() {
        CompletableFuture<RunState> state = CURRENT.get();
        return state == null ? Optional.empty() : Optional.of(Background.await(state));
    }
}
