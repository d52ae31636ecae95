package dev.tia.engine.source;

/** The kind of a declared type. */
public enum TypeKind {
    CLASS,
    INTERFACE,
    ENUM,
    RECORD,
    ANNOTATION
}
