package dev.tia.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tia.engine.config.ConfigKey;
import dev.tia.engine.select.Effect;
import dev.tia.engine.select.Selection;
import dev.tia.engine.select.TestResult;
import dev.tia.engine.select.TestStatus;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Member-level narrowing: an edit confined to method bodies selects the tests that can reach those methods, and
 * every way code tia cannot see may call a method keeps the class-level rule. Source and expectation side by side.
 */
class MemberNarrowingTest {

    @TempDir
    Path dir;

    private static final String TEXTS = "src/main/java/lib/Texts.java";
    private static final String TEXTS_SOURCE = """
            package lib;
            public final class Texts {
                private Texts() { }
                public static String shout(String s) { return s.toUpperCase() + "!"; }
                public static String whisper(String s) { return s.toLowerCase(); }
                public static String pad(String s, int width) { return String.format("%-" + width + "s", s); }
                public static String pad(String s) { return pad(s, 10); }
                public static String join(String... parts) { return String.join(" ", parts); }
                private static String trimmed(String s) { return s.trim(); }
                public static String tidy(String s) { return trimmed(s); }
            }
            """;

    private static String test(String name, String body) {
        return "package app;\nimport lib.*;\nimport org.junit.jupiter.api.Test;\nclass " + name + " {\n  @Test void t() { " + body
                + " }\n}\n";
    }

    private InlineProject project() {
        return InlineProject.in(dir).given(TEXTS, TEXTS_SOURCE)
                .given("src/test/java/app/ShoutTest.java", test("ShoutTest", "Texts.shout(\"a\");"))
                .given("src/test/java/app/WhisperTest.java", test("WhisperTest", "Texts.whisper(\"A\");"))
                .given("src/test/java/app/PadTest.java", test("PadTest", "Texts.pad(\"a\", 3);"))
                .given("src/test/java/app/ShortPadTest.java", test("ShortPadTest", "Texts.pad(\"a\");"))
                .given("src/test/java/app/JoinTest.java", test("JoinTest", "Texts.join(\"a\", \"b\", \"c\");"))
                .given("src/test/java/app/TidyTest.java", test("TidyTest", "Texts.tidy(\" a \");"));
    }

    private static String edit(String source, String from, String to) {
        assertThat(source).contains(from);
        return source.replace(from, to);
    }

    @Test
    void aBodyEditSelectsOnlyTheTestsThatCallTheMethod() {
        Selection selection = project().whenWritten(TEXTS, edit(TEXTS_SOURCE, "\"!\"", "\"!!\""))
                .expectSelected("app.ShoutTest");
        assertThat(selection.changedFiles().get(0).effect()).isEqualTo(Effect.MEMBERS);
        assertThat(selection.changedFiles().get(0).description()).isEqualTo("changes only the bodies of lib.Texts#shout(String)");
        TestResult shout = selection.tests().stream().filter(t -> t.className().equals("app.ShoutTest")).findFirst().orElseThrow();
        assertThat(shout.reason()).isEqualTo(TEXTS + " -> lib.Texts#shout(String) -> app.ShoutTest#t() -> app.ShoutTest");
        TestResult whisper = selection.tests().stream().filter(t -> t.className().equals("app.WhisperTest")).findFirst().orElseThrow();
        assertThat(whisper.reason()).isEqualTo("not affected: it depends on a changed type but cannot reach the changed"
                + " methods (member level; tia.precision=class would select it)");
    }

