package dev.tia.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The substring-free shortcuts agree with the plain definitions they stand for. */
class RepoPathTest {

    private static final List<String> PATHS = List.of("A.java", "a/A.java", "a/b/A.java", "a/bc/A.java", "ab/A.java", "a/b",
            "a/b/c/D.java", "a/b/", "b/a/A.java", "Dockerfile", "svc/Dockerfile", "svc/my-Dockerfile", "svc/Dockerfile.dev");

    @Test
    void isDirectlyInMeansTheParentIsThatFolder() {
        for (String path : PATHS) {
            for (String dir : List.of("", "a", "a/b", "a/bc", "ab", "b", "a/b/c", "svc")) {
                assertThat(RepoPath.isDirectlyIn(path, dir)).as("%s in %s", path, dir)
                        .isEqualTo(!path.endsWith("/") && RepoPath.parent(path).equals(dir));
            }
        }
    }

    @Test
    void hasFileNameMeansTheLastSegmentIsThatName() {
        for (String path : PATHS) {
            for (String name : List.of("Dockerfile", "A.java", "b", "D.java")) {
                assertThat(RepoPath.hasFileName(path, name)).as("%s named %s", path, name)
                        .isEqualTo(RepoPath.fileName(path).equals(name));
            }
        }
    }
}
