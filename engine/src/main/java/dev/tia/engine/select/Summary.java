package dev.tia.engine.select;

/** Counts of test classes by status. */
public record Summary(int selected, int skipped, int excludedByTag, int total) {
}
