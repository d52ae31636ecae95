package dev.tia.junit;

/** tia could not select tests and {@code tia.failOnError=true} asks the run to fail rather than run everything. */
public final class TiaSelectionFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TiaSelectionFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
