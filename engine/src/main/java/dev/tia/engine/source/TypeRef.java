package dev.tia.engine.source;

import java.util.Objects;

/**
 * A project type: its canonical name and the module declaring it (two modules may declare the same name).
 *
 * <p>A value class rather than a record for one reason: it keeps its hash. A warm run hashes type references a few
 * million times (graph edges, the universe, the catalog) and, at 50k classes, re-reading two strings for each hash
 * was the largest single cost in profiles. The hash is the one a record of the two components derives, so no map
 * iterates in another order than it did.
 */
public final class TypeRef {

    private final String module;
    private final String name;
    private final int hash;
    /** Worked out on first use (a benign race: every thread computes the same string). */
    private String simpleName;

    public TypeRef(String module, String name) {
        this.module = Objects.requireNonNull(module, "module");
        this.name = Objects.requireNonNull(name, "name");
        this.hash = 31 * module.hashCode() + name.hashCode();
    }

    /** The path of the module that declares it. */
    public String module() {
        return module;
    }

    /** The canonical name: {@code a.b.Outer.Inner}. */
    public String name() {
        return name;
    }

    /** The name without its package and enclosing types: {@code Inner} of {@code a.b.Outer.Inner}. */
    public String simpleName() {
        String simple = simpleName;
        if (simple == null) {
            simple = name.substring(name.lastIndexOf('.') + 1);
            simpleName = simple;
        }
        return simple;
    }

    @Override
    public boolean equals(Object other) {
        // the name first: two references in one map mostly differ there, and share their module
        return other == this || other instanceof TypeRef that && hash == that.hash && name.equals(that.name)
                && module.equals(that.module);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return name;
    }
}
