package dev.tia.engine.source;

/** A project type: its canonical name and the module declaring it (two modules may declare the same name). */
public record TypeRef(String module, String name) {

    /** The name without its package and enclosing types: {@code Inner} of {@code a.b.Outer.Inner}. */
    public String simpleName() {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    @Override
    public String toString() {
        return name;
    }
}
