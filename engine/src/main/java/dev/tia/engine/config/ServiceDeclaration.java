package dev.tia.engine.config;

import java.util.Optional;

/** A service declared in {@code tia.yaml}: a folder glob and, optionally, a fixed name. */
public record ServiceDeclaration(Optional<String> name, PathGlob path) {
}
