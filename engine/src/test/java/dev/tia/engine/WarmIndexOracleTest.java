package dev.tia.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tia.engine.config.ConfigKey;
import dev.tia.engine.config.TiaConfig;
import dev.tia.engine.report.JsonReport;
import dev.tia.engine.select.Summary;
import dev.tia.fixtures.FixtureRepo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The persistent index against its oracle, a run without any. Random sequences of edits to a small multi-module
 * project: types added, deleted, renamed and moved between modules; references, supertypes, method bodies and
 * nested classes changed, named through single, qualified and on-demand imports; tags put on tests, on the base
 * class they inherit from and on a project meta-annotation they carry; service files, properties and poms edited;
 * syntax errors made and mended; commits, with the base moved along or left behind (each commit is also analysed
 * as CI sees a push, from its parent to it in history). After each step the analysis with the index kept from
 * earlier steps, and with a second index used only every third step (so its stored facts and resolutions are
 * checked against an older universe of types), must give the JSON report of an analysis with no index, byte for
 * byte.
 *
 * <p>The seeds are fixed so a failure replays; the message names the seed, the step and the edits so far.
 * {@code -Doracle.seeds=N} searches deeper.
 */
class WarmIndexOracleTest {

    private static final List<String> MODULES = List.of("core", "api", "app");
    private static final List<String> PACKAGES = List.of("p", "q");
    private static final int STEPS = 14;
    /** More seeds for a deeper search on a developer's machine: {@code -Doracle.seeds=200}. */
    private static final int SEEDS = Integer.getInteger("oracle.seeds", 5);

    @TempDir
    Path dir;

