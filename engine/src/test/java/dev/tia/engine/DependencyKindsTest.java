package dev.tia.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tia.engine.config.ConfigKey;
import dev.tia.engine.select.Selection;
import dev.tia.engine.select.TestStatus;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way one type can depend on another, with the source and the expected selection side by side. */
class DependencyKindsTest {

    @TempDir
    Path dir;

    private static final String FOO = "src/main/java/lib/Foo.java";
    private static final String FOO_SOURCE = """
            package lib;
            public class Foo {
                public static final int MAX = 3;
                public static int twice(int x) { return 2 * x; }
                public static class Inner { }
            }
            """;

    private static String test(String pkg, String name, String imports, String body) {
        return "package " + pkg + ";\n" + imports + "\nimport org.junit.jupiter.api.Test;\nclass " + name + " {\n"
                + "  @Test void t() { " + body + " }\n}\n";
    }

    private InlineProject project() {
        return InlineProject.in(dir).given(FOO, FOO_SOURCE)
                .given("src/test/java/other/UnrelatedTest.java", test("other", "UnrelatedTest", "", "int x = 1;"));
    }

    @Test
    void singleTypeImport() {
        project().given("src/test/java/app/UsesTest.java", test("app", "UsesTest", "import lib.Foo;", "new Foo();"))
                .whenChanged(FOO).expectSelected("app.UsesTest");
    }

    @Test
    void onDemandImportThatCanSupplyTheName() {
        project().given("src/test/java/app/UsesTest.java", test("app", "UsesTest", "import lib.*;", "new Foo();"))
                .given("src/test/java/app/OtherWildcardTest.java", test("app", "OtherWildcardTest", "import java.util.*;", "new Foo2();"))
                .given("src/test/java/app/Foo2.java", "package app; class Foo2 {}")
                .whenChanged(FOO).expectSelected("app.UsesTest");
    }

    @Test
    void staticImportOfAMethod() {
        project().given("src/test/java/app/UsesTest.java", test("app", "UsesTest", "import static lib.Foo.twice;", "twice(2);"))
                .whenChanged(FOO).expectSelected("app.UsesTest");
    }

    @Test
    void staticOnDemandImport() {
        project().given("src/test/java/app/UsesTest.java", test("app", "UsesTest", "import static lib.Foo.*;", "int m = MAX;"))
                .whenChanged(FOO).expectSelected("app.UsesTest");
    }

    @Test
    void samePackageSimpleNameWithoutImport() {
        project().given("src/test/java/lib/FooTest.java", test("lib", "FooTest", "", "Foo.twice(1);"))
                .whenChanged(FOO).expectSelected("lib.FooTest");
    }

    @Test
    void fullyQualifiedNameInline() {
        project().given("src/test/java/app/UsesTest.java", test("app", "UsesTest", "", "int m = lib.Foo.MAX;"))
                .whenChanged(FOO).expectSelected("app.UsesTest");
    }

    @Test
    void nestedTypeThroughItsOuterType() {
        project().given("src/test/java/app/UsesTest.java", test("app", "UsesTest", "import lib.Foo;", "Object o = new Foo.Inner();"))
                .whenChanged(FOO).expectSelected("app.UsesTest");
    }

    @Test
    void importOfTheNestedTypeItself() {
        project().given("src/test/java/app/UsesTest.java", test("app", "UsesTest", "import lib.Foo.Inner;", "Object o = new Inner();"))
                .whenChanged(FOO).expectSelected("app.UsesTest");
    }

    @Test
    void supertype() {
        project().given("src/main/java/app/Bar.java", "package app; public class Bar extends lib.Foo { }")
                .given("src/test/java/app/BarTest.java", test("app", "BarTest", "", "new Bar();"))
                .whenChanged(FOO).expectSelected("app.BarTest");
    }