    /**
     * A skipped test is told apart by whether the class level would have selected it, with implementation edges
     * (the member-level walk's own class-level types answer) and without them (a class-level reach of its own).
     */
    @ParameterizedTest
    @ValueSource(strings = {"true", "false"})
    void skippedTestsSayWhetherTheyDependOnTheChangedType(String implementations) {
        Selection selection = project().with(ConfigKey.IMPLEMENTATIONS, implementations)
                .given("src/main/java/lib/Clock.java", "package lib;\npublic class Clock { public long now() { return 1L; } }\n")
                .given("src/main/java/lib/Banner.java", "package lib;\npublic class Banner extends Clock {\n"
                        + "  public String text() { return Texts.whisper(\"HI\"); }\n}\n")
                .given("src/test/java/app/ClockTest.java", test("ClockTest", "new Clock().now();"))
                .given("src/test/java/app/BannerTest.java", test("BannerTest", "new Banner().text();"))
                .given("src/test/java/app/PlainTest.java", test("PlainTest", "int x = 1;"))
                .whenWritten(TEXTS, edit(TEXTS_SOURCE, "\"!\"", "\"!!\""))
                .expectSelected("app.ShoutTest");
        String dependsOnIt = "not affected: it depends on a changed type but cannot reach the changed methods"
                + " (member level; tia.precision=class would select it)";
        assertThat(reason(selection, "app.WhisperTest")).isEqualTo(dependsOnIt);
        assertThat(reason(selection, "app.BannerTest")).isEqualTo(dependsOnIt);
        // Clock does not use Texts, but Banner does and extends Clock: only implementation edges lead from Banner
        // to Clock's users
        assertThat(reason(selection, "app.ClockTest"))
                .isEqualTo(implementations.equals("true") ? dependsOnIt : "not affected by the change");
        assertThat(reason(selection, "app.PlainTest")).isEqualTo("not affected by the change");
    }

    private static String reason(Selection selection, String className) {
        return selection.tests().stream().filter(t -> t.className().equals(className)).findFirst().orElseThrow().reason();
    }

    @Test
    void callersOfCallersAreFollowedAndOverloadsAreToldApartByArity() {
        // pad(String, int) is called by the test of its own arity and, through pad(String), by ShortPadTest.
        project().whenWritten(TEXTS, edit(TEXTS_SOURCE, "\"%-\" + width + \"s\"", "\"%\" + width + \"s\""))
                .expectSelected("app.PadTest", "app.ShortPadTest");
        // pad(String) is called with one argument only by ShortPadTest.
        InlineProject.in(dir.resolve("one")).given(TEXTS, TEXTS_SOURCE)
                .given("src/test/java/app/PadTest.java", test("PadTest", "Texts.pad(\"a\", 3);"))
                .given("src/test/java/app/ShortPadTest.java", test("ShortPadTest", "Texts.pad(\"a\");"))
                .whenWritten(TEXTS, edit(TEXTS_SOURCE, "pad(s, 10)", "pad(s, 12)"))
                .expectSelected("app.ShortPadTest");
    }

    @Test
    void aPrivateMethodReachesTheTestsOfItsCallers() {
        project().whenWritten(TEXTS, edit(TEXTS_SOURCE, "s.trim()", "s.strip()")).expectSelected("app.TidyTest");
    }

    @Test
    void varargsMatchAnyNumberOfArguments() {
        project().whenWritten(TEXTS, edit(TEXTS_SOURCE, "String.join(\" \", parts)", "String.join(\",\", parts)"))
                .expectSelected("app.JoinTest");
    }

    @Test
    void aMethodReferenceCountsAsACall() {
        project().given("src/test/java/app/MapTest.java", test("MapTest",
                        "java.util.stream.Stream.of(\"a\").map(Texts::whisper).toList();"))
                .whenWritten(TEXTS, edit(TEXTS_SOURCE, "s.toLowerCase()", "s.toLowerCase().trim()"))
                .expectSelected("app.WhisperTest", "app.MapTest");
    }

    @Test
    void aCallThroughAnInterfaceReachesTheImplementation() {
        String impl = "package lib;\npublic class Loud implements Voice { public String say(String s) { return s + \"!\"; } }\n";
        InlineProject.in(dir).given("src/main/java/lib/Voice.java", "package lib;\npublic interface Voice { String say(String s); }\n")
                .given("src/main/java/lib/Loud.java", impl)
                .given("src/main/java/lib/Speaker.java", """
                        package lib;
                        public class Speaker {
                            private final Voice voice;
                            public Speaker(Voice voice) { this.voice = voice; }
                            public String speak(String s) { return voice.say(s); }
                            public String name() { return "speaker"; }
                        }
                        """)
                .given("src/test/java/app/SpeakerTest.java", test("SpeakerTest", "new Speaker(null).speak(\"a\");"))
                .given("src/test/java/app/NameTest.java", test("NameTest", "new Speaker(null).name();"))
                .whenWritten("src/main/java/lib/Loud.java", impl.replace("\"!\"", "\"!!\""))
                .expectSelected("app.SpeakerTest");
    }

