package dev.tia.engine.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How much of the affected set runs. */
public enum Mode {
    /** Affected tests, leaving out the excluded tags ({@code e2e} by default): the tier for every push. */
    QUICK,
    /** Affected tests, whatever their tags. */
    AFFECTED,
    /** Every test (the full tier); selection is still computed and reported. */
    ALL,
    /**
     * Every test runs, and what quick mode would have skipped is recorded: a team runs this for a while to see
     * that no test tia would skip ever fails, before switching selection on.
     */
    OBSERVE;

    /** Whether every test runs in this mode (nothing is left out, whatever the selection says). */
    public boolean runsEverything() {
        return this == ALL || this == OBSERVE;
    }

    /** The name used in configuration and reports: {@code quick}, {@code affected}, {@code all}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Mode parse(String value) {
        for (Mode mode : values()) {
            if (mode.id().equalsIgnoreCase(value.trim())) {
                return mode;
            }
        }
        throw new TiaConfigException("unknown mode '" + value + "': use one of "
                + Arrays.stream(values()).map(Mode::id).collect(Collectors.joining(", ")));
    }
}