    /**
     * With implementation edges, a change to an implementation reaches the users of its interface, and so also a
     * class declared beside the interface in its file, which uses it without an import.
     */
    @Test
    void aUserDeclaredInTheFileOfAnInterfaceAnImplementationChanged() {
        String circle = "package lib; public class Circle implements Shape { public double area() { return 3; } }";
        project().given("src/main/java/lib/Shape.java", """
                        package lib;
                        public interface Shape { double area(); }
                        class Shapes {
                            static double first() { return java.util.ServiceLoader.load(Shape.class).findFirst().get().area(); }
                        }
                        """)
                .given("src/main/java/lib/Circle.java", circle)
                .given("src/main/java/lib/Areas.java", "package lib; public class Areas { public static double first() { return Shapes.first(); } }")
                .given("src/test/java/app/AreasTest.java", test("app", "AreasTest", "import lib.Areas;", "Areas.first();"))
                .whenWritten("src/main/java/lib/Circle.java", circle + "\nclass Square { }\n")
                .expectSelected("app.AreasTest");
    }

    /**
     * Test classes that share a base class do not reach each other through it: the test engine makes a test class
     * for its own tests only. A fake in test sources still reaches the users of the interface it implements.
     */
    @Test
    void aSharedBaseTestClassDoesNotCarryAChangeFromOneTestToItsSiblings() {
        project().given("src/test/java/app/BaseTest.java", "package app; public abstract class BaseTest { protected int common() { return 1; } }")
                .given("src/test/java/app/UsesFooTest.java",
                        "package app;\nimport org.junit.jupiter.api.Test;\nclass UsesFooTest extends BaseTest {\n"
                                + "  @Test void t() { lib.Foo.twice(common()); }\n}\n")
                .given("src/test/java/app/SiblingTest.java",
                        "package app;\nimport org.junit.jupiter.api.Test;\nclass SiblingTest extends BaseTest {\n"
                                + "  @Test void t() { common(); }\n}\n")
                .whenChanged(FOO).expectSelected("app.UsesFooTest");
    }

    @Test
    void aFakeInTestSourcesReachesTheUsersOfItsInterface() {
        String fake = "package app; public class FakeClock implements lib.Clock { public long now() { return 1; } }";
        project().given("src/main/java/lib/Clock.java", "package lib; public interface Clock { long now(); }")
                .given("src/test/java/app/FakeClock.java", fake)
                .given("src/test/java/app/ClockTest.java", test("app", "ClockTest", "import lib.Clock;",
                        "Clock c = (Clock) Class.forName(System.getProperty(\"clock\")).getDeclaredConstructor().newInstance();"))
                .whenWritten("src/test/java/app/FakeClock.java", fake + "\nclass Other { }\n")
                .expectSelected("app.ClockTest");
    }

    @Test
    void annotation() {
        project().given("src/main/java/lib/Audited.java", "package lib; public @interface Audited { }")
                .given("src/main/java/app/Service.java", "package app; import lib.Audited; @Audited public class Service { }")
                .given("src/test/java/app/ServiceTest.java", test("app", "ServiceTest", "", "new Service();"))
                .whenChanged("src/main/java/lib/Audited.java").expectSelected("app.ServiceTest");
    }

    @Test
    void genericTypeArgument() {
        project().given("src/test/java/app/UsesTest.java",
                        test("app", "UsesTest", "import java.util.List;", "List<lib.Foo> foos = List.of();"))
                .whenChanged(FOO).expectSelected("app.UsesTest");
    }

    @Test
    void methodReference() {
        project().given("src/test/java/app/UsesTest.java", test("app", "UsesTest", "import lib.Foo; import java.util.function.IntUnaryOperator;",
                        "IntUnaryOperator f = Foo::twice;"))
                .whenChanged(FOO).expectSelected("app.UsesTest");
    }

    @Test
    void constantThatBytecodeWouldInline() {
        project().given("src/main/java/app/Limits.java", "package app; public class Limits { int max() { return lib.Foo.MAX; } }")
                .given("src/test/java/app/LimitsTest.java", test("app", "LimitsTest", "", "new Limits().max();"))
                .whenChanged(FOO).expectSelected("app.LimitsTest");
    }

    @Test
    void transitiveChainIsExplainedByTheShortestPath() {
        Selection selection = project()
                .given("src/main/java/app/A.java", "package app; public class A { lib.Foo foo; }")
                .given("src/main/java/app/B.java", "package app; public class B { A a; }")
                .given("src/main/java/app/C.java", "package app; public class C { B b; lib.Foo direct; }")
                .given("src/test/java/app/CTest.java", test("app", "CTest", "", "new C();"))
                .whenChanged(FOO).expectSelected("app.CTest");
        assertThat(selection.test("app.CTest").orElseThrow().reason())
                .isEqualTo(FOO + " -> lib.Foo -> app.C -> app.CTest");
    }

