package dev.tia.engine.source;

/**
 * A Java file of the project with its facts.
 *
 * @param module the path of the module it belongs to
 * @param test whether it lies in a test source root
 */
public record IndexedFile(String path, String module, boolean test, FileFacts facts) {
}
