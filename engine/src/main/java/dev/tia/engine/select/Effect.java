package dev.tia.engine.select;

/** What a changed file does to the selection. */
public enum Effect {
    /** Nothing: documentation and other files in the ignore list. */
    IGNORED,
    /** Every test runs (a build file, a file outside every module, unknown structure). */
    RUN_ALL,
    /**
     * A pom edit that only moves dependency versions: every test runs, unless the face knows class paths (the Maven
     * plugin), where only modules whose test class path holds one of the artifacts run.
     */
    DEPENDENCY_VERSIONS,
    /** The types declared in a Java file, and whatever depends on them. */
    TYPES,
    /** Methods whose bodies alone changed in a Java file, and whatever can call them. */
    MEMBERS,
    /** All tests of a module and of the modules that depend on it. */
    MODULE,
    /** All tests of one module. */
    MODULE_TESTS,
    /** A service's image, but no test (a Dockerfile). */
    SERVICE_ONLY
}