    @Test
    void everyRandomEditGivesTheReportOfARunWithoutIndex() throws Exception {
        int steps = 0;
        int graphsPatched = 0;
        int resourcesPatched = 0;
        int parsedWarm = 0;
        int parsedCold = 0;
        int mixed = 0;
        int graphsFromStore = 0;
        int listed = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            Path project = dir.resolve("seed" + seed);
            Path staleCache = dir.resolve("stale-cache" + seed);
            Path graphEveryRunCache = dir.resolve("graph-every-run-cache" + seed);
            GeneratedProject model = new GeneratedProject(new Random(seed));
            List<String> edits = new ArrayList<>();
            try (FixtureRepo repo = FixtureRepo.init(project)) {
                model.writeTo(repo);
                repo.commitAll("generated");
                String base = repo.head().name();
                for (int step = 1; step <= STEPS; step++) {
                    String edit = model.edit();
                    edits.add(edit);
                    if (edit.startsWith("commit")) {
                        String parent = repo.head().name();
                        model.writeTo(repo);
                        repo.commitAll(edit);
                        // As git's own commit and checkout leave it (JGit's commit does not): the index says it is
                        // HEAD's tree, so the commit's files come from it (see GitRepo#headFromIndex).
                        FixtureRepo.runGit(project, "read-tree", "HEAD");
                        // The commit as CI sees a push: from its parent to it, read from history, not the working tree.
                        TiaConfig pushed = TiaConfig.defaults(project).with(ConfigKey.BASE, parent)
                                .with(ConfigKey.HEAD, repo.head().name());
                        String fromIndex = JsonReport.render(new TiaEngine().analyze(pushed).selection());
                        assertThat(fromIndex).as("the commit of step %d, seed %d, edits %s", step, seed, edits)
                                .isEqualTo(JsonReport.render(new TiaEngine().analyze(pushed.with(ConfigKey.CACHE_DIR, "")).selection()));
                        // A change staged beside it: the index is no longer the commit's, whose tree JGit reads.
                        Files.writeString(project.resolve("staged-beside.txt"), "s\n");
                        FixtureRepo.runGit(project, "add", "staged-beside.txt");
                        assertThat(JsonReport.render(new TiaEngine().analyze(pushed).selection()))
                                .as("the commit of step %d, its tree read by JGit; seed %d, edits %s", step, seed, edits)
                                .isEqualTo(fromIndex);
                        FixtureRepo.runGit(project, "rm", "-q", "--cached", "staged-beside.txt");
                        Files.delete(project.resolve("staged-beside.txt"));
                        if (edit.equals("commit, base moved")) {
                            base = repo.head().name();
                        }
                    }
                    model.writeTo(repo);
                    TiaConfig config = variant(TiaConfig.defaults(project).with(ConfigKey.BASE, base), step);
                    Analysis cold = new TiaEngine().analyze(config.with(ConfigKey.CACHE_DIR, ""));
                    Analysis warm = new TiaEngine().analyze(config);
                    String expected = JsonReport.render(cold.selection());
                    String where = "seed " + seed + ", step " + step + " (" + config.precision() + ", implementations "
                            + config.implementations() + "), edits " + edits;
                    assertThat(JsonReport.render(warm.selection())).as("index kept every step; " + where).isEqualTo(expected);
                    if (step % 3 == 0) {
                        Analysis stale = new TiaEngine().analyze(config.with(ConfigKey.CACHE_DIR, staleCache.toString()));
                        assertThat(JsonReport.render(stale.selection())).as("index kept every third step; " + where)
                                .isEqualTo(expected);
                    }
                    // The stored graph written by every run that builds one (a store for each implementation-edge
                    // setting, which alternates): a later step uses it whenever its edits leave every file's graph
                    // inputs as they were (a method body edited, a commit).
                    Analysis graphEveryRun = new TiaEngine(Progress.NONE, 0).analyze(config.with(ConfigKey.CACHE_DIR,
                            graphEveryRunCache + (config.implementations() ? "" : "-without-implementations")));
                    assertThat(JsonReport.render(graphEveryRun.selection())).as("graph stored every run; " + where)
                            .isEqualTo(expected);
                    assertStoredGraphIsBuilt(graphEveryRun, cold, "graph stored every run; " + where);
                    // The same state again: the warm run above compared every file with its store and noted what it
                    // found (see CheckedListing), so this one compares only the paths git's status names, when git's
                    // index is the same.
                    Analysis warmAgain = new TiaEngine().analyze(config);
                    assertThat(JsonReport.render(warmAgain.selection())).as("index kept, the same state again; " + where)
                            .isEqualTo(expected);
                    assertStoredGraphIsBuilt(warmAgain, cold, "the same state again; " + where);
                    listed += warmAgain.filesComparedWithStore() < warmAgain.indexStats().files() ? 1 : 0;
                    graphsFromStore += graphEveryRun.graphFromStore() ? 1 : 0;
                    graphsFromStore += warm.graphFromStore() ? 1 : 0;
                    graphsPatched += graphEveryRun.graphPatchedFiles() > 0 ? 1 : 0;
                    graphsPatched += warm.graphPatchedFiles() > 0 ? 1 : 0;
                    resourcesPatched += graphEveryRun.graphPatchedResources() > 0 ? 1 : 0;
                    resourcesPatched += warm.graphPatchedResources() > 0 ? 1 : 0;
                    steps++;
                    parsedWarm += warm.indexStats().parsed();
                    parsedCold += cold.indexStats().parsed();
                    Summary summary = cold.selection().summary();
                    if (summary.selected() > 0 && summary.selected() + summary.excludedByTag() < summary.total()) {
                        mixed++;
                    }
                }
            }
        }
        // The comparison means something only if the index was used and the selections told tests apart.
        assertThat(parsedWarm).as("files parsed with the index kept").isLessThan(parsedCold / 4);
        assertThat(mixed).as("steps that selected some tests and skipped others, of %d", steps).isGreaterThan(steps / 3);
        assertThat(graphsFromStore).as("analyses that used a stored graph, of %d steps", steps).isGreaterThan(steps / 10);
        assertThat(graphsPatched).as("analyses that patched a stored graph, of %d steps", steps).isGreaterThan(steps / 50);
        System.out.println("oracle: " + resourcesPatched + " analyses patched the resources' edges of a stored graph");
        // Edits of resources alone, between two runs, are rare at five seeds (ResourcePatchTest meets each case on every
        // run); a deeper search meets several.
        if (SEEDS >= 20) {
            assertThat(resourcesPatched).as("analyses that patched the resources' edges of a stored graph, of %d steps", steps)
                    .isPositive();
        }
        System.out.println("oracle: " + listed + " of " + steps + " steps compared only the named paths the second time");
        assertThat(listed).as("second runs that compared only the named paths, of %d steps", steps).isGreaterThan(steps / 10);
    }

    /**
     * Beyond this change's answer: a graph that came from the store is the one a build makes now, edge for edge in the
     * same order, with the same catalog and hierarchy, so every other change would get the same answer from it too.
     */
    private static void assertStoredGraphIsBuilt(Analysis warm, Analysis cold, String where) {
        if (warm.graphFromStore()) {
            assertThat(warm.graph().successorsByNode()).as("stored graph's edges; " + where)
                    .isEqualTo(cold.graph().successorsByNode());
            assertThat(warm.catalog().tests()).as("stored catalog; " + where).isEqualTo(cold.catalog().tests());
            assertThat(warm.graph().hierarchyByType()).as("stored hierarchy; " + where)
                    .isEqualTo(cold.graph().hierarchyByType());
            assertThat(warm.graph().namedInText()).as("stored types named in text; " + where)
                    .isEqualTo(cold.graph().namedInText());
        }
    }

    /** Every third step with class precision, every third without implementation edges. */
    private static TiaConfig variant(TiaConfig config, int step) {
        return switch (step % 3) {
            case 1 -> config.with(ConfigKey.PRECISION, "class");
            case 2 -> config.with(ConfigKey.IMPLEMENTATIONS, "false");
            default -> config;
        };
    }

    /** A main type: a class or an interface with a {@code value(int)} method that calls the types it names. */
    private static final class MainType {
        String module;
        final String pkg;
        String name;
        final boolean isInterface;
        final List<String> references = new ArrayList<>();
        final List<String> supertypes = new ArrayList<>();
        /** Types named only inside the body of {@code value} (in the same package by their simple name alone). */
        final List<String> bodyReferences = new ArrayList<>();
        /**
         * Local variables of {@code value}: words the body writes, some a type's simple name (which resolution counts as
         * a possible reference), most no type's.
         */
        final List<String> locals = new ArrayList<>();
        /** Methods besides {@code value} and {@code weight}, not annotated: some named as a type is, most not. */
        final List<String> helpers = new ArrayList<>();
        /** Package-private classes declared after it in its file, named by no other file. */
        final List<String> companions = new ArrayList<>();
        int body;
        boolean broken;
        /** Whether it declares a nested {@code Inner} class, which others may name as {@code T3.Inner}. */
        boolean inner;

        MainType(String module, String pkg, String name, boolean isInterface) {
            this.module = module;
            this.pkg = pkg;
            this.name = name;
            this.isInterface = isInterface;
        }

        String qualified() {
            return pkg + "." + name;
        }

        String path() {
            return module + "/src/main/java/" + pkg + "/" + name + ".java";
        }

        String source() {
            StringBuilder out = new StringBuilder("package " + pkg + ";\n\n");
            List<String> written = new ArrayList<>();
            for (int i = 0; i < references.size(); i++) {
                written.add(typeName(pkg, references.get(i), i, out));
            }
            List<String> supers = new ArrayList<>();
            for (int i = 0; i < supertypes.size(); i++) {
                supers.add(typeName(pkg, supertypes.get(i), i, out));
            }
            List<String> namedInBody = new ArrayList<>();
            for (int i = 0; i < bodyReferences.size(); i++) {
                namedInBody.add(typeName(pkg, bodyReferences.get(i), i, out));
            }
            out.append("\npublic ").append(isInterface ? "interface " : "class ").append(name);
            if (!supers.isEmpty()) {
                out.append(isInterface ? " extends " : " implements ").append(String.join(", ", supers));
            }
            out.append(" {\n");
            if (isInterface) {
                out.append("    int value(int x);\n");
            } else {
                StringBuilder calls = new StringBuilder("x + " + body);
                for (int i = 0; i < written.size(); i++) {
                    out.append("    private ").append(written.get(i)).append(" r").append(i).append(";\n");
                    calls.append(" + (r").append(i).append(" == null ? 0 : r").append(i).append(".value(x))");
                }
                out.append("    public int value(int x) {\n");
                for (int i = 0; i < namedInBody.size(); i++) {
                    out.append("        Object used").append(i).append(" = (").append(namedInBody.get(i)).append(") null;\n");
                }
                for (int i = 0; i < locals.size(); i++) {
                    out.append("        int ").append(locals.get(i)).append(" = ").append(i).append(";\n");
                }
                out.append("        return ").append(calls).append(";\n    }\n");
                out.append("    public int weight() {\n        return ").append(body % 5).append(";\n    }\n");
                for (String helper : helpers) {
                    out.append("    int ").append(helper).append("(int x) {\n        return x;\n    }\n");
                }
            }
            if (inner) {
                out.append("    public static class Inner {\n        public int value(int x) {\n            return x;\n        }\n    }\n");
            }
            out.append(broken ? "    int broken( {\n" : "").append("}\n");
            for (String companion : companions) {
                // "C7 implements T2" for one that implements an interface of the package
                out.append("\nclass ").append(companion).append(" {\n    public int value(int x) {\n        return x;\n    }\n}\n");
            }
            return out.toString();
        }
    }

    /** A test class naming main types, maybe tagged, maybe inheriting its module's base test (and its tag). */
    private static final class TestType {
        final String module;
        final String pkg;
        final String name;
        final List<String> references = new ArrayList<>();
        String tag;
        /** Whether it carries the project's {@code @p.Slow}, whose own tags it then has. */
        boolean slow;
        boolean extendsBase;
        /** Whether it loads a Spring context ({@code @SpringBootTest}), and so reaches its whole module. */
        boolean context;
        int body;
        boolean broken;
        /** A {@code @Nested} test class inside it, by name (none when null), its tag and the main type it names. */
        String nested;
        String nestedTag;
        String nestedReference;

        TestType(String module, String pkg, String name) {
            this.module = module;
            this.pkg = pkg;
            this.name = name;
        }

        String path() {
            return module + "/src/test/java/" + pkg + "/" + name + ".java";
        }

        String source() {
            StringBuilder out = new StringBuilder("package " + pkg + ";\n\n");
            out.append("import org.junit.jupiter.api.Tag;\nimport org.junit.jupiter.api.Test;\n");
            List<String> written = new ArrayList<>();
            for (int i = 0; i < references.size(); i++) {
                written.add(typeName(pkg, references.get(i), i, out));
            }
            String slowName = slow ? typeName(pkg, "p.Slow", written.size(), out) : null;
            String nestedNames = nested != null && nestedReference != null ? typeName(pkg, nestedReference, written.size() + 1, out) : null;
            out.append("\n").append(tag == null ? "" : "@Tag(\"" + tag + "\")\n").append(slow ? "@" + slowName + "\n" : "")
                    .append(context ? "@org.springframework.boot.test.context.SpringBootTest\n" : "")
                    .append("class ").append(name)
                    .append(extendsBase ? " extends p.BaseTest" : "").append(" {\n");
            for (int i = 0; i < written.size(); i++) {
                out.append("    private ").append(written.get(i)).append(" r").append(i).append(";\n");
            }
            out.append("    @Test\n    void works() {\n        int v = ").append(body).append(";\n");
            for (int i = 0; i < written.size(); i++) {
                out.append("        if (r").append(i).append(" != null) v += r").append(i).append(i % 2 == 0 ? ".value(v);\n" : ".weight();\n");
            }
            out.append("    }\n");
            if (nested != null) {
                out.append("\n    @org.junit.jupiter.api.Nested\n    class ").append(nested).append(" {\n        @Test\n")
                        .append(nestedTag == null ? "" : "        @Tag(\"" + nestedTag + "\")\n")
                        .append("        void alsoWorks() {\n")
                        .append(nestedNames == null ? "" : "            Object named = (" + nestedNames + ") null;\n")
                        .append("        }\n    }\n");
            }
            out.append(broken ? "    void broken( {\n" : "").append("}\n");
            return out.toString();
        }
    }

    /**
     * How a source names {@code qualified} (a top-level type, or a nested {@code p.T3.Inner}) from package {@code pkg}:
     * simply in its own package (through its outer type when nested), else by position a single import, the full
     * name or an on-demand import of its package or outer type: the forms the resolver tells apart.
     */
    private static String typeName(String pkg, String qualified, int position, StringBuilder imports) {
        String container = qualified.substring(0, qualified.lastIndexOf('.'));
        String simple = qualified.substring(container.length() + 1);
        if (container.equals(pkg)) {
            return simple;
        }
        if (container.startsWith(pkg + ".") && container.indexOf('.', pkg.length() + 1) < 0) {
            return container.substring(pkg.length() + 1) + "." + simple;
        }
        switch (position % 3) {
            case 0 -> imports.append("import ").append(qualified).append(";\n");
            case 1 -> {
                return qualified;
            }
            default -> imports.append("import ").append(container).append(".*;\n");
        }
        return simple;
    }

    /** The project as a model that random edits change, written out whole after each. */
    private static final class GeneratedProject {
        private final Random random;
        private final List<MainType> types = new ArrayList<>();
        private final List<TestType> tests = new ArrayList<>();
        /** Per module: the tag on its base test class, or null. */
        private final Map<String, String> baseTags = new HashMap<>();
        /** Per module: the modules it depends on. */
        private final Map<String, Set<String>> dependencies = new LinkedHashMap<>();
        /** Per module: the implementations its service file lists for the first interface, if it has one. */
        private final Map<String, List<String>> services = new HashMap<>();
        private final Map<String, String> handlers = new HashMap<>();
        /** The tag on the meta-annotation {@code p.Slow} in core, or null. */
        private String slowTag = "e2e";
        private final Map<String, String> written = new HashMap<>();
        private int names;

        GeneratedProject(Random random) {
            this.random = random;
            for (int m = 0; m < MODULES.size(); m++) {
                dependencies.put(MODULES.get(m), new TreeSet<>(m == 0 ? List.of() : List.of(MODULES.get(m - 1))));
            }
            for (int i = 0; i < 9; i++) {
                addType(MODULES.get(i % MODULES.size()));
            }
            for (int i = 0; i < 6; i++) {
                addTest(MODULES.get(i % MODULES.size()));
            }
        }

        private MainType addType(String module) {
            return addType(module, pick(PACKAGES), "T" + names++);
        }

        /**
         * A type of the simple name of one that exists, in the other package (another package's {@code Result}): the
         * files that write the name resolve again, to the same types or, in the new one's package, to it as well.
         */
        private MainType addNamesake(String module) {
            MainType existing = pick(types);
            String pkg = PACKAGES.get(1 - PACKAGES.indexOf(existing.pkg));
            if (types.stream().anyMatch(t -> t.qualified().equals(pkg + "." + existing.name))) {
                return addType(module);
            }
            return addType(module, pkg, existing.name);
        }

        private MainType addType(String module, String pkg, String name) {
            MainType type = new MainType(module, pkg, name, random.nextInt(4) == 0);
            type.inner = random.nextInt(4) == 0;
            for (int i = random.nextInt(3); i > 0 && !types.isEmpty(); i--) {
                type.references.add(pick(types).qualified());
            }
            types.add(type);
            return type;
        }

        private void addTest(String module) {
            TestType test = new TestType(module, pick(PACKAGES), "T" + names++ + "Test");
            for (int i = 1 + random.nextInt(2); i > 0 && !types.isEmpty(); i--) {
                test.references.add(pick(types).qualified());
            }
            test.tag = random.nextInt(5) == 0 ? "e2e" : null;
            test.extendsBase = random.nextInt(3) == 0;
            test.slow = random.nextInt(4) == 0;
            test.context = random.nextInt(6) == 0;
            tests.add(test);
        }

        /** Applies one random edit and says which. */
        String edit() {
            int kind = random.nextInt(34); // 27: the default, a commit that keeps the base
            MainType type = pick(types);
            switch (kind) {
                case 0, 1, 2 -> {
                    type.body++;
                    type.broken = false;
                    return "body of " + type.name;
                }
                case 3 -> {
                    MainType named = pick(types);
                    boolean nested = named.inner && random.nextBoolean();
                    type.references.add(named.qualified() + (nested ? ".Inner" : ""));
                    return type.name + " names " + named.name + (nested ? ".Inner" : "");
                }
                case 4 -> {
                    if (!type.references.isEmpty()) {
                        type.references.remove(random.nextInt(type.references.size()));
                    }
                    return type.name + " names one type less";
                }
                case 5 -> {
                    MainType added = random.nextInt(3) == 0 ? addNamesake(pick(MODULES)) : addType(pick(MODULES));
                    if (random.nextBoolean() && type != added) {
                        // The commonest change that adds a class: another one starts to use it.
                        type.body++;
                        type.references.add(added.qualified());
                        return "added " + added.name + ", named by " + type.name;
                    }
                    if (random.nextBoolean()) {
                        // Or configuration names it, as a new bean or provider is registered.
                        String module = pick(MODULES);
                        handlers.put(module, added.qualified());
                        return "added " + added.name + ", named by the handler property of " + module;
                    }
                    return "added " + added.qualified();
                }
                case 6 -> {
                    if (types.size() > 4) {
                        types.remove(type);
                    }
                    return "deleted " + type.name;
                }
                case 7 -> {
                    String old = type.name;
                    type.name = "T" + names++;
                    return "renamed " + old + " to " + type.name;
                }
                case 8 -> {
                    type.module = pick(MODULES);
                    return "moved " + type.name + " to " + type.module;
                }
                case 9 -> {
                    List<MainType> interfaces = types.stream().filter(t -> t.isInterface && t != type).toList();
                    if (!interfaces.isEmpty() && type.supertypes.isEmpty()) {
                        type.supertypes.add(pick(interfaces).qualified());
                    } else {
                        type.supertypes.clear();
                    }
                    return "supertypes of " + type.name;
                }
                case 10 -> {
                    TestType test = pick(tests);
                    test.tag = test.tag == null ? "e2e" : null;
                    return "tag on " + test.name;
                }
                case 11 -> {
                    String module = pick(MODULES);
                    baseTags.put(module, baseTags.get(module) == null ? "e2e" : null);
                    return "tag on the base test of " + module;
                }
                case 12 -> {
                    if (random.nextBoolean() || tests.size() < 3) {
                        addTest(pick(MODULES));
                        return "added a test";
                    }
                    return "deleted " + tests.remove(random.nextInt(tests.size())).name;
                }
                case 13 -> {
                    TestType test = pick(tests);
                    test.body++;
                    test.broken = false;
                    test.references.add(type.qualified());
                    return test.name + " names " + type.name;
                }
                case 14 -> {
                    String module = pick(MODULES);
                    List<String> listed = services.computeIfAbsent(module, m -> new ArrayList<>());
                    if (random.nextBoolean() && !listed.isEmpty()) {
                        listed.remove(0);
                    } else {
                        listed.add(type.qualified());
                    }
                    return "service file of " + module;
                }
                case 15 -> {
                    String module = pick(MODULES);
                    handlers.put(module, random.nextBoolean() ? type.qualified() : null);
                    return "handler property of " + module;
                }
                case 16 -> {
                    // app may depend on core directly or not; api on core or not: never a cycle.
                    String module = random.nextBoolean() ? "app" : "api";
                    Set<String> deps = dependencies.get(module);
                    if (!deps.remove("core")) {
                        deps.add("core");
                    }
                    return "pom of " + module;
                }
                case 17 -> {
                    if (random.nextBoolean()) {
                        type.broken = true;
                        return "syntax error in " + type.name;
                    }
                    TestType test = pick(tests);
                    test.broken = !test.broken;
                    return "syntax error in or mended " + test.name;
                }
                case 18 -> {
                    return "commit, base moved";
                }
                case 19 -> {
                    type.inner = !type.inner;
                    return (type.inner ? "nested class added to " : "nested class removed from ") + type.name;
                }
                case 20 -> {
                    TestType test = pick(tests);
                    test.slow = !test.slow;
                    return "@Slow on " + test.name;
                }
                case 21 -> {
                    slowTag = slowTag == null ? "e2e" : null;
                    return "tag on @Slow";
                }
                case 22 -> {
                    TestType test = pick(tests);
                    MainType named = pick(types);
                    test.references.add(named.qualified() + (named.inner ? ".Inner" : ""));
                    return test.name + " names " + named.name + (named.inner ? ".Inner" : "");
                }
                case 23 -> {
                    if (!type.locals.isEmpty() && random.nextInt(3) == 0) {
                        return "the body of " + type.name + " no longer writes " + type.locals.remove(random.nextInt(type.locals.size()));
                    }
                    // A type's name resolves in the same package: the word is then a reference, as resolution errs toward more.
                    List<MainType> samePackage = types.stream().filter(t -> t.pkg.equals(type.pkg) && t != type).toList();
                    String local = random.nextBoolean() || samePackage.isEmpty() ? "local" + names++ : pick(samePackage).name;
                    if (!type.locals.contains(local)) {
                        type.locals.add(local);
                    }
                    return "the body of " + type.name + " writes " + local;
                }
                case 25 -> {
                    if (!type.helpers.isEmpty() && random.nextInt(3) == 0) {
                        return type.name + " no longer declares " + type.helpers.remove(random.nextInt(type.helpers.size()));
                    }
                    List<MainType> samePackage = types.stream().filter(t -> t.pkg.equals(type.pkg) && t != type).toList();
                    String helper = random.nextBoolean() || samePackage.isEmpty() ? "helper" + names++ : pick(samePackage).name;
                    if (!type.helpers.contains(helper)) {
                        type.helpers.add(helper);
                    }
                    return type.name + " declares a method " + helper;
                }
                case 26 -> {
                    if (!type.companions.isEmpty() && random.nextInt(3) == 0) {
                        return type.name + " no longer declares " + type.companions.remove(0).split(" ")[0];
                    }
                    List<MainType> interfaces = types.stream().filter(t -> t.isInterface && t.pkg.equals(type.pkg)).toList();
                    String companion = "C" + names++ + (interfaces.isEmpty() || random.nextBoolean() ? "" : " implements " + pick(interfaces).name);
                    type.companions.add(companion);
                    return type.name + "'s file declares " + companion;
                }
                case 28, 29 -> {
                    // A new test alone: a stored graph takes it in, its entry made from the base test and annotation
                    // above it when it names them.
                    addTest(pick(MODULES));
                    return "added a test";
                }
                case 30 -> {
                    // JUnit 5's nested test classes: added to a test file that stays, tagged or not, naming a type or not.
                    TestType test = pick(tests);
                    if (test.nested == null || random.nextInt(3) > 0) {
                        test.nested = "Cases" + names++;
                        test.nestedTag = random.nextBoolean() ? "e2e" : null;
                        test.nestedReference = random.nextBoolean() ? type.qualified() : null;
                        return "nested test class " + test.nested + " in " + test.name;
                    }
                    test.nested = null;
                    return "nested test class removed from " + test.name;
                }
                case 31 -> {
                    // A type taken out of a file that stays: a nested test class, a companion, a nested class.
                    List<TestType> withNested = tests.stream().filter(t -> t.nested != null).toList();
                    List<MainType> withCompanions = types.stream().filter(t -> !t.companions.isEmpty()).toList();
                    if (!withNested.isEmpty() && random.nextBoolean()) {
                        TestType test = pick(withNested);
                        test.nested = null;
                        return "nested test class removed from " + test.name;
                    }
                    if (!withCompanions.isEmpty() && random.nextBoolean()) {
                        MainType companion = pick(withCompanions);
                        return companion.name + " no longer declares " + companion.companions.remove(0).split(" ")[0];
                    }
                    type.inner = false;
                    return "nested class removed from " + type.name;
                }
                case 32 -> {
                    // A test's supertypes: it starts to extend its module's base test (and so takes its tag), or stops.
                    TestType test = pick(tests);
                    test.extendsBase = !test.extendsBase;
                    return test.name + (test.extendsBase ? " extends the base test" : " no longer extends the base test");
                }
                case 33 -> {
                    // A test starts or stops loading its module's context: it reaches its whole module, or no longer.
                    TestType test = pick(tests);
                    test.context = !test.context;
                    return test.name + (test.context ? " loads its module's context" : " no longer loads a context");
                }
                case 24 -> {
                    MainType named = pick(types);
                    type.bodyReferences.add(named.qualified());
                    return "the body of " + type.name + " names " + named.name;
                }
                default -> {
                    return "commit, base kept";
                }
            }
        }

        /** Writes what the model now holds, deleting what it no longer does. */
        void writeTo(FixtureRepo repo) {
            Map<String, String> files = new TreeMap<>();
            files.put(".gitignore", ".tia/\ntarget/\n");
            files.put("pom.xml", rootPom());
            files.put("core/src/main/java/p/Slow.java", "package p;\n\nimport org.junit.jupiter.api.Tag;\n\n"
                    + (slowTag == null ? "" : "@Tag(\"" + slowTag + "\")\n") + "public @interface Slow {\n}\n");
            for (String module : MODULES) {
                files.put(module + "/pom.xml", modulePom(module));
                files.put(module + "/src/test/java/p/BaseTest.java", "package p;\n\nimport org.junit.jupiter.api.Tag;\n\n"
                        + (baseTags.get(module) == null ? "" : "@Tag(\"" + baseTags.get(module) + "\")\n")
                        + "public abstract class BaseTest {\n}\n");
                List<String> listed = services.getOrDefault(module, List.of());
                if (!listed.isEmpty()) {
                    String service = types.stream().filter(t -> t.isInterface).map(MainType::qualified).findFirst().orElse("p.None");
                    files.put(module + "/src/main/resources/META-INF/services/" + service, String.join("\n", listed) + "\n");
                }
                if (handlers.get(module) != null) {
                    files.put(module + "/src/main/resources/handlers.properties", "handler=" + handlers.get(module) + "\n");
                }
            }
            // Two types of one name in one place: the later one wins, as a file would.
            types.forEach(type -> files.put(type.path(), type.source()));
            tests.forEach(test -> files.put(test.path(), test.source()));
            for (String path : Set.copyOf(written.keySet())) {
                if (!files.containsKey(path)) {
                    repo.delete(path);
                    written.remove(path);
                }
            }
            files.forEach((path, content) -> {
                if (!content.equals(written.get(path))) {
                    repo.write(path, content);
                    written.put(path, content);
                }
            });
        }

        private String rootPom() {
            StringBuilder modules = new StringBuilder();
            MODULES.forEach(m -> modules.append("    <module>").append(m).append("</module>\n"));
            return """
                    <project xmlns="http://maven.apache.org/POM/4.0.0">
                      <modelVersion>4.0.0</modelVersion>
                      <groupId>com.example</groupId>
                      <artifactId>root</artifactId>
                      <version>1</version>
                      <packaging>pom</packaging>
                      <modules>
                    %s  </modules>
                    </project>
                    """.formatted(modules);
        }

        private String modulePom(String module) {
            StringBuilder deps = new StringBuilder();
            for (String dependency : dependencies.get(module)) {
                deps.append("""
                            <dependency>
                              <groupId>com.example</groupId>
                              <artifactId>%s</artifactId>
                              <version>1</version>
                            </dependency>
                        """.formatted(dependency));
            }
            return """
                    <project xmlns="http://maven.apache.org/POM/4.0.0">
                      <modelVersion>4.0.0</modelVersion>
                      <parent>
                        <groupId>com.example</groupId>
                        <artifactId>root</artifactId>
                        <version>1</version>
                      </parent>
                      <artifactId>%s</artifactId>
                      <dependencies>
                    %s  </dependencies>
                    </project>
                    """.formatted(module, deps);
        }

        private <T> T pick(List<T> from) {
            return from.get(random.nextInt(from.size()));
        }
    }
}
