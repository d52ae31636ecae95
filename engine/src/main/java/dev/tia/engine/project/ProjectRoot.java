package dev.tia.engine.project;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the top of a Maven reactor from one of its module folders. */
public final class ProjectRoot {

    private ProjectRoot() {
    }

    /**
     * Where {@code mvn} would be run for the whole build that {@code moduleDir} belongs to: the nearest folder
     * above it with a {@code .mvn} folder (Maven's own marker), else the highest folder holding a {@code pom.xml}
     * below the git working tree's root (inclusive). Modules need not sit directly below their aggregator
     * ({@code <module>services/checkout</module>}), so folders without a pom on the way up do not stop the search.
     */
    public static Path enclosing(Path moduleDir) {
        Path dir = moduleDir.toAbsolutePath().normalize();
        Path top = dir;
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("pom.xml"))) {
                top = dir;
                if (Files.isDirectory(dir.resolve(".mvn"))) {
                    return dir;
                }
            }
            if (Files.exists(dir.resolve(".git"))) {
                break;
            }
            dir = dir.getParent();
        }
        return top;
    }
}
