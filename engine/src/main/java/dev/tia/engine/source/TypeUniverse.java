package dev.tia.engine.source;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import java.util.Set;

/** Every project type by canonical name, including types that exist only at base (deleted or renamed away). */
public final class TypeUniverse {

    private final ImmutableListMultimap<String, TypeRef> byName;
    private final ImmutableSet<String> simpleNames;

    private TypeUniverse(ImmutableListMultimap<String, TypeRef> byName, ImmutableSet<String> simpleNames) {
        this.byName = byName;
        this.simpleNames = simpleNames;
    }

    /** @param types distinct types (a set: the caller collects them from several sources), in a stable order */
    public static TypeUniverse of(Set<TypeRef> types) {
        ImmutableListMultimap.Builder<String, TypeRef> byName = ImmutableListMultimap.builder();
        ImmutableSet.Builder<String> simpleNames = ImmutableSet.builderWithExpectedSize(types.size());
        for (TypeRef type : types) {
            byName.put(type.name(), type);
            simpleNames.add(type.simpleName());
        }
        return new TypeUniverse(byName.build(), simpleNames.build());
    }

    /** Every type, in the order given. */
    public ImmutableCollection<TypeRef> types() {
        return byName.values();
    }

    /** Whether some project type has this simple name: most identifiers (variables, methods) are no type's. */
    public boolean hasSimpleName(String simpleName) {
        return simpleNames.contains(simpleName);
    }

    /** Every declaration of the canonical {@code name}, visible or not. */
    public ImmutableList<TypeRef> lookupAll(String name) {
        return byName.get(name);
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /**
     * The declarations of {@code name} that a module seeing {@code visibleModules} can mean. When none of them is
     * visible, all of them: the module graph may miss a dependency (a plugin, a classifier), and an extra edge
     * only costs a test run.
     */
    public ImmutableList<TypeRef> lookup(String name, Set<String> visibleModules) {
        ImmutableList<TypeRef> all = byName.get(name);
        if (all.size() <= 1) {
            return all;
        }
        ImmutableList<TypeRef> visible = all.stream().filter(t -> visibleModules.contains(t.module()))
                .collect(ImmutableList.toImmutableList());
        return visible.isEmpty() ? all : visible;
    }
}
