package dev.tia.engine.source;

import com.google.common.collect.ImmutableSortedSet;

/**
 * A runnable test class: top-level, concrete, with test methods (own, inherited or in {@code @Nested} classes).
 *
 * @param classTags tags of the class itself, its supertypes and its meta-annotations
 * @param tagsOnEveryTest tags that every test in it carries (class tags plus those common to all methods):
 *     what decides an exclusion by tag
 */
public record TestClass(TypeRef type, String path, ImmutableSortedSet<String> classTags,
        ImmutableSortedSet<String> tagsOnEveryTest) {

    public String className() {
        return type.name();
    }

    public String module() {
        return type.module();
    }

    /**
     * Whether Failsafe runs it by default ({@code IT*}, {@code *IT}, {@code *ITCase}): an integration test, which
     * may exercise the module's built artifact rather than name its classes.
     */
    public boolean isIntegrationTest() {
        String simple = className().substring(className().lastIndexOf('.') + 1);
        return simple.startsWith("IT") || simple.endsWith("IT") || simple.endsWith("ITCase");
    }
}
