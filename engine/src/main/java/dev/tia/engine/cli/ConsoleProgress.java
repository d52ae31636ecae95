package dev.tia.engine.cli;

import dev.tia.engine.Progress;

import java.io.PrintWriter;

/**
 * A progress line on stderr, shown only at a terminal and only once the work has taken more than a second, so
 * CI logs and quick runs stay clean.
 */
final class ConsoleProgress implements Progress {

    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final long REFRESH_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final long start = System.nanoTime();
    private long lastShown;
    private boolean shown;

    private ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    /** A progress line when stderr is a terminal, nothing otherwise. */
    static Progress forTerminal(PrintWriter err) {
        return System.console() != null ? new ConsoleProgress(err) : Progress.NONE;
    }

    @Override
    public synchronized void update(String what, int done, int total) {
        long now = System.nanoTime();
        if (now - start < QUIET_NANOS || now - lastShown < REFRESH_NANOS && done < total) {
            return;
        }
        lastShown = now;
        shown = true;
        err.print(String.format("\rtia: %s %d/%d files", what, done, total));
        err.flush();
    }

    @Override
    public synchronized void finish() {
        if (shown) {
            err.print("\r\033[K");
            err.flush();
            shown = false;
        }
    }
}
