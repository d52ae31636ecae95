package dev.tia.engine.report;

import dev.tia.engine.config.TiaConfigException;

import java.util.Locale;

/** How {@code tia services} and {@code tia shards} print their lists. */
public enum ListFormat {
    TEXT,
    JSON,
    /** {@code {"include":[...]}}, for a GitHub Actions {@code strategy.matrix}. */
    GITHUB_MATRIX;

    public static ListFormat parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new TiaConfigException("unknown format '" + value + "': use text, json or github-matrix");
        }
    }
}
