package dev.tia.engine.source;

/**
 * A project type as declared at head: the declaration, the file that holds it and that file's place in the index
 * (by which its resolution is found: see {@link Resolutions#of(int)}).
 */
public record Declaration(IndexedFile file, int number, DeclaredType type) {
}
