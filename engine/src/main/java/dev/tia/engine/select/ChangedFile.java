package dev.tia.engine.select;

import dev.tia.engine.git.ChangeType;

import java.util.Optional;

/** A changed file as reported: the git change and what tia made of it. */
public record ChangedFile(String path, ChangeType change, Optional<String> oldPath, Effect effect, String description) {
}
