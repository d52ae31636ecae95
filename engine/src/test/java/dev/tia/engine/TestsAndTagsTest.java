package dev.tia.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tia.engine.config.ConfigKey;
import dev.tia.engine.select.Selection;
import dev.tia.engine.select.TestResult;
import dev.tia.engine.select.TestStatus;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which classes are tests, which tags they carry, and what each mode does with them. */
class TestsAndTagsTest {

    @TempDir
    Path dir;

    private static final String FOO = "src/main/java/lib/Foo.java";

    private InlineProject project() {
        return InlineProject.in(dir).given(FOO, "package lib; public class Foo { }");
    }

    @Test
    void abstractBaseSelectsItsConcreteSubclassesOnly() {
        project()
                .given("src/test/java/app/BaseTest.java", """
                        package app;
                        import org.junit.jupiter.api.Test;
                        abstract class BaseTest { abstract Object subject(); @Test void notNull() { assert subject() != null; } }
                        """)
                .given("src/test/java/app/FooSubjectTest.java", "package app; class FooSubjectTest extends BaseTest { Object subject() { return new lib.Foo(); } }")
                .given("src/test/java/app/StringSubjectTest.java", "package app; class StringSubjectTest extends BaseTest { Object subject() { return \"\"; } }")
                .whenChanged("src/test/java/app/BaseTest.java")
                .expectSelected("app.FooSubjectTest", "app.StringSubjectTest");
    }

    @Test
    void classWithOnlyNestedTestsIsATest() {
        project()
                .given("src/test/java/app/OuterTest.java", """
                        package app;
                        import org.junit.jupiter.api.Nested;
                        import org.junit.jupiter.api.Test;
                        class OuterTest {
                            @Nested class WhenEmpty { @Test void works() { new lib.Foo(); } }
                        }
                        """)
                .whenChanged(FOO).expectSelected("app.OuterTest");
    }

    @Test
    void junit4AndJunit3StyleTestsAreTests() {
        project()
                .given("src/test/java/app/Legacy4Test.java", "package app; public class Legacy4Test { @org.junit.Test public void t() { new lib.Foo(); } }")
                .given("src/test/java/app/Legacy3Test.java", "package app; public class Legacy3Test extends junit.framework.TestCase { public void testIt() { new lib.Foo(); } }")
                .given("src/test/java/app/NotATest.java", "package app; public class NotATest { public void helper() { new lib.Foo(); } }")
                .whenChanged(FOO).expectSelected("app.Legacy3Test", "app.Legacy4Test");
    }

    private InlineProject taggedProject() {
        return project()
                .given("src/test/java/app/EndToEnd.java", """
                        package app;
                        import org.junit.jupiter.api.Tag;
                        @Tag("e2e") @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME) @interface EndToEnd { }
                        """)
                .given("src/test/java/app/MetaTaggedTest.java", "package app; @EndToEnd class MetaTaggedTest { @org.junit.jupiter.api.Test void t() { new lib.Foo(); } }")
                .given("src/test/java/app/DirectTaggedTest.java", """
                        package app;
                        import org.junit.jupiter.api.*;
                        @Tags({@Tag("slow"), @Tag("e2e")}) class DirectTaggedTest { @Test void t() { new lib.Foo(); } }
                        """)
                .given("src/test/java/app/BaseE2ETest.java", "package app; @org.junit.jupiter.api.Tag(\"e2e\") abstract class BaseE2ETest { }")
                .given("src/test/java/app/InheritedTagTest.java", "package app; class InheritedTagTest extends BaseE2ETest { @org.junit.jupiter.api.Test void t() { new lib.Foo(); } }")
                .given("src/test/java/app/AllMethodsTaggedTest.java", """
                        package app;
                        import org.junit.jupiter.api.*;
                        class AllMethodsTaggedTest { @Test @Tag("e2e") void a() { new lib.Foo(); } @Test @EndToEnd void b() { } }
                        """)
                .given("src/test/java/app/SomeMethodsTaggedTest.java", """
                        package app;
                        import org.junit.jupiter.api.*;
                        class SomeMethodsTaggedTest { @Test @Tag("e2e") void a() { new lib.Foo(); } @Test void b() { } }
                        """)
                .given("src/test/java/app/OtherTagTest.java", "package app; @org.junit.jupiter.api.Tag(\"slow\") class OtherTagTest { @org.junit.jupiter.api.Test void t() { new lib.Foo(); } }")
                .whenChanged(FOO);
    }

    @Test
    void quickModeExcludesTestsWhoseEveryTestIsTaggedE2e() {
        Selection selection = taggedProject().selection();
        assertThat(InlineProject.names(selection, TestStatus.EXCLUDED_BY_TAG)).containsExactly(
                "app.AllMethodsTaggedTest", "app.DirectTaggedTest", "app.InheritedTagTest", "app.MetaTaggedTest");
        assertThat(InlineProject.names(selection, TestStatus.SELECTED)).containsExactly("app.OtherTagTest", "app.SomeMethodsTaggedTest");
        TestResult meta = selection.test("app.MetaTaggedTest").orElseThrow();
        assertThat(meta.tags()).containsExactly("e2e");
        assertThat(meta.reason()).startsWith("tag e2e excluded in quick mode; affected: " + FOO);
        assertThat(selection.test("app.DirectTaggedTest").orElseThrow().tags()).containsExactly("e2e", "slow");
    }

    @Test
    void affectedModeKeepsTaggedTests() {
        Selection selection = taggedProject().with(ConfigKey.MODE, "affected").selection();
        assertThat(InlineProject.names(selection, TestStatus.EXCLUDED_BY_TAG)).isEmpty();
        assertThat(InlineProject.names(selection, TestStatus.SELECTED)).hasSize(6);
    }

    @Test
    void excludedTagsAreConfigurable() {
        Selection selection = taggedProject().with(ConfigKey.EXCLUDE_TAGS, "slow").selection();
        assertThat(InlineProject.names(selection, TestStatus.EXCLUDED_BY_TAG)).containsExactly("app.DirectTaggedTest", "app.OtherTagTest");
    }

    @Test
    void allModeSelectsEveryTestAndStillSaysWhichAreAffected() {
        Selection selection = project()
                .given("src/test/java/app/UsesTest.java", "package app; class UsesTest { @org.junit.jupiter.api.Test void t() { new lib.Foo(); } }")
                .given("src/test/java/app/OtherTest.java", "package app; class OtherTest { @org.junit.jupiter.api.Test void t() { } }")
                .with(ConfigKey.MODE, "all")
                .whenChanged(FOO).selection();
        assertThat(InlineProject.names(selection, TestStatus.SELECTED)).containsExactly("app.OtherTest", "app.UsesTest");
        assertThat(selection.test("app.OtherTest").orElseThrow().reason()).startsWith("mode all");
        assertThat(selection.test("app.UsesTest").orElseThrow().reason()).startsWith(FOO);
    }

    @Test
    void mainFilesTiaDoesNotAnalyseAffectTheWholeModule() {
        Selection selection = InlineProject.in(dir)
                .given(FOO, "package lib; public class Foo { }")
                .given("src/main/kotlin/lib/Util.kt", "package lib\nfun util() = 1\n")
                .given("src/test/java/app/PlainTest.java", "package app; class PlainTest { @org.junit.jupiter.api.Test void t() { } }")
                .whenChanged("src/main/kotlin/lib/Util.kt")
                .expectSelected("app.PlainTest");
        assertThat(selection.changedFiles().get(0).effect()).isEqualTo(dev.tia.engine.select.Effect.MODULE);
    }
}
