package dev.tia.engine.source;

import com.google.common.collect.ImmutableMap;

/**
 * Every indexed file's {@link FileResolution}, and how many were taken from the {@link ResolutionCache}.
 *
 * @param reused resolutions still valid from an earlier run
 * @param resolved resolutions computed in this run
 */
public record Resolutions(ImmutableMap<String, FileResolution> byPath, int reused, int resolved) {

    /** The resolution of the indexed file at {@code path}. */
    public FileResolution of(String path) {
        FileResolution resolution = byPath.get(path);
        if (resolution == null) {
            throw new IllegalArgumentException(path + " is not an indexed file");
        }
        return resolution;
    }
}
