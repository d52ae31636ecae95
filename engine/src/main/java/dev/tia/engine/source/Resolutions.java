package dev.tia.engine.source;

/**
 * Every indexed file's {@link FileResolution}, by the file's place in the index, and how many were taken from the
 * {@link ResolutionCache}.
 *
 * <p>By place, not by path: the graph's build, the catalog and the type hierarchy ask for a file's resolution three or
 * four times per file, and a map of 67k paths answered each after two or three cache misses (45 ms of a build at 50k
 * classes, besides building the map).
 */
public final class Resolutions {

    private final FileResolution[] byNumber;
    private final int reused;
    private final int resolved;

    /**
     * @param byNumber each file's resolution at its place in the index (not copied: the caller hands it over)
     * @param reused resolutions still valid from an earlier run
     * @param resolved resolutions computed in this run
     */
    public Resolutions(FileResolution[] byNumber, int reused, int resolved) {
        this.byNumber = byNumber;
        this.reused = reused;
        this.resolved = resolved;
    }

    /** The resolution of the indexed file at place {@code number} of the index's files. */
    public FileResolution of(int number) {
        return byNumber[number];
    }

    public int reused() {
        return reused;
    }

    public int resolved() {
        return resolved;
    }
}
