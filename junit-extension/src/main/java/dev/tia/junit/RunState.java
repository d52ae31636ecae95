package dev.tia.junit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What tia decided for the current launcher run: a selection to apply, or the reason it runs everything; and
 * the classes the filter left out, for the summary.
 */
final class RunState {

    private final Optional<ModuleSelection> selection;
    private final Optional<String> fallbackReason;
    private final Map<String, String> skippedClasses = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Set<String> taggedOutClasses = Collections.synchronizedSet(new LinkedHashSet<>());

    private RunState(Optional<ModuleSelection> selection, Optional<String> fallbackReason) {
        this.selection = selection;
        this.fallbackReason = fallbackReason;
    }

    static RunState selecting(ModuleSelection selection) {
        return new RunState(Optional.of(selection), Optional.empty());
    }

    /** tia could not decide: every test runs, and the summary says why. */
    static RunState runningEverything(String reason) {
        return new RunState(Optional.empty(), Optional.of(reason));
    }

    Optional<ModuleSelection> selection() {
        return selection;
    }

    Optional<String> fallbackReason() {
        return fallbackReason;
    }

    void recordSkipped(String className, String reason) {
        skippedClasses.putIfAbsent(className, reason);
    }

    /** A test of {@code className} was left out by the tag filter (the class may still run other tests). */
    void recordTaggedOut(String className) {
        taggedOutClasses.add(className);
    }

    Set<String> taggedOutClasses() {
        synchronized (taggedOutClasses) {
            return Set.copyOf(taggedOutClasses);
        }
    }

    Map<String, String> skippedClasses() {
        synchronized (skippedClasses) {
            return Map.copyOf(skippedClasses);
        }
    }
}