    @Test
    void implementationReachedThroughItsInterface() {
        InlineProject project = project()
                .given("src/main/java/pay/Gateway.java", "package pay; public interface Gateway { long charge(long c); }")
                .given("src/main/java/pay/CardGateway.java", "package pay; public class CardGateway implements Gateway { public long charge(long c) { return c + 30; } }")
                .given("src/main/java/app/Checkout.java", "package app; import pay.Gateway; public class Checkout { Gateway g; }")
                .given("src/test/java/app/CheckoutTest.java", test("app", "CheckoutTest", "", "new Checkout();"))
                .whenChanged("src/main/java/pay/CardGateway.java");
        Selection selection = project.expectSelected("app.CheckoutTest");
        assertThat(selection.test("app.CheckoutTest").orElseThrow().reason())
                .contains("pay.CardGateway -> pay.Gateway -> app.Checkout");
    }

    @Test
    void implementationEdgesCanBeTurnedOff() {
        project()
                .given("src/main/java/pay/Gateway.java", "package pay; public interface Gateway { long charge(long c); }")
                .given("src/main/java/pay/CardGateway.java", "package pay; public class CardGateway implements Gateway { public long charge(long c) { return c + 30; } }")
                .given("src/main/java/app/Checkout.java", "package app; import pay.Gateway; public class Checkout { Gateway g; }")
                .given("src/test/java/app/CheckoutTest.java", test("app", "CheckoutTest", "", "new Checkout();"))
                .with(ConfigKey.IMPLEMENTATIONS, "false")
                .whenChanged("src/main/java/pay/CardGateway.java").expectSelected();
    }

    @Test
    void classNamedInAStringLiteral() {
        project().given("src/main/java/app/Loader.java",
                        "package app; public class Loader { Object load() throws Exception { return Class.forName(\"lib.Foo$Inner\"); } }")
                .given("src/test/java/app/LoaderTest.java", test("app", "LoaderTest", "", "new Loader();"))
                .whenChanged(FOO).expectSelected("app.LoaderTest");
    }

    @Test
    void serviceLoaderRegistrationLinksImplementationToInterface() {
        project()
                .given("src/main/java/spi/Plugin.java", "package spi; public interface Plugin { String name(); }")
                .given("src/main/java/impl/Loud.java", "package impl; public class Loud { public String name() { return \"LOUD\"; } }")
                .given("src/main/resources/META-INF/services/spi.Plugin", "impl.Loud\n")
                .given("src/main/java/app/Host.java", "package app; import spi.Plugin; public class Host { Plugin p; }")
                .given("src/test/java/app/HostTest.java", test("app", "HostTest", "", "new Host();"))
                .with(ConfigKey.IMPLEMENTATIONS, "false")
                .whenChanged("src/main/java/impl/Loud.java").expectSelected("app.HostTest");
    }

    @Test
    void resourceNamingAClassMakesItAffectTheModulesTests() {
        project().given("src/main/resources/context.xml", "<beans><bean class=\"lib.Foo\"/></beans>\n")
                .given("src/test/java/app/ContextTest.java", test("app", "ContextTest", "", "int x = 0;"))
                .whenChanged(FOO).expectSelected("app.ContextTest", "other.UnrelatedTest");
    }

    @Test
    void deletedClassSelectsTheTestsThatStillNameIt() {
        project().given("src/test/java/app/UsesTest.java", test("app", "UsesTest", "import lib.Foo;", "new Foo();"))
                .whenDeleted(FOO).expectSelected("app.UsesTest");
    }

    @Test
    void addedClassSelectsTestsThatAlreadyNameIt() {
        // The test names lib.Neu before it exists (a compile error at base); adding it can change the outcome.
        project().given("src/test/java/app/UsesTest.java", test("app", "UsesTest", "import lib.*;", "Object o = new Neu();"))
                .whenWritten("src/main/java/lib/Neu.java", "package lib; public class Neu { }")
                .expectSelected("app.UsesTest");
    }

