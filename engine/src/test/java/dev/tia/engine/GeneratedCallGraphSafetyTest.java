package dev.tia.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tia.engine.config.ConfigKey;
import dev.tia.engine.config.TiaConfig;
import dev.tia.engine.select.Effect;
import dev.tia.engine.select.Selection;
import dev.tia.engine.select.TestStatus;
import dev.tia.fixtures.FixtureRepo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Member-level narrowing against generated call graphs: small projects whose classes call each other through every
 * receiver form tia tells apart (new, static calls, fields, locals typed by an interface, var, method references,
 * inherited and overridden methods, unqualified calls, code outside methods), with the same method names in every
 * class, and now and then two classes in one file (nested or not); some tests extend a base class whose set-up
 * calls a hook they override. Each method in turn is made to throw; the tests run for real with the JUnit launcher, and every test that
 * fails must have been selected.
 */
class GeneratedCallGraphSafetyTest {

    private static final int CLASSES = 6;
    private static final String[] NAMES = {"f", "g", "h"};

    @TempDir
    Path dir;

    /** A generated method: its class, name, whether it takes an int, whether it is static. */
    private record Method(int owner, String name, boolean takesInt, boolean isStatic) {
        String arguments() {
            return takesInt ? "1" : "";
        }
    }

    @Test
    void everyTestThatAThrowingMethodBreaksIsSelected() throws IOException {
        List<String> misses = new ArrayList<>();
        int mutants = 0;
        int narrowed = 0;
        int failing = 0;
        int selectedTotal = 0;
        int fromStoredGraph = 0;
        for (long seed = 1; seed <= 8; seed++) {
            Path project = dir.resolve("seed" + seed);
            Map<String, String> sources = generate(new Random(seed));
            try (FixtureRepo repo = FixtureRepo.init(project)) {
                sources.forEach(repo::write);
                repo.commitAll("generated");
            }
            assertThat(FixtureTestRun.failingTestClasses(project, Files.createTempDirectory(dir, "build")))
                    .as("the generated project's tests pass before any mutation").isEmpty();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                if (!source.getKey().startsWith("src/main/java/g/C")) {
                    continue;
                }
                for (String mutant : throwingMutants(source.getValue())) {
                    Files.writeString(project.resolve(source.getKey()), mutant);
                    try {
                        Set<String> failed = FixtureTestRun.failingTestClasses(project, Files.createTempDirectory(dir, "build"));
                        // With the index kept in the project: the graph stored by an earlier mutant's run, as a mutant
                        // adds no name; and without any index, the graph built afresh. Both must select every failure.
                        Analysis warm = new TiaEngine().analyze(TiaConfig.defaults(project));
                        fromStoredGraph += warm.graphFromStore() ? 1 : 0;
                        Selection selection = warm.selection();
                        Set<String> selected = new TreeSet<>(FixtureStepsTest.simpleNames(selection, TestStatus.SELECTED));
                        Set<String> selectedCold = new TreeSet<>(FixtureStepsTest.simpleNames(new TiaEngine()
                                .analyze(TiaConfig.defaults(project).with(ConfigKey.CACHE_DIR, "")).selection(), TestStatus.SELECTED));
                        if (!selectedCold.equals(selected)) {
                            misses.add("seed " + seed + ", " + source.getKey() + ": selected " + selected + " with the index, "
                                    + selectedCold + " without");
                        }
                        mutants++;
                        failing += failed.size();
                        selectedTotal += selected.size();
                        if (selection.changedFiles().get(0).effect() == Effect.MEMBERS) {
                            narrowed++;
                        }
                        if (!selected.containsAll(failed)) {
                            misses.add("seed " + seed + ", " + source.getKey() + ": failing " + failed + ", selected " + selected
                                    + "\n" + mutant);
                        }
                    } finally {
                        Files.writeString(project.resolve(source.getKey()), source.getValue());
                    }
                }
            }
        }
        System.out.printf("generated call graphs: %d throwing mutants, %d judged at member level, %d failing test classes,"
                + " %d selected, %d missed; %d analyses used the stored graph%n", mutants, narrowed, failing, selectedTotal,
                misses.size(), fromStoredGraph);
        assertThat(fromStoredGraph).as("analyses that used the stored graph, of %d", mutants).isGreaterThan(mutants / 2);
        assertThat(narrowed).as("mutants judged at member level").isGreaterThanOrEqualTo(20);
        assertThat(failing).as("failures the tests notice; without them this check proves nothing").isGreaterThanOrEqualTo(20);
        assertThat(misses).isEmpty();
    }

    /**
     * One mutant per method body: the body throws first, with {@code throw null} (a NullPointerException), which
     * names nothing the file did not name already: the stored graph of the run before stays valid for it.
     */
    private static List<String> throwingMutants(String source) {
        List<String> mutants = new ArrayList<>();
        int from = 0;
        String marker = "{ // body";
        while ((from = source.indexOf(marker, from)) >= 0) {
            int at = from + 1;
            mutants.add(source.substring(0, at) + " if (true) { throw null; }" + source.substring(at));
            from = at;
        }
        return mutants;
    }

    /**
     * The project: classes C0..C5 (a class only calls classes after it, so nothing recurses), an interface Op whose
     * default method calls the implementation's f, and tests that call methods through random receivers.
     */
    private static Map<String, String> generate(Random random) {
        List<List<Method>> methods = new ArrayList<>();
        int[] parent = new int[CLASSES];
        for (int k = 0; k < CLASSES; k++) {
            parent[k] = k > 0 && random.nextInt(3) == 0 ? random.nextInt(k) : -1;
            List<Method> own = new ArrayList<>();
            for (String name : NAMES) {
                if (random.nextInt(3) > 0) {
                    own.add(new Method(k, name, random.nextBoolean(), random.nextInt(4) == 0));
                }
            }
            if (own.isEmpty()) {
                own.add(new Method(k, "f", true, false));
            }
            // A method with an ancestor's signature must match its staticness to compile (an override or a hiding).
            for (int i = 0; i < own.size(); i++) {
                Method method = own.get(i);
                for (int a = parent[k]; a >= 0; a = parent[a]) {
                    for (Method inherited : methods.get(a)) {
                        if (inherited.name().equals(method.name()) && inherited.takesInt() == method.takesInt()) {
                            own.set(i, method = new Method(k, method.name(), method.takesInt(), inherited.isStatic()));
                        }
                    }
                }
            }
            methods.add(own);
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pom.xml", InlineProject.POM);
        // a default method calls the implementation's f through this
        files.put("src/main/java/g/Op.java", "package g;\npublic interface Op {\n    int f(int x);\n\n"
                + "    default int twice(int x) {\n        return f(x) + f(x);\n    }\n}\n");
        // Now and then a class shares the file of the class before it, as a second, package-private top-level class
        // or as a static class nested in the file's first class (which every other file then imports), so classes
        // in one file call and extend each other.
        int[] fileOf = new int[CLASSES];
        boolean[] nested = new boolean[CLASSES];
        for (int k = 1; k < CLASSES; k++) {
            fileOf[k] = random.nextInt(3) == 0 ? fileOf[k - 1] : k;
            nested[k] = fileOf[k] != k && random.nextBoolean();
        }
        StringBuilder nestedImports = new StringBuilder();
        for (int k = 0; k < CLASSES; k++) {
            if (nested[k]) {
                nestedImports.append("import g.C").append(fileOf[k]).append(".C").append(k).append(";\n");
            }
        }
        Map<Integer, StringBuilder> nestedIn = new LinkedHashMap<>();
        for (int k = 0; k < CLASSES; k++) {
            StringBuilder body = new StringBuilder();
            boolean implementsOp = methods.get(k).stream().anyMatch(m -> m.name().equals("f") && m.takesInt() && !m.isStatic());
            body.append(fileOf[k] == k ? "package g;\n\n" + nestedImports + "\npublic class C"
                    : nested[k] ? "\npublic static class C" : "\nclass C").append(k);
            if (parent[k] >= 0) {
                body.append(" extends C").append(parent[k]);
            }
            if (implementsOp) {
                body.append(" implements Op");
            }
            body.append(" {\n");
            // Initializers only in classes nothing extends: a subclass built by a later class would run them again.
            int self = k;
            boolean leaf = java.util.stream.IntStream.range(0, CLASSES).noneMatch(c -> parent[c] == self);
            if (leaf && k + 1 < CLASSES && random.nextInt(3) == 0) {
                // code outside methods that calls a method
                body.append("    private final int seed = ").append(call(random, methods, parent, k + 1, k)).append(";\n");
            }
            if (leaf && k + 1 < CLASSES) {
                int target = k + 1 + random.nextInt(CLASSES - k - 1);
                body.append("    private final C").append(target).append(" next = new C").append(target).append("();\n");
            }
            List<Method> own = methods.get(k);
            for (int i = 0; i < own.size(); i++) {
                Method method = own.get(i);
                boolean overrides = parent[k] >= 0 && hasInstance(methods, parent, parent[k], method);
                body.append("\n    ").append(overrides && !method.isStatic() ? "@Override\n    " : "")
                        .append("public ").append(method.isStatic() ? "static " : "").append("int ").append(method.name())
                        .append(method.takesInt() ? "(int x)" : "()").append(" { // body\n")
                        .append("        int r = ").append(random.nextInt(100)).append(";\n");
                for (int c = 0; c < 1 + random.nextInt(2); c++) {
                    if (k + 1 < CLASSES) {
                        body.append("        ").append(statement(random, methods, parent, k + 1, k, method.isStatic())).append('\n');
                    }
                }
                // an unqualified call to a later method of the same class
                for (int j = i + 1; j < own.size(); j++) {
                    if (random.nextBoolean() && (own.get(j).isStatic() || !method.isStatic())) {
                        body.append("        r += ").append(own.get(j).name()).append('(').append(own.get(j).arguments()).append(");\n");
                        break;
                    }
                }
                body.append("        return r;\n    }\n");
            }
            body.append("}\n");
            if (nested[k]) {
                nestedIn.computeIfAbsent(fileOf[k], f -> new StringBuilder()).append(body);
            } else {
                files.merge("src/main/java/g/C" + fileOf[k] + ".java", body.toString(), String::concat);
            }
        }
        nestedIn.forEach((outer, classes) -> files.computeIfPresent("src/main/java/g/C" + outer + ".java", (path, source) -> {
            int end = source.indexOf("\n}\n", source.indexOf("public class C" + outer)) + 1; // the first class's last brace
            return source.substring(0, end) + classes + source.substring(end);
        }));
        // A shared base test class whose set-up calls a hook that some tests override with calls of their own.
        files.put("src/test/java/g/TBase.java", "package g;\n\nimport org.junit.jupiter.api.BeforeEach;\n\n"
                + "public abstract class TBase {\n    protected int prepared;\n\n    @BeforeEach\n    void setUp() {\n"
                + "        prepared = hook(1);\n    }\n\n    protected int hook(int x) {\n        return x;\n    }\n}\n");
        for (int t = 0; t < 8; t++) {
            boolean extendsBase = random.nextBoolean();
            StringBuilder test = new StringBuilder("package g;\n\n").append(nestedImports)
                    .append("import org.junit.jupiter.api.Test;\n\nclass T").append(t).append("Test")
                    .append(extendsBase ? " extends TBase" : "").append(" {\n");
            if (extendsBase && random.nextBoolean()) {
                test.append("    @Override\n    protected int hook(int x) {\n        int r = x;\n        ")
                        .append(statement(random, methods, parent, 0, -1, true)).append("\n        return r;\n    }\n\n");
            }
            test.append("    @Test\n    void calls() {\n        int r = 0;\n");
            for (int c = 0; c < 1 + random.nextInt(2); c++) {
                test.append("        ").append(statement(random, methods, parent, 0, -1, true)).append('\n');
            }
            test.append("    }\n}\n");
            files.put("src/test/java/g/T" + t + "Test.java", test.toString());
        }
        return files;
    }

    /** Whether class {@code k} has (or inherits) an instance method like {@code method}. */
    private static boolean hasInstance(List<List<Method>> methods, int[] parent, int k, Method method) {
        for (int c = k; c >= 0; c = parent[c]) {
            if (methods.get(c).stream().anyMatch(m -> m.name().equals(method.name()) && m.takesInt() == method.takesInt()
                    && !m.isStatic())) {
                return true;
            }
            if (parent[c] < 0) {
                break;
            }
        }
        return false;
    }

    /** A statement {@code r += <call>;} to a method of a class at index {@code from} or later. */
    private static String statement(Random random, List<List<Method>> methods, int[] parent, int from, int caller, boolean inStatic) {
        int target = from + random.nextInt(CLASSES - from);
        List<Method> candidates = methods.get(target);
        Method method = candidates.get(random.nextInt(candidates.size()));
        String arguments = method.arguments();
        if (method.isStatic()) {
            return "r += C" + method.owner() + "." + method.name() + "(" + arguments + ");";
        }
        // a subclass after the caller that inherits the method, now and then
        for (int sub = Math.max(from, caller + 1); sub < CLASSES; sub++) {
            if (parent[sub] == target && random.nextInt(3) == 0) {
                return "r += new C" + sub + "()." + method.name() + "(" + arguments + ");";
            }
        }
        String type = "C" + target;
        String call = method.name() + "(" + arguments + ")";
        List<String> forms = new ArrayList<>(List.of(
                "r += new " + type + "()." + call + ";",
                "{ var v = new " + type + "(); r += v." + call + "; }",
                "{ " + type + " local = new " + type + "(); r += local." + call + "; }",
                "{ Object o = new " + type + "(); r += ((" + type + ") o)." + call + "; }",
                "{ java.util.function.ToIntFunction<" + type + "> fn = (" + type + " c) -> c." + call + "; r += fn.applyAsInt(new " + type + "()); }",
                "{ java.util.function.ToIntFunction<" + type + "> fn = c -> c." + call + "; r += fn.applyAsInt(new " + type + "()); }",
                "{ java.util.function.IntSupplier s = new java.util.function.IntSupplier() { public int getAsInt() { return new "
                        + type + "()." + call + "; } }; r += s.getAsInt(); }"));
        if (method.name().equals("f") && method.takesInt()) {
            forms.add("{ Op op = new " + type + "(); r += op.f(2); }");
            forms.add("{ Op op = new " + type + "(); r += op.twice(2); }");
            forms.add("{ java.util.function.IntUnaryOperator u = new " + type + "()::f; r += u.applyAsInt(3); }");
        }
        return forms.get(random.nextInt(forms.size()));
    }

    /** A call expression to a method of a class at index {@code from} or later (for a field initializer). */
    private static String call(Random random, List<List<Method>> methods, int[] parent, int from, int caller) {
        String statement = statement(random, methods, parent, from, caller, true);
        if (statement.startsWith("r += ") && !statement.contains("{")) {
            return statement.substring(5, statement.length() - 1);
        }
        int target = from + random.nextInt(CLASSES - from);
        Method method = methods.get(target).get(0);
        return method.isStatic() ? "C" + target + "." + method.name() + "(" + method.arguments() + ")"
                : "new C" + target + "()." + method.name() + "(" + method.arguments() + ")";
    }
}
