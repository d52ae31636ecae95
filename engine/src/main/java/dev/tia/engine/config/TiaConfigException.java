package dev.tia.engine.config;

import dev.tia.engine.TiaException;

/** The configuration is invalid: an unknown {@code tia.*} key, a bad value, or an unreadable {@code tia.yaml}. */
public final class TiaConfigException extends TiaException {

    private static final long serialVersionUID = 1L;

    public TiaConfigException(String message) {
        super(message);
    }

    public TiaConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