    /**
     * Types in one file use each other without naming each other in imports: an inner class calling its outer
     * class's method, and a second top-level class that inherits a changed method and is what a caller names.
     */
    @Test
    void callersBesideTheChangedTypeInItsOwnFileAreFollowed() {
        String outer = """
                package lib;
                public class Outer {
                    int helper() { return 1; }
                    public static class Inner {
                        public int run() { return new Outer().helper(); }
                    }
                }
                class Plain extends Outer {
                }
                """;
        InlineProject.in(dir).given("src/main/java/lib/Outer.java", outer)
                .given("src/main/java/lib/User.java",
                        "package lib;\npublic class User { public int use() { return new Plain().helper(); } }\n")
                .given("src/test/java/app/InnerTest.java", test("InnerTest", "new Outer.Inner().run();"))
                .given("src/test/java/app/UserTest.java", test("UserTest", "new User().use();"))
                .given("src/test/java/app/OuterTest.java", test("OuterTest", "new Outer().hashCode();"))
                .whenWritten("src/main/java/lib/Outer.java", edit(outer, "return 1;", "return 2;"))
                .expectSelected("app.InnerTest", "app.UserTest");
    }

    /**
     * A test class has no implementation edge to its base class (tests do not reach their siblings through it), but
     * the base class may still call the test's override through {@code this}: the walk looks for callers there too.
     * The base's annotated method then takes the class level, which reaches every test extending the base.
     */
    @Test
    void aBaseTestClassCallingATestsOverrideIsFollowed() {
        InlineProject.in(dir).given(TEXTS, TEXTS_SOURCE)
                .given("src/test/java/app/BaseTest.java", """
                        package app;
                        import org.junit.jupiter.api.BeforeEach;
                        public abstract class BaseTest {
                            @BeforeEach void before() { prepare(1); }
                            protected void prepare(int times) { }
                        }
                        """)
                .given("src/test/java/app/PreparingTest.java", """
                        package app;
                        import lib.Texts;
                        import org.junit.jupiter.api.Test;
                        class PreparingTest extends BaseTest {
                            @Override protected void prepare(int times) { Texts.shout("a"); }
                            @Test void t() { }
                        }
                        """)
                .given("src/test/java/app/PlainTest.java", test("PlainTest", "int x = 1;").replace("class PlainTest", "class PlainTest extends BaseTest"))
                .given("src/test/java/app/ShoutTest.java", test("ShoutTest", "Texts.shout(\"a\");"))
                .whenWritten(TEXTS, edit(TEXTS_SOURCE, "\"!\"", "\"!!\""))
                .expectSelected("app.PlainTest", "app.PreparingTest", "app.ShoutTest");
    }

    @Test
    void aSupertypeCallingAnOverrideThroughThisIsFollowedEvenWithoutImplementationEdges() {
        // The walk then looks the supertypes up itself.
        overrideCalledThroughThis("false");
    }

    @Test
    void aSupertypeCallingAnOverrideThroughThisIsFollowedThroughImplementationEdges() {
        // With implementation edges on (the default) the walk finds supertypes by the graph's own edges alone.
        overrideCalledThroughThis("true");
    }

    private void overrideCalledThroughThis(String implementations) {
        String step = "package lib;\npublic class Fast extends Recipe { protected int step() { return 1; } }\n";
        InlineProject.in(dir)
                .given("src/main/java/lib/Recipe.java",
                        "package lib;\npublic abstract class Recipe { protected abstract int step(); public int run() { return step() * 2; } }\n")
                .given("src/main/java/lib/Fast.java", step)
                .given("src/test/java/app/FastTest.java", test("FastTest", "new Fast().run();"))
                .given("src/test/java/app/OtherTest.java", test("OtherTest", "new Fast().hashCode();"))
                .with(ConfigKey.IMPLEMENTATIONS, implementations)
                .whenWritten("src/main/java/lib/Fast.java", step.replace("return 1", "return 2"))
                .expectSelected("app.FastTest");
    }

