package dev.tia.engine.source;

/** A project type as declared at head: the declaration and the file that holds it. */
public record Declaration(IndexedFile file, DeclaredType type) {
}
