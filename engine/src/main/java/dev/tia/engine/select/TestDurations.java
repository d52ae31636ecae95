package dev.tia.engine.select;

import dev.tia.engine.config.TiaConfig;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** How long test classes took last time, read from Surefire and Failsafe XML reports ({@code TEST-*.xml}). */
public final class TestDurations {

    private TestDurations() {
    }

    /** The durations {@code config} names ({@code tia.durations}), or none: shards are then balanced by count. */
    public static Map<String, Double> configured(TiaConfig config) {
        return config.durationsDir().map(TestDurations::readReports).orElse(Map.of());
    }

    /** Seconds per test class name, from every report folder below {@code dir}; unreadable reports are skipped. */
    public static Map<String, Double> readReports(Path dir) {
        Map<String, Double> seconds = new TreeMap<>();
        for (SurefireReports.Suite suite : SurefireReports.below(dir)) {
            seconds.merge(suite.className(), suite.seconds(), Double::sum);
        }
        return seconds;
    }
}
