package dev.tia.engine.project;

/** {@code groupId:artifactId}, possibly still holding {@code ${...}} properties until resolved. */
public record Coordinates(String groupId, String artifactId) {

    @Override
    public String toString() {
        return groupId + ":" + artifactId;
    }
}
