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
    ALL;

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
