package dev.tia.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * {@link FileFacts#wordsOnlyDifference}: what lets a stored graph serve an edit that writes other words, so it must
 * give every word name resolution could read differently, and nothing when more than words changed.
 */
class FileFactsTest {

    private final JavaFileAnalyzer analyzer = new JavaFileAnalyzer();

    private FileFacts facts(String body) {
        return analyzer.analyze("src/main/java/p/Cart.java",
                "package p;\nimport java.util.List;\npublic class Cart {\n    int total(List<Integer> items) {\n" + body + "\n    }\n}\n");
    }

    @Test
    void aNewLocalVariableIsTheOnlyWordThatDiffers() {
        FileFacts before = facts("return items.size();");
        FileFacts after = facts("int count = items.size();\nreturn count;");

        assertThat(after.wordsOnlyDifference(before)).contains(Set.of("count"));
        assertThat(before.wordsOnlyDifference(after)).as("either way round").contains(Set.of("count"));
        assertThat(after.wordsOnlyDifference(after)).contains(Set.of());
    }

    @Test
    void aQualifiedNameWrittenAnewCountsWithEveryOneOfItsSegments() {
        // Both write the words a, b, C and D; only the second writes a.b.C, which may name a type as a whole.
        FileFacts before = facts("Object x = a.b.D.VALUE; Object y = C.class; return 0;");
        FileFacts after = facts("Object x = a.b.D.VALUE; Object y = C.class; Object z = a.b.C.VALUE; return 0;");

        assertThat(after.wordsOnlyDifference(before)).hasValueSatisfying(words -> assertThat(words).contains("a", "b", "C", "z"));
    }

    @Test
    void aMethodAddedThatNoFrameworkFindsDiffersInItsWordsOnly() {
        FileFacts before = facts("return 0;");
        FileFacts after = analyzer.analyze("src/main/java/p/Cart.java", "package p;\nimport java.util.List;\npublic class Cart {\n"
                + "    int total(List<Integer> items) {\n return 0;\n    }\n    private int twice(int amount) {\n return 2 * amount;\n    }\n}\n");

        assertThat(after.wordsOnlyDifference(before)).contains(Set.of("twice", "amount"));
    }

    @Test
    void anythingBesideTheWordsMakesNoWordsOnlyDifference() {
        FileFacts before = facts("return 0;");
        FileFacts annotated = analyzer.analyze("src/main/java/p/Cart.java",
                "package p;\nimport java.util.List;\n@Deprecated\npublic class Cart {\n    int total(List<Integer> items) {\n return 0;\n    }\n}\n");
        FileFacts imports = analyzer.analyze("src/main/java/p/Cart.java",
                "package p;\nimport java.util.*;\npublic class Cart {\n    int total(List<Integer> items) {\n return 0;\n    }\n}\n");
        FileFacts testMethod = analyzer.analyze("src/main/java/p/Cart.java", "package p;\nimport java.util.List;\npublic class Cart {\n"
                + "    int total(List<Integer> items) {\n return 0;\n    }\n    public void testTotal() {\n    }\n}\n");

        assertThat(annotated.wordsOnlyDifference(before)).isEqualTo(Optional.empty());
        assertThat(imports.wordsOnlyDifference(before)).isEqualTo(Optional.empty());
        assertThat(testMethod.wordsOnlyDifference(before)).as("the test catalog reads public test* methods (JUnit 3)").isEqualTo(Optional.empty());
    }
}
