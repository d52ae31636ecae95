package dev.tia.junit;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands the selection from the discovery listener to the filter and the summary listener.
 *
 * <p>JUnit creates a {@code PostDiscoveryFilter} through ServiceLoader without arguments and never shows it the
 * configuration, so the listener that does see the request must leave the selection where the others can find
 * it. One launcher discovers and executes one request at a time, so one slot per JVM suffices; it is cleared at
 * every discovery start so a run never sees an earlier run's selection.
 */
final class ActiveSelection {

    private static final AtomicReference<RunState> CURRENT = new AtomicReference<>();

    private ActiveSelection() {
    }

    static void start(RunState state) {
        CURRENT.set(state);
    }

    static void clear() {
        CURRENT.set(null);
    }

    static Optional<RunState> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