    @Test
    void codeOutsideMethodsThatCallsTheMethodTakesTheWholeClass() {
        String source = """
                package lib;
                public class Config {
                    static final String NAME = load();
                    static String load() { return "x"; }
                    public String other() { return "o"; }
                }
                """;
        InlineProject.in(dir).given("src/main/java/lib/Config.java", source)
                .given("src/test/java/app/OtherTest.java", test("OtherTest", "new Config().other();"))
                .given("src/test/java/app/UnrelatedTest.java", test("UnrelatedTest", "int x = 1;"))
                .whenWritten("src/main/java/lib/Config.java", edit(source, "return \"x\"", "return \"y\""))
                .expectSelected("app.OtherTest");
    }

    @Test
    void methodsThatCodeTiaCannotSeeMayCallKeepTheClassLevelRule() {
        String base = """
                package lib;
                public class Item implements Comparable<Item> {
                    public int getPrice() { return 1; }
                    public String toString() { return "item"; }
                    public int compareTo(Item other) { return 0; }
                    @Deprecated public int plain() { return 1; }
                    @jakarta.annotation.PostConstruct public void init() { }
                    public int byName() { return 1; }
                    public int unused() { return 1; }
                }
                """;
        String[][] edits = {
                {"return 1; }\n    public String", "return 2; }\n    public String"}, // a getter: serializers call it
                {"\"item\"", "\"thing\""}, // toString: string concatenation calls it
                {"return 0;", "return 1;"}, // overrides a method of a library interface
                {"public void init() { }", "public void init() { System.gc(); }"}, // annotated: a framework calls it
                {"public int byName() { return 1; }", "public int byName() { return 2; }"}, // named in a string below
        };
        for (int i = 0; i < edits.length; i++) {
            Path root = dir.resolve("case" + i);
            Selection selection = InlineProject.in(root).given("src/main/java/lib/Item.java", base)
                    .given("src/test/java/app/ItemTest.java", test("ItemTest", "new Item();"))
                    .given("src/test/java/app/ReflectTest.java", test("ReflectTest", "String m = \"byName\";"))
                    .whenWritten("src/main/java/lib/Item.java", edit(base, edits[i][0], edits[i][1]))
                    .expectSelected("app.ItemTest");
            assertThat(selection.changedFiles().get(0).effect()).as(edits[i][0]).isEqualTo(Effect.MEMBERS);
        }
        // A method nothing calls, in a class no library code can call into, affects no test.
        String plain = "package lib;\npublic class Plain { public int unused() { return 1; } }\n";
        InlineProject.in(dir.resolve("unused")).given("src/main/java/lib/Plain.java", plain)
                .given("src/test/java/app/PlainTest.java", test("PlainTest", "new Plain();"))
                .whenWritten("src/main/java/lib/Plain.java", edit(plain, "return 1", "return 2"))
                .expectSelected();
    }

    /**
     * Calls of one name are walked once per receiver type: two changed methods of the same name and arity on two
     * types each reach their own callers (the second type's calls are not taken for the first's, walked already).
     */
    @Test
    void sameNamedMethodsOfTwoTypesEachReachTheirCallers() {
        String cat = "package lib;\npublic class Cat { public String speak() { return \"meow\"; } }\n";
        String dog = "package lib;\npublic class Dog { public String speak() { return \"woof\"; } }\n";
        InlineProject.in(dir).given("src/main/java/lib/Cat.java", cat).given("src/main/java/lib/Dog.java", dog)
                .given("src/test/java/app/CatTest.java", test("CatTest", "Cat cat = new Cat(); cat.speak();"))
                .given("src/test/java/app/DogTest.java", test("DogTest", "Dog dog = new Dog(); dog.speak();"))
                .given("src/test/java/app/NeitherTest.java", test("NeitherTest", "new Cat(); new Dog();"))
                .whenWritten("src/main/java/lib/Cat.java", edit(cat, "meow", "purr"))
                .whenWritten("src/main/java/lib/Dog.java", edit(dog, "woof", "bark"))
                .expectSelected("app.CatTest", "app.DogTest");
    }

