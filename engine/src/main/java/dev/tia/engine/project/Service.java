package dev.tia.engine.project;

import java.util.Optional;

/**
 * Something CI builds and deploys on its own: a Maven module, a folder declared in {@code tia.yaml}, or a
 * folder holding a Dockerfile.
 *
 * @param module the path of the Maven module that is this service, when it is one
 */
public record Service(String name, String path, Optional<String> module) {
}