    @Test
    void javaSyntaxUpToJava21Parses() {
        project().given("src/main/java/shapes/Shape.java", """
                        package shapes;
                        public sealed interface Shape permits Circle, Square {
                            static double area(Shape shape) {
                                return switch (shape) {
                                    case Circle(double r) when r > 0 -> Math.PI * r * r;
                                    case Circle c -> 0;
                                    case Square(var side) -> side * side;
                                };
                            }
                        }
                        """)
                .given("src/main/java/shapes/Circle.java", "package shapes; public record Circle(double r) implements Shape { }")
                .given("src/main/java/shapes/Square.java", "package shapes; public record Square(double side) implements Shape { }")
                .given("src/test/java/shapes/ShapeTest.java", test("shapes", "ShapeTest", "", "var t = \"\"\"\n  text block\n  \"\"\"; Shape.area(new Square(2));"))
                .whenChanged("src/main/java/shapes/Circle.java").expectSelected("shapes.ShapeTest");
    }

    @Test
    void unparseableFileSelectsItsModulesTestsAndSaysWhere() {
        Selection selection = project()
                .given("src/test/java/app/UsesTest.java", test("app", "UsesTest", "import lib.Foo;", "new Foo();"))
                .whenWritten(FOO, "package lib;\npublic class Foo {\n  int broken(\n}\n")
                .expectSelected("app.UsesTest", "other.UnrelatedTest");
        assertThat(selection.test("other.UnrelatedTest").orElseThrow().reason())
                .startsWith(FOO + " -> module app").doesNotContain("Exception");
        assertThat(selection.changedFiles().get(0).description()).contains("syntax error at line");
    }

    @Test
    void integrationTestsDependOnTheWholeArtifact() {
        // An IT often runs the built artifact (a started app, a packaged plugin) without naming its classes.
        Selection selection = project()
                .given("src/test/java/app/StartupIT.java", test("app", "StartupIT", "", "int port = 8080;"))
                .given("src/test/java/app/StartupTest.java", test("app", "StartupTest", "", "int port = 8080;"))
                .whenChanged(FOO).expectSelected("app.StartupIT");
        assertThat(selection.test("app.StartupIT").orElseThrow().reason()).isEqualTo(FOO + " -> lib.Foo -> artifact of app -> app.StartupIT");
    }

    @Test
    void contextAndClassScanningTestsReachCodeTheyNeverName() {
        Selection selection = project()
                .given("src/test/java/app/AppTest.java", "package app;\n@org.springframework.boot.test.context.SpringBootTest\n"
                        + "class AppTest { @org.junit.jupiter.api.Test void contextLoads() { } }\n")
                .given("src/test/java/app/Slice.java", "package app; @org.springframework.boot.test.context.SpringBootTest @interface Slice { }")
                .given("src/test/java/app/SliceTest.java", "package app; @Slice class SliceTest { @org.junit.jupiter.api.Test void t() { } }")
                .given("src/test/java/app/LayersTest.java", "package app;\nimport com.tngtech.archunit.core.importer.ClassFileImporter;\n"
                        + "class LayersTest { @org.junit.jupiter.api.Test void t() { new ClassFileImporter(); } }\n")
                .whenChanged(FOO).expectSelected("app.AppTest", "app.LayersTest", "app.SliceTest");
        assertThat(selection.test("app.AppTest").orElseThrow().reason()).isEqualTo(FOO + " -> lib.Foo -> artifact of app -> app.AppTest");
    }

    @Test
    void commentsJavadocAndLayoutAloneChangeNothing() {
        Selection selection = project().given("src/test/java/app/UsesTest.java", test("app", "UsesTest", "import lib.Foo;", "new Foo();"))
                .whenWritten(FOO, "/** Foo, now documented. */\n" + FOO_SOURCE.replace("public class Foo {", "public   class Foo\n{ // a brace")
                        .replace("    public static final int MAX = 3;", "    /* the limit */ public static final int MAX = 3;"))
                .expectSelected();
        assertThat(selection.changedFiles().get(0).description()).startsWith("comment-only change");
    }

