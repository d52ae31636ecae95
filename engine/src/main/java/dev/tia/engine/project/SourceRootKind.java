package dev.tia.engine.project;

/** Which kind of root a file of a module lies in. */
public enum SourceRootKind {
    MAIN_SOURCE,
    TEST_SOURCE,
    MAIN_RESOURCE,
    TEST_RESOURCE,
    /** Inside the module folder but in no source or resource root (a Dockerfile, {@code src/it}, ...). */
    OTHER
}
