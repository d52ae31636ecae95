package dev.tia.engine.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The file list every tree hands the index: String order, each path once, ids kept with their paths. */
class FileTableTest {

    @Test
    void pathsInOrderAreKeptWithTheirIds() {
        FileTable table = FileTable.of(new String[] {"a/A.java", "a/B.java", "b/C.java"}, new String[] {"1", null, "3"});

        assertThat(table.paths()).containsExactly("a/A.java", "a/B.java", "b/C.java");
        assertThat(table.id("a/A.java")).contains("1");
        assertThat(table.id("a/B.java")).isEmpty();
        assertThat(table.id(2)).contains("3");
        assertThat(table.position("a/C.java")).isNegative();
        assertThat(table.id("a/C.java")).isEmpty();
    }

    @Test
    void gitsByteOrderThatIsNotStringOrderIsSortedWithIdsFollowingTheirPaths() {
        // git orders paths by their UTF-8 bytes: U+E000 (EE 80 80) before U+1F600 (F0 9F 98 80). As Java strings the
        // emoji's first char, a surrogate (D83D), comes first: a binary search over git's order would miss a path.
        String privateUse = "src/a\uE000.java";
        String emoji = "src/a\uD83D\uDE00.java";
        FileTable table = FileTable.of(new String[] {"src/A.java", privateUse, emoji}, new String[] {"1", "2", "3"});

        assertThat(table.paths()).containsExactly("src/A.java", emoji, privateUse);
        assertThat(table.id(privateUse)).contains("2");
        assertThat(table.id(emoji)).contains("3");
    }

    @Test
    void aRepeatedPathIsListedOnceWithItsFirstId() {
        FileTable table = FileTable.of(new String[] {"b", "a", "b"}, new String[] {"1", "2", "3"});

        assertThat(table.paths()).containsExactly("a", "b");
        assertThat(table.id("b")).contains("1");
    }

    @Test
    void untrackedFilesJoinInOrderWithoutIds() {
        FileTable tracked = FileTable.of(new String[] {"b", "d", "f"}, new String[] {"1", "2", "3"});

        FileTable all = tracked.with(List.of("g", "a", "c", "d", "e"));

        assertThat(all.paths()).containsExactly("a", "b", "c", "d", "e", "f", "g");
        assertThat(List.of("a", "b", "c", "d", "e", "f", "g").stream().map(all::id))
                .containsExactly(Optional.empty(), Optional.of("1"), Optional.empty(), Optional.of("2"), Optional.empty(),
                        Optional.of("3"), Optional.empty());
        assertThat(tracked.with(List.of())).isSameAs(tracked);
    }
}