    @Test
    void reorderedImportsChangeNothingButAnAddedImportDoes() {
        String source = "package app;\nimport lib.Foo;\nimport java.util.List;\nimport static java.util.Objects.requireNonNull;\n"
                + "public class Svc { List<Foo> foos; }\n";
        InlineProject reordered = project().given("src/main/java/app/Svc.java", source)
                .given("src/test/java/app/SvcTest.java", test("app", "SvcTest", "", "new Svc();"));
        Selection selection = reordered.whenWritten("src/main/java/app/Svc.java", source.replace(
                "import lib.Foo;\nimport java.util.List;\n", "import java.util.List;\nimport lib.Foo;\n")).expectSelected();
        assertThat(selection.changedFiles().get(0).description()).startsWith("comment-only change");
    }

    @Test
    void addedImportIsACodeChange(@org.junit.jupiter.api.io.TempDir Path other) {
        String source = "package app;\nimport lib.Foo;\npublic class Svc { Foo foo; }\n";
        InlineProject.in(other).given(FOO, FOO_SOURCE).given("src/main/java/app/Svc.java", source)
                .given("src/test/java/app/SvcTest.java", test("app", "SvcTest", "", "new Svc();"))
                .whenWritten("src/main/java/app/Svc.java", source.replace("import lib.Foo;\n", "import lib.Foo;\nimport java.util.*;\n"))
                .expectSelected("app.SvcTest");
    }

    @Test
    void pomWithOnlyCommentsAndLayoutChangedBuildsTheSame() {
        Selection selection = project().given("src/test/java/app/UsesTest.java", test("app", "UsesTest", "import lib.Foo;", "new Foo();"))
                .whenWritten("pom.xml", "<!-- the app -->\n" + InlineProject.POM.replace("<artifactId>app</artifactId>",
                        "<artifactId>\n    app\n  </artifactId> <!-- the name -->"))
                .expectSelected();
        assertThat(selection.runAll()).isFalse();
        assertThat(selection.changedFiles().get(0).description()).startsWith("comment-only change: the pom builds the same");
    }

    @Test
    void pomWithARealChangeStillRunsEverything() {
        Selection selection = project().given("src/test/java/app/UsesTest.java", test("app", "UsesTest", "import lib.Foo;", "new Foo();"))
                .whenWritten("pom.xml", InlineProject.POM.replace("<version>1</version>", "<version>2</version>"))
                .expectSelected("app.UsesTest", "other.UnrelatedTest");
        assertThat(selection.runAll()).isTrue();
    }

    @Test
    void filePrecisionCountsCommentOnlyEdits() {
        project().given("src/test/java/app/UsesTest.java", test("app", "UsesTest", "import lib.Foo;", "new Foo();"))
                .with(ConfigKey.PRECISION, "file")
                .whenWritten(FOO, "/** Foo, now documented. */\n" + FOO_SOURCE)
                .expectSelected("app.UsesTest");
    }

    @Test
    void whitespaceInsideAStringLiteralIsACodeChange() {
        String source = "package lib;\npublic class Greeting { public String text() { return \"a  b // not a comment\"; } }\n";
        project().given("src/main/java/lib/Greeting.java", source)
                .given("src/test/java/app/GreetingTest.java", test("app", "GreetingTest", "import lib.Greeting;", "new Greeting().text();"))
                .whenWritten("src/main/java/lib/Greeting.java", source.replace("a  b", "a b"))
                .expectSelected("app.GreetingTest");
    }

    @Test
    void nonUtf8SourceIsStillAnalyzed() {
        InlineProject project = project().given("src/test/java/app/UsesTest.java", test("app", "UsesTest", "import lib.Foo;", "new Foo();"));
        String changed = FOO_SOURCE.replace("public static int twice(int x) { return 2 * x; }",
                "public static String name() { return \"caf\u00e9\"; }");
        project.whenWritten(FOO, changed);
        // Rewrite as ISO-8859-1 bytes, as a legacy editor would save it.
        try {
            java.nio.file.Files.write(dir.resolve(FOO), changed.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(InlineProject.names(project.selection(), TestStatus.SELECTED)).containsExactly("app.UsesTest");
    }
}
