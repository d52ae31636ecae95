package dev.tia.engine.project;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the top of a Maven reactor from one of its module folders. */
public final class ProjectRoot {

    private ProjectRoot() {
    }

    /**
     * The highest folder above {@code moduleDir} (itself included) reached through folders that all hold a
     * {@code pom.xml}, without leaving the git working tree: where {@code mvn} would be run for the whole build.
     */
    public static Path enclosing(Path moduleDir) {
        Path dir = moduleDir.toAbsolutePath().normalize();
        Path top = dir;
        while (!Files.exists(dir.resolve(".git")) && dir.getParent() != null && Files.isRegularFile(dir.getParent().resolve("pom.xml"))) {
            dir = dir.getParent();
            top = dir;
        }
        return top;
    }
}
