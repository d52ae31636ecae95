package dev.tia.engine.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How finely a Java edit is judged ({@code tia.precision}); each step down switches one rule off.
 */
public enum Precision {
    /**
     * An edit confined to method bodies affects the tests that can reach those methods; a pom edit that only moves
     * dependency versions affects the modules whose class path has them (where a face can see class paths); no-op
     * edits change nothing.
     */
    MEMBER,
    /** An edited type affects everything that depends on it, an edited pom its usual scope; no-op edits still change nothing. */
    CLASS,
    /** Every edited file counts at class level, even a comment-only edit (for code whose comments something reads). */
    FILE;

    public static Precision parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TiaConfigException(ConfigKey.PRECISION.key() + " must be one of "
                    + Arrays.stream(values()).map(Precision::id).collect(Collectors.joining(", ")) + ", not '" + value + "'");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether an edit of comments and layout alone changes nothing. */
    public boolean noOpEditsIgnored() {
        return this != FILE;
    }

    /** Whether edits are narrowed below the class: method bodies to their callers, dependency bumps to class paths. */
    public boolean memberLevel() {
        return this == MEMBER;
    }
}
