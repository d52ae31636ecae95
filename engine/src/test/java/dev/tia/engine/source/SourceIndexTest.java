package dev.tia.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tia.engine.project.RepoPath;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The index's shortcut for "same folder as the file before" agrees with {@link RepoPath#parent}. */
class SourceIndexTest {

    @Test
    void inFolderMeansTheParentIsThatFolder() {
        List<String> paths = List.of("A.java", "a/A.java", "a/b/A.java", "a/bc/A.java", "ab/A.java", "a/b", "a/b/c/D.java",
                "a/b/", "b/a/A.java");
        List<String> dirs = List.of("", "a", "a/b", "a/bc", "ab", "b", "a/b/c");
        for (String path : paths) {
            for (String dir : dirs) {
                assertThat(SourceIndex.inFolder(path, dir)).as("%s in %s", path, dir)
                        .isEqualTo(!path.endsWith("/") && RepoPath.parent(path).equals(dir));
            }
        }
    }
}
