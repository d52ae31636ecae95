package dev.tia.engine.source;

/**
 * A Java file of the project with its facts.
 *
 * @param module the path of the module it belongs to
 * @param test whether it lies in a test source root
 * @param contentId the git blob id of its content, which keys what is cached about it
 */
public record IndexedFile(String path, String module, boolean test, String contentId, FileFacts facts) {
}
