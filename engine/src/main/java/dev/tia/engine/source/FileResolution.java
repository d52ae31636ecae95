package dev.tia.engine.source;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

import java.util.Set;

/**
 * What the names of one file resolve to, against one {@link TypeUniverse} and one set of visible modules.
 *
 * @param references every project type the file may depend on (see {@link NameResolver#references})
 * @param supertypes per type the file declares, the project types its written supertypes may denote
 */
public record FileResolution(Set<TypeRef> references, ImmutableMap<String, Set<TypeRef>> supertypes) {

    /** Resolves {@code file} now. */
    static FileResolution of(IndexedFile file, NameResolver resolver, Set<String> visibleModules) {
        ImmutableMap.Builder<String, Set<TypeRef>> supertypes = ImmutableMap.builder();
        for (DeclaredType type : file.facts().types()) {
            ImmutableSet.Builder<TypeRef> resolved = ImmutableSet.builder();
            type.supertypes().forEach(name -> resolved.addAll(resolver.resolve(file, name, visibleModules)));
            supertypes.put(type.name(), resolved.build());
        }
        return new FileResolution(ImmutableSet.copyOf(resolver.references(file, visibleModules)), supertypes.buildKeepingLast());
    }

    /** The project types that {@code type}'s supertypes may denote; none for a type this file does not declare. */
    public Set<TypeRef> supertypesOf(String type) {
        return supertypes.getOrDefault(type, ImmutableSet.of());
    }
}
