package dev.tia.engine.source;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import java.util.Optional;

/**
 * A type declared in a source file, with what test discovery needs to know about it.
 *
 * @param name the canonical name, {@code a.b.Outer.Inner} for nested types
 * @param enclosing the canonical name of the enclosing type of a nested type
 * @param isAbstract abstract classes and interfaces: never run on their own
 * @param isStatic a static nested type (records, enums and interfaces nested are implicitly static)
 * @param supertypes extended and implemented types as written, type arguments dropped
 * @param annotations annotation names on the type, as written
 * @param tags values of {@code @Tag}/{@code @Tags} on the type itself
 * @param methods methods that carry annotations or are named {@code test*}
 * @param members every method of the type and its other code, for member-level narrowing
 */
public record DeclaredType(
        String name,
        TypeKind kind,
        Optional<String> enclosing,
        boolean isAbstract,
        boolean isStatic,
        ImmutableList<String> supertypes,
        ImmutableList<String> annotations,
        ImmutableSet<String> tags,
        ImmutableList<MethodFacts> methods,
        ImmutableList<MemberFacts> members) {

    /** This type with other methods and members: what a comparison of two contents leaves out of them. */
    public DeclaredType with(ImmutableList<MethodFacts> otherMethods, ImmutableList<MemberFacts> otherMembers) {
        return new DeclaredType(name, kind, enclosing, isAbstract, isStatic, supertypes, annotations, tags, otherMethods,
                otherMembers);
    }

    /** This type without its header (annotations, tags, supertypes): what a comparison of two contents leaves out. */
    public DeclaredType withoutHeader() {
        return new DeclaredType(name, kind, enclosing, isAbstract, isStatic, ImmutableList.of(), ImmutableList.of(),
                ImmutableSet.of(), methods, members);
    }

    public boolean isTopLevel() {
        return enclosing.isEmpty();
    }

    public boolean hasAnnotation(String simpleName) {
        return annotations.stream().anyMatch(a -> a.equals(simpleName) || a.endsWith("." + simpleName));
    }
}
