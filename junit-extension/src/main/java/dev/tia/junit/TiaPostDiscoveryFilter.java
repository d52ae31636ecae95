package dev.tia.junit;

import java.util.List;
import java.util.Optional;

import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TagFilter;

/**
 * Leaves out the tests of classes the selection proves unaffected, and in quick mode the excluded tags through
 * JUnit's own {@link TagFilter} (so method-level tags work as they always do).
 *
 * <p>The launcher applies post-discovery filters to leaf descriptors only and then prunes empty containers, so
 * each test is judged by the top-level class it belongs to. A test whose class tia does not know is never
 * excluded.
 */
public final class TiaPostDiscoveryFilter implements PostDiscoveryFilter {

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        Optional<RunState> state = ActiveSelection.current();
        Optional<ModuleSelection> selection = state.flatMap(RunState::selection);
        if (selection.isEmpty()) {
            return FilterResult.included("tia is not selecting");
        }
        Optional<String> className = classOf(descriptor);
        if (className.isPresent() && selection.get().skips(className.get())) {
            String reason = "tia: " + selection.get().skipReason(className.get());
            state.get().recordSkipped(topLevel(className.get()), reason);
            return FilterResult.excluded(reason);
        }
        if (selection.get().excludesTags()) {
            FilterResult byTag = TagFilter.excludeTags(List.copyOf(selection.get().excludeTags())).apply(descriptor);
            if (byTag.excluded()) {
                className.ifPresent(c -> state.get().recordTaggedOut(topLevel(c)));
                return byTag;
            }
        }
        return FilterResult.included("tia: affected by the change, or unknown to tia");
    }

    /** The class a descriptor's tests live in: its own source, or the nearest ancestor's. */
    static Optional<String> classOf(TestDescriptor descriptor) {
        Optional<TestDescriptor> current = Optional.of(descriptor);
        while (current.isPresent()) {
            Optional<TestSource> source = current.get().getSource();
            if (source.isPresent() && source.get() instanceof MethodSource method) {
                return Optional.of(method.getClassName());
            }
            if (source.isPresent() && source.get() instanceof ClassSource type) {
                return Optional.of(type.getClassName());
            }
            current = current.get().getParent();
        }
        return Optional.empty();
    }

    static String topLevel(String className) {
        int dollar = className.indexOf('$');
        return dollar < 0 ? className : className.substring(0, dollar);
    }
}
