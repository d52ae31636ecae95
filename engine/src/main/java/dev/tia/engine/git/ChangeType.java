package dev.tia.engine.git;

/** How a file differs between base and head. */
public enum ChangeType {
    ADDED,
    MODIFIED,
    DELETED,
    RENAMED
}
