package dev.tia.engine.select;

/** What happens to a test class. */
public enum TestStatus {
    /** Runs: the change can affect it (or everything runs). */
    SELECTED,
    /** Does not run: proven unaffected by the change. */
    SKIPPED,
    /** Affected, but left out by the mode's tag exclusion ({@code e2e} in quick mode). */
    EXCLUDED_BY_TAG
}
