package dev.tia.engine;

/**
 * A failure the user can act on: the message says what was wrong and what to do.
 *
 * <p>Faces print {@link #getMessage()} as one line and never a stack trace. Situations where tia merely
 * cannot be sure are not exceptions: they become a run-all with a stated reason.
 */
public class TiaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TiaException(String message) {
        super(message);
    }

    public TiaException(String message, Throwable cause) {
        super(message, cause);
    }
}
