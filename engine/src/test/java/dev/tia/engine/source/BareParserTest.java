package dev.tia.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.BareParser;
import com.github.javaparser.JavaToken;
import com.github.javaparser.ParseResult;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.type.VarType;

import com.google.common.collect.ImmutableList;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link BareParser} gives what JavaParser configured as {@link JavaFileAnalyzer} configures it gives: the
 * same tree, node by node with each node's range, the same tokens, the same problems in the same order. Everything
 * tia reads of a file comes from these.
 */
class BareParserTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "package p;\nimport java.util.*;\nclass A<T extends Comparable<T>> { List<? super T> xs; }\n",
        // var becomes a VarType only through the Java 21 post-processor
        "class A { void f() { var list = new java.util.ArrayList<String>(); for (var s : list) { } } }",
        // yield, switch expressions and patterns, records, sealed types, text blocks
        "class A { int f(Object o) { return switch (o) { case Integer i when i > 0 -> i; case String s -> { yield s.length(); }"
                + " default -> 0; }; } }",
        "sealed interface Shape permits Circle, Square {}\nrecord Circle(double r) implements Shape { Circle { } }\n"
                + "final class Square implements Shape {}",
        "class A { String s = \"\"\"\n    text\n    block\"\"\"; }",
        "class A { void f(Object o) { if (o instanceof String s && !s.isEmpty()) { } Runnable r = () -> {}; } }",
        "@interface Marker { String[] value() default {}; }\nenum E { X { void f() {} }; void f() {} }",
        "class A {\n\tvoid f() {\n\t\tint x = 1; // a tab is one column\n\t}\n}",
        "class A { char c = '\\u0041'; String \\u0062 = \"\\u0063\"; }",
        // outside the grammar: problems, and what JavaParser recovers
        "package p;\n\npublic class Cart {\n    int count( {\n}\n",
        "class A { void f() { int x = ; } }",
        "class",
        "",
        "import module com.example.pricing;\nclass A {}",
    })
    void aSourceParsesTheSameBothWays(String source) {
        assertSame(source);
    }

    @Test
    void everySourceFileOfTheEngineParsesTheSameBothWays() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("src"))) {
            files = walk.filter(path -> path.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(100);
        for (Path file : files) {
            assertSame(Files.readString(file));
        }
    }

    @Test
    void varIsAVarTypeAsTheJava21PostProcessorMakesIt() {
        ParseResult<CompilationUnit> result = BareParser.parse("class A { void f() { var x = 1; } }");

        assertThat(result.getResult().orElseThrow().findAll(VarType.class)).hasSize(1);
    }

    /**
     * Where JavaParser's classes come from another class loader than the engine's, {@link BareParser} cannot reach
     * JavaParser's package-private parser: the analyzer says so once and parses through {@link
     * com.github.javaparser.JavaParser} instead, with the same facts.
     */
    @Test
    void withJavaParserInAClassLoaderOfItsOwnTheAnalyzerParsesThroughJavaParser() throws Exception {
        URL javaParser = com.github.javaparser.JavaParser.class.getProtectionDomain().getCodeSource().getLocation();
        URL guava = ImmutableList.class.getProtectionDomain().getCodeSource().getLocation();
        URL engine = JavaFileAnalyzer.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader libraries = new URLClassLoader(new URL[] {javaParser, guava}, ClassLoader.getPlatformClassLoader());
                URLClassLoader engineLoader = new URLClassLoader(new URL[] {engine}, libraries)) {
            Class<?> analyzerClass = engineLoader.loadClass(JavaFileAnalyzer.class.getName());
            assertThat(analyzerClass.getClassLoader()).isSameAs(engineLoader);
            Object analyzer = analyzerClass.getConstructor().newInstance();
            Method analyze = analyzerClass.getMethod("analyze", String.class, String.class);
            String source = "package p;\nimport q.Money;\nclass Cart { Money total() { var m = Money.zero(); return m; } }\n";

            Object facts = analyze.invoke(analyzer, "src/main/java/p/Cart.java", source);

            Field bare = analyzerClass.getDeclaredField("bare");
            bare.setAccessible(true);
            assertThat(bare.getBoolean(null)).as("BareParser reached across class loaders").isFalse();
            assertThat(facts.toString()).isEqualTo(new JavaFileAnalyzer().analyze("src/main/java/p/Cart.java", source).toString());
        }
    }

    private static void assertSame(String source) {
        ParseResult<CompilationUnit> bare = BareParser.parse(source);
        ParseResult<CompilationUnit> configured = JavaFileAnalyzer.parser().parse(source);

        assertThat(bare.isSuccessful()).as(source).isEqualTo(configured.isSuccessful());
        assertThat(problems(bare)).as(source).isEqualTo(problems(configured));
        assertThat(bare.getResult().isPresent()).isEqualTo(configured.getResult().isPresent());
        if (bare.getResult().isEmpty()) {
            return;
        }
        CompilationUnit bareUnit = bare.getResult().get();
        CompilationUnit configuredUnit = configured.getResult().get();
        assertThat(bareUnit).as(source).isEqualTo(configuredUnit);
        assertThat(nodes(bareUnit)).as(source).isEqualTo(nodes(configuredUnit));
        assertThat(tokens(bareUnit)).as(source).isEqualTo(tokens(configuredUnit));
    }

    private static List<String> problems(ParseResult<CompilationUnit> result) {
        return result.getProblems().stream().map(Problem::getVerboseMessage).toList();
    }

    /** Each node's kind and range, in pre-order. */
    private static List<String> nodes(CompilationUnit unit) {
        List<String> nodes = new ArrayList<>();
        unit.walk(Node.TreeTraversal.PREORDER, node -> nodes.add(node.getClass().getSimpleName() + " " + node.getRange()));
        return nodes;
    }

    private static List<String> tokens(CompilationUnit unit) {
        List<String> tokens = new ArrayList<>();
        unit.getTokenRange().ifPresent(range -> {
            for (JavaToken token : range) {
                tokens.add(token.getKind() + ":" + token.getText() + " " + token.getRange());
            }
        });
        return tokens;
    }
}
