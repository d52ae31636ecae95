package dev.tia.engine.source;

import java.util.Objects;

/**
 * A Java file of the project with its facts, which are decoded from the index when first asked for (see
 * {@link StoredFacts}). Two are equal when they name the same content at the same place: the facts follow from it.
 */
public final class IndexedFile {

    private final String path;
    private final String module;
    private final boolean test;
    private final String contentId;
    private final StoredFacts facts;

    IndexedFile(String path, String module, boolean test, String contentId, StoredFacts facts) {
        this.path = path;
        this.module = module;
        this.test = test;
        this.contentId = contentId;
        this.facts = facts;
    }

    public String path() {
        return path;
    }

    /** The path of the module it belongs to. */
    public String module() {
        return module;
    }

    /** Whether it lies in a test source root. */
    public boolean test() {
        return test;
    }

    /** The git blob id of its content, which keys what is cached about it. */
    public String contentId() {
        return contentId;
    }

    public FileFacts facts() {
        return facts.facts();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IndexedFile file && path.equals(file.path) && module.equals(file.module) && test == file.test
                && contentId.equals(file.contentId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, module, test, contentId);
    }

    @Override
    public String toString() {
        return "IndexedFile[" + path + " in " + module + (test ? ", test" : "") + ", " + contentId + "]";
    }
}