    /**
     * Callers are walked in the order the class level reaches their types, which decides the chain a report prints:
     * B names Texts and is reached first, A only through B, though A's file comes first.
     */
    @Test
    void callersAreWalkedInTheOrderTheirTypesAreReached() {
        String texts = "package lib;\npublic class Texts { public String shout(String s) { return s; } }\n";
        Selection selection = InlineProject.in(dir).given("src/main/java/lib/Texts.java", texts)
                .given("src/main/java/lib/A.java", "package lib;\npublic class A { public String a() { return B.texts().shout(\"1\"); } }\n")
                .given("src/main/java/lib/B.java", "package lib;\npublic class B {\n  public static Texts texts() { return new Texts(); }\n"
                        + "  public String b() { return texts().shout(\"2\"); }\n}\n")
                .given("src/test/java/app/BothTest.java", test("BothTest", "new A().a(); new B().b();"))
                .whenWritten("src/main/java/lib/Texts.java", edit(texts, "return s;", "return s + s;"))
                .expectSelected("app.BothTest");
        assertThat(selection.tests().get(0).reason())
                .isEqualTo("src/main/java/lib/Texts.java -> lib.Texts#shout(String) -> lib.B#b() -> app.BothTest#t() -> app.BothTest");
    }

    /**
     * A string naming the changed method, written or dropped by another file of the same change: the stored graph
     * serves the run, and the words of the changed files count as they are now, not as stored.
     */
    @Test
    void aStringNamingTheMethodInTheSameChangeCountsAsWrittenNow() {
        String item = "package lib;\npublic class Item { public int byName() { return 1; } }\n";
        String[][] literals = {{"\"other\"", "\"byName\""}, {"\"byName\"", "\"other\""}};
        for (int i = 0; i < literals.length; i++) {
            String reflect = test("ReflectTest", "String m = " + literals[i][0] + ";");
            Analysis analysis = InlineProject.in(dir.resolve("case" + i)).given("src/main/java/lib/Item.java", item)
                    .given("src/test/java/app/ItemTest.java", test("ItemTest", "new Item();"))
                    .given("src/test/java/app/ReflectTest.java", reflect)
                    .whenWritten("src/main/java/lib/Item.java", edit(item, "return 1", "return 2"))
                    .whenWritten("src/test/java/app/ReflectTest.java", edit(reflect, literals[i][0], literals[i][1]))
                    .analysis();
            assertThat(analysis.graphFromStore()).isTrue();
            assertThat(InlineProject.names(analysis.selection(), TestStatus.SELECTED)).as(literals[i][1])
                    .isEqualTo(i == 0 ? Set.of("app.ItemTest", "app.ReflectTest") : Set.of("app.ReflectTest"));
        }
    }

    @Test
    void aTypeNamedInAResourceOrAnAnnotationKeepsTheClassLevelRule() {
        // The edit names nothing new, so the analysis uses the graph the committed project's analysis stored.
        String source = "package lib;\npublic class Hook { public int fire() { return 1; } }\n";
        InlineProject.in(dir.resolve("resource")).given("src/main/java/lib/Hook.java", source)
                .given("src/main/resources/hooks.properties", "hook=lib.Hook\n")
                .given("src/test/java/app/HookTest.java", test("HookTest", "new Hook();"))
                .whenWritten("src/main/java/lib/Hook.java", source.replace("return 1", "return 2"))
                .expectSelected("app.HookTest");
        InlineProject.in(dir.resolve("annotation")).given("src/main/java/lib/Hook.java", source)
                .given("src/main/java/lib/Uses.java", "package lib;\n@Deprecated(since = \"x\")\n@SuppressWarnings(\"all\")\n"
                        + "@lib.Marker(Hook.class)\npublic class Uses { }\n")
                .given("src/main/java/lib/Marker.java", "package lib;\npublic @interface Marker { Class<?> value(); }\n")
                .given("src/test/java/app/HookTest.java", test("HookTest", "new Hook();"))
                .whenWritten("src/main/java/lib/Hook.java", source.replace("return 1", "return 2"))
                .expectSelected("app.HookTest");
        InlineProject.in(dir.resolve("template")).given("src/main/java/lib/Hook.java", source)
                .given("src/main/resources/templates/page.html", "<p th:text=\"${hook.fire()}\"></p>\n")
                .given("src/test/java/app/HookTest.java", test("HookTest", "new Hook();"))
                .whenWritten("src/main/java/lib/Hook.java", source.replace("return 1", "return 2"))
                .expectSelected("app.HookTest");
    }

