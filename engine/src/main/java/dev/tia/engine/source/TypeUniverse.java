package dev.tia.engine.source;

import com.google.common.collect.ImmutableList;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Every project type by canonical name, including types that exist only at base (deleted or renamed away). */
public final class TypeUniverse {

    private final Set<TypeRef> types;
    /**
     * The declarations of each canonical name, in the order given. A plain map of small lists, not a multimap: a
     * multimap's builder made a builder per name, 10% of a warm run's time at 50k classes.
     */
    private final Map<String, ImmutableList<TypeRef>> byName;
    private final Set<String> simpleNames;

    private TypeUniverse(Set<TypeRef> types, Map<String, ImmutableList<TypeRef>> byName, Set<String> simpleNames) {
        this.types = types;
        this.byName = byName;
        this.simpleNames = simpleNames;
    }

    /**
     * @param types distinct types (a set: the caller collects them from several sources), in a stable order; kept,
     *     not copied, so the caller hands over a set that no one changes afterwards
     */
    public static TypeUniverse of(Set<TypeRef> types) {
        Map<String, ImmutableList<TypeRef>> byName = new HashMap<>(types.size() * 2);
        Set<String> simpleNames = new HashSet<>(types.size() * 2);
        for (TypeRef type : types) {
            ImmutableList<TypeRef> earlier = byName.putIfAbsent(type.name(), ImmutableList.of(type));
            if (earlier != null) { // the same name in two modules: rare
                byName.put(type.name(), ImmutableList.<TypeRef>builder().addAll(earlier).add(type).build());
            }
            simpleNames.add(type.simpleName());
        }
        return new TypeUniverse(Collections.unmodifiableSet(types), byName, simpleNames);
    }

    /** Every type, in the order given. */
    public Set<TypeRef> types() {
        return types;
    }

    /** Whether some project type has this simple name: most identifiers (variables, methods) are no type's. */
    public boolean hasSimpleName(String simpleName) {
        return simpleNames.contains(simpleName);
    }

    /** Every declaration of the canonical {@code name}, visible or not. */
    private ImmutableList<TypeRef> lookupAll(String name) {
        return byName.getOrDefault(name, ImmutableList.of());
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
        ImmutableList<TypeRef> all = lookupAll(name);
        if (all.size() <= 1) {
            return all;
        }
        ImmutableList<TypeRef> visible = all.stream().filter(t -> visibleModules.contains(t.module()))
                .collect(ImmutableList.toImmutableList());
        return visible.isEmpty() ? all : visible;
    }
}
