package dev.tia.engine.config;

/** Where a configuration value came from, highest precedence first. */
public enum ValueOrigin {
    EXPLICIT,
    SYSTEM_PROPERTY,
    DEFAULT
}
