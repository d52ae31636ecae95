package dev.tia.engine.select;

import com.google.common.collect.ImmutableSortedSet;

import java.util.Collection;
import java.util.Set;

/**
 * What observe mode learned from one run where every test ran: which test classes quick mode would have skipped,
 * and which of those failed. A failed one is a safety miss: tia would have hidden a failure.
 */
public record ObserveOutcome(int total, ImmutableSortedSet<String> wouldSkip, ImmutableSortedSet<String> failed,
        ImmutableSortedSet<String> misses) {

    /** @param failedClasses top-level test classes with a failed or erroneous test in this run */
    public static ObserveOutcome of(Collection<TestResult> tests, Set<String> failedClasses) {
        // Only proven-unaffected tests count: tests left out by tag are affected, and the full tier runs them.
        ImmutableSortedSet<String> wouldSkip = tests.stream().filter(t -> t.status() == TestStatus.SKIPPED)
                .map(TestResult::className).collect(ImmutableSortedSet.toImmutableSortedSet(String::compareTo));
        ImmutableSortedSet<String> misses = wouldSkip.stream().filter(failedClasses::contains)
                .collect(ImmutableSortedSet.toImmutableSortedSet(String::compareTo));
        return new ObserveOutcome(tests.size(), wouldSkip, ImmutableSortedSet.copyOf(failedClasses), misses);
    }

    /** {@code tia would have skipped 128 of 140 test classes; 0 of them failed}. */
    public String headline() {
        return "tia would have skipped " + wouldSkip.size() + " of " + total + " test classes; " + misses.size()
                + " of them failed";
    }
}
