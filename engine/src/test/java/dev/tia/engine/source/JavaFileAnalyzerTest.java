package dev.tia.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What makes a file unreadable to tia: its grammar, and a module import, whose names tia cannot resolve; not the rules
 * a compiler checks beyond them. JavaParser's language level validates those after the parse, a third of a cold
 * run's parsing; tia leaves them to the compiler.
 */
class JavaFileAnalyzerTest {

    private final JavaFileAnalyzer analyzer = new JavaFileAnalyzer();

    @Test
    void aRuleOnlyTheCompilerChecksLeavesTheFileReadForItsNames() {
        // Two access modifiers, and an abstract method in a final class: javac refuses both, the grammar does not.
        FileFacts facts = analyzer.analyze("src/main/java/p/Cart.java", "package p;\nimport q.Money;\n"
                + "public private final class Cart extends Base {\n    abstract Money total();\n"
                + "    int count() {\n        return Items.size();\n    }\n}\n");

        assertThat(facts.parseProblem()).isEmpty();
        assertThat(facts.types()).singleElement().satisfies(type -> {
            assertThat(type.name()).isEqualTo("p.Cart");
            assertThat(type.supertypes()).containsExactly("Base");
        });
        assertThat(facts.imports()).containsExactly("q.Money");
        assertThat(facts.identifiers()).contains("Items", "Money");
    }

    @Test
    void aModuleImportLeavesTheFileUnreadWithTheReason() {
        // Java 25: every type of the packages module com.example.pricing exports is known by its simple name here,
        // and tia does not know which those are; read as a single-type import, Money would name nothing.
        FileFacts facts = analyzer.analyze("src/main/java/p/Cart.java",
                "package p;\nimport module com.example.pricing;\n\npublic class Cart {\n    Money total;\n}\n");

        assertThat(facts.parseProblem()).contains("import module com.example.pricing at line 2, whose types tia does not look up");
        assertThat(facts.types()).extracting(DeclaredType::name).containsExactly("p.Cart");
    }

    @Test
    void aFileOutsideTheGrammarIsUnparseableWithItsLine() {
        FileFacts facts = analyzer.analyze("src/main/java/p/Cart.java", "package p;\n\npublic class Cart {\n    int count( {\n}\n");

        assertThat(facts.parseProblem()).hasValueSatisfying(problem -> assertThat(problem).startsWith("syntax error at line 4"));
        assertThat(facts.types()).extracting(DeclaredType::name).containsExactly("p.Cart");
    }
}
