package dev.tia.engine.source;

/** A project type: its canonical name and the module declaring it (two modules may declare the same name). */
public record TypeRef(String module, String name) {

    @Override
    public String toString() {
        return name;
    }
}
