package dev.tia.engine.source;

import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableList;

import java.util.Collection;
import java.util.Set;

/** Every project type by canonical name, including types that exist only at base (deleted or renamed away). */
public final class TypeUniverse {

    private final ImmutableListMultimap<String, TypeRef> byName;

    private TypeUniverse(ImmutableListMultimap<String, TypeRef> byName) {
        this.byName = byName;
    }

    public static TypeUniverse of(Collection<TypeRef> types) {
        ImmutableListMultimap.Builder<String, TypeRef> byName = ImmutableListMultimap.builder();
        types.stream().distinct().forEach(t -> byName.put(t.name(), t));
        return new TypeUniverse(byName.build());
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
