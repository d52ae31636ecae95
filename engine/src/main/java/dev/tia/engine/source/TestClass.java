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
}
