package dev.tia.engine.source;

/**
 * A project type: its canonical name and the module declaring it (two modules may declare the same name).
 *
 * <p>{@code equals} and {@code hashCode} are written out, with the values a record derives (so no map's order
 * changes): a warm run hashes type references a few million times, and in the C1-compiled short-lived process the
 * record's generated methods, which go through method handles, were the largest single cost in profiles at 50k.
 */
public record TypeRef(String module, String name) {

    /** The name without its package and enclosing types: {@code Inner} of {@code a.b.Outer.Inner}. */
    public String simpleName() {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    @Override
    public boolean equals(Object other) {
        // the name first: two references in one map mostly differ there, and share their module
        return other == this || other instanceof TypeRef that && name.equals(that.name) && module.equals(that.module);
    }

    @Override
    public int hashCode() {
        return 31 * module.hashCode() + name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