    @Test
    void anythingBeyondMethodBodiesKeepsTheClassLevelRule() {
        String[][] edits = {
                {"public static String whisper(String s)", "public static String whisper(CharSequence s)"}, // a signature
                {"private Texts() { }", "private Texts() { System.gc(); }"}, // a constructor
                {"public final class Texts {", "public final class Texts {\n    static int calls;"}, // a field
                {"public static String tidy", "public static String tidy2(String s) { return s; }\n    public static String tidy"}, // a new method
        };
        for (int i = 0; i < edits.length; i++) {
            Path root = dir.resolve("case" + i);
            Selection selection = InlineProject.in(root).given(TEXTS, TEXTS_SOURCE)
                    .given("src/test/java/app/ShoutTest.java", test("ShoutTest", "Texts.shout(\"a\");"))
                    .given("src/test/java/app/OtherTest.java", test("OtherTest", "int x = 1;"))
                    .whenWritten(TEXTS, edit(TEXTS_SOURCE, edits[i][0], edits[i][1]))
                    .expectSelected("app.ShoutTest");
            assertThat(selection.changedFiles().get(0).effect()).as(edits[i][0]).isEqualTo(Effect.TYPES);
        }
    }

    @Test
    void classPrecisionTurnsNarrowingOff() {
        project().with(ConfigKey.PRECISION, "class")
                .whenWritten(TEXTS, edit(TEXTS_SOURCE, "\"!\"", "\"!!\""))
                .expectSelected("app.ShoutTest", "app.WhisperTest", "app.PadTest", "app.ShortPadTest", "app.JoinTest", "app.TidyTest");
    }

    @Test
    void tabsCarriageReturnsAndWideCharactersDoNotMisplaceBodies() {
        String source = "package lib;\r\n/** caf\u00e9 \uD83D\uDE00 */\r\npublic final class Texts {\r\n"
                + "\tpublic static String shout(String s) {\treturn s + \"\uD83D\uDE00\"; }\r\n"
                + "\tpublic static String whisper(String s) { return s; }\r\n}\r\n";
        Selection selection = InlineProject.in(dir).given(TEXTS, source)
                .given("src/test/java/app/ShoutTest.java", test("ShoutTest", "Texts.shout(\"a\");"))
                .given("src/test/java/app/WhisperTest.java", test("WhisperTest", "Texts.whisper(\"a\");"))
                .whenWritten(TEXTS, source.replace("return s; }", "return s.trim(); }"))
                .expectSelected("app.WhisperTest");
        assertThat(selection.changedFiles().get(0).effect()).isEqualTo(Effect.MEMBERS);
    }

    @Test
    void aTestHelperInTestSourcesReachesTheTestsThatUseIt() {
        String helper = "package app;\npublic class Samples { public static String name(int i) { return \"a\"; } "
                + "public static int size(int i) { return 1; } }\n";
        InlineProject.in(dir).given("src/test/java/app/Samples.java", helper)
                .given("src/test/java/app/NameTest.java", test("NameTest", "Samples.name(1);"))
                .given("src/test/java/app/SizeTest.java", test("SizeTest", "Samples.size(1);"))
                .whenWritten("src/test/java/app/Samples.java", helper.replace("\"a\"", "\"b\""))
                .expectSelected("app.NameTest");
    }

    private static final String BOX = "package lib;\npublic class Box { public int size() { return 1; } }\n";
    private static final String BAG = "package lib;\npublic class Bag { public int size() { return 2; } }\n";

    /** Box and Bag both have size(); Box's body changes. */
    private InlineProject boxes(Path root) {
        return InlineProject.in(root).given("src/main/java/lib/Box.java", BOX).given("src/main/java/lib/Bag.java", BAG)
                .given("src/main/java/lib/Crate.java", "package lib;\npublic class Crate extends Box { }\n")
                .given("src/main/java/lib/Sized.java", "package lib;\npublic interface Sized { int size(); }\n")
                .given("src/main/java/lib/Tin.java", "package lib;\npublic class Tin extends Box implements Sized { }\n")
                .given("src/test/java/app/BagTest.java", test("BagTest", "new Box(); new Bag().size();"));
    }

