package dev.tia.engine.source;

import com.google.common.collect.ImmutableSortedSet;

/**
 * A runnable test class: top-level, concrete, with test methods (own, inherited or in {@code @Nested} classes).
 *
 * @param classTags tags of the class itself, its supertypes and its meta-annotations
 * @param tagsOnEveryTest tags that every test in it carries (class tags plus those common to all methods):
 *     what decides an exclusion by tag
 * @param loadsWholeModule the test starts a framework context or scans classes (Spring, Quarkus, Micronaut,
 *     ArchUnit), so it reaches code it never names
 * @param scansClasses the test reads the class structure (ArchUnit, Reflections, ClassGraph): a change inside a
 *     method body can break it without the changed method ever running
 */
public record TestClass(TypeRef type, String path, ImmutableSortedSet<String> classTags,
        ImmutableSortedSet<String> tagsOnEveryTest, boolean loadsWholeModule, boolean scansClasses) {

    public String className() {
        return type.name();
    }

    public String module() {
        return type.module();
    }

    /**
     * Whether the test can reach the module's code without naming it: an integration test as Failsafe names them
     * ({@code IT*}, {@code *IT}, {@code *ITCase}), which may run the built artifact, or a test that loads a whole
     * context or scans classes.
     */
    public boolean reachesWholeModule() {
        String simple = className().substring(className().lastIndexOf('.') + 1);
        return loadsWholeModule || simple.startsWith("IT") || simple.endsWith("IT") || simple.endsWith("ITCase");
    }
}