    @Test
    void aPlainlyTypedReceiverNarrowsACommonNameToTheTypesItMayHold() {
        boxes(dir.resolve("plain"))
                .given("src/test/java/app/BoxTest.java", test("BoxTest", "Box box = new Box(); box.size();"))
                .given("src/test/java/app/CrateTest.java", test("CrateTest", "new Crate().size();")) // inherits Box.size
                .given("src/test/java/app/SizedTest.java", test("SizedTest", "Sized s = new Tin(); s.size();")) // Tin inherits it
                .whenWritten("src/main/java/lib/Box.java", BOX.replace("return 1", "return 3"))
                .expectSelected("app.BoxTest", "app.CrateTest", "app.SizedTest");
    }

    @Test
    void receiversTiaCannotTypePlainlyMayHoldAnything() {
        String[] bodies = {
                "var box = new Box(); box.size();", // var
                "java.util.List.of(new Box()).get(0).size();", // a call's result
                "sizeOf(new Box()); } <X extends Box> int sizeOf(X x) { return x.size();", // a type variable
                "if (true) { Bag field = new Bag(); } field.size(); } Box field = new Box(); void u() {", // a field, a local elsewhere
                "new Runnable() { public void run() { } }.run(); new Object() { void f() { item.size(); } }; } Box item; void u() {",
        };
        for (int i = 0; i < bodies.length; i++) {
            boxes(dir.resolve("case" + i)).given("src/test/java/app/BoxTest.java", test("BoxTest", bodies[i]))
                    .whenWritten("src/main/java/lib/Box.java", BOX.replace("return 1", "return 3"))
                    .expectSelected("app.BoxTest");
        }
    }

    @Test
    void factoriesThatTestFrameworksFindByConventionOrByStringAreFollowed() {
        String parameterized = """
                package app;
                import java.util.stream.Stream;
                import lib.Texts;
                import org.junit.jupiter.params.ParameterizedTest;
                import org.junit.jupiter.params.provider.MethodSource;
                class CasesTest {
                    @ParameterizedTest
                    @MethodSource
                    void cases(String s) { }
                    private static Stream<String> cases() { return Stream.of(Texts.shout("a")); }
                }
                """;
        String byName = """
                package app;
                import org.junit.jupiter.params.ParameterizedTest;
                import org.junit.jupiter.params.provider.MethodSource;
                class ElsewhereTest {
                    @ParameterizedTest
                    @MethodSource("lib.Factory#make")
                    void cases(String s) { }
                }
                """;
        String factory = "package lib;\npublic class Factory { public static java.util.List<String> make() { return java.util.List.of(\"x\"); } }\n";
        project().given("src/test/java/app/CasesTest.java", parameterized)
                .whenWritten(TEXTS, edit(TEXTS_SOURCE, "\"!\"", "\"!!\""))
                .expectSelected("app.ShoutTest", "app.CasesTest");
        InlineProject.in(dir.resolve("byName")).given("src/main/java/lib/Factory.java", factory)
                .given("src/test/java/app/ElsewhereTest.java", byName)
                .given("src/test/java/app/OtherTest.java", test("OtherTest", "int x = 1;"))
                .whenWritten("src/main/java/lib/Factory.java", factory.replace("\"x\"", "\"y\""))
                .expectSelected("app.ElsewhereTest");
    }

    @Test
    void classScanningTestsReadTheStructureThatABodyEditCanChange() {
        // A body may start to use another class, which an architecture rule forbids: the rule's test must run.
        Selection selection = project().given("src/test/java/app/ArchitectureTest.java", test("ArchitectureTest",
                        "new com.tngtech.archunit.core.importer.ClassFileImporter();"))
                .whenWritten(TEXTS, edit(TEXTS_SOURCE, "\"!\"", "\"!!\""))
                .expectSelected("app.ShoutTest", "app.ArchitectureTest");
        TestResult architecture = selection.tests().stream().filter(t -> t.className().equals("app.ArchitectureTest"))
                .findFirst().orElseThrow();
        assertThat(architecture.reason()).isEqualTo(TEXTS + " -> class structure of app -> app.ArchitectureTest");
    }
}
