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
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The safety property under many small behaviour changes: every main class of the shop fixture gets mutants
 * (a number, an operator, a string or a boolean changed inside a method body); for each, the fixture's tests run
 * for real, and every test that fails must have been selected (or excluded by tag only). Mutants inside method
 * bodies are judged at member level, which is the rule under the sharpest test here: Money, used by every
 * module, gets one mutant per method.
 */
class MutationSafetyTest {

    /** One textual mutation: {@code pattern} replaced by {@code replacement}. */
    private record Operator(String name, Pattern pattern, String replacement) {
    }

    private static final List<Operator> OPERATORS = List.of(
            new Operator("number", Pattern.compile("(?<![\\w.])(\\d+)(?![\\w.])"), "$1 + 1"),
            new Operator("plus-to-minus", Pattern.compile("(\\w) \\+ (\\w)"), "$1 - $2"),
            new Operator("minus-to-plus", Pattern.compile("(\\w) - (\\w)"), "$1 + $2"),
            new Operator("times-to-plus", Pattern.compile("(\\w) \\* (\\w)"), "$1 + $2"),
            new Operator("comparison", Pattern.compile(" >= "), " > "),
            new Operator("string", Pattern.compile("\"([^\"\\\\]+)\""), "\"$1!\""),
            new Operator("boolean", Pattern.compile("\\btrue\\b"), "false"));

    @TempDir
    Path dir;

    @Test
    void everyFailingTestOfEveryMutantWasSelected() throws IOException {
        Path repo = dir.resolve("shop");
        List<String> misses = new ArrayList<>();
        int tried = 0;
        int killed = 0;
        int narrowed = 0;
        int selectedAtMemberLevel = 0;
        int selectedAtClassLevel = 0;
        try (FixtureRepo fixture = FixtureRepo.create("shop", repo)) {
            for (Path source : mainSources(repo)) {
                String original = Files.readString(source);
                for (String mutated : mutants(original)) {
                    Files.writeString(source, mutated);
                    try {
                        Set<String> failing = FixtureTestRun.failingTestClasses(repo, Files.createTempDirectory(dir, "build"));
                        tried++;
                        Selection selection = new TiaEngine().analyze(TiaConfig.defaults(repo)).selection();
                        Set<String> affected = affected(selection);
                        if (selection.changedFiles().get(0).effect() == Effect.MEMBERS) {
                            narrowed++;
                        }
                        selectedAtMemberLevel += affected.size();
                        selectedAtClassLevel += affected(new TiaEngine().analyze(TiaConfig.defaults(repo)
                                .with(ConfigKey.PRECISION, "class")).selection()).size();
                        if (!failing.isEmpty()) {
                            killed++;
                            if (!affected.containsAll(failing)) {
                                misses.add(repo.relativize(source) + ": failing " + failing
                                        + ", selected " + affected);
                            }
                        }
                    } catch (IllegalStateException doesNotCompile) {
                        // a mutant the compiler rejects changes no behaviour; not counted
                    } finally {
                        Files.writeString(source, original);
                    }
                }
            }
        }
        System.out.printf("mutation safety check: %d mutants, %d killed by the fixture's tests, %d missed by tia;"
                + " %d judged at member level; test classes affected per mutant: %.1f at member level, %.1f at class level%n",
                tried, killed, misses.size(), narrowed, (double) selectedAtMemberLevel / tried, (double) selectedAtClassLevel / tried);
        assertThat(killed).as("mutants the tests notice; without them this check proves nothing").isGreaterThanOrEqualTo(10);
        assertThat(narrowed).as("mutants inside method bodies, judged at member level").isGreaterThanOrEqualTo(10);
        assertThat(misses).as("failing tests tia did not select").isEmpty();
    }

    /** Selected or excluded by tag only: the tests tia judged affected. */
    private static Set<String> affected(Selection selection) {
        Set<String> affected = new TreeSet<>(FixtureStepsTest.simpleNames(selection, TestStatus.SELECTED));
        affected.addAll(FixtureStepsTest.simpleNames(selection, TestStatus.EXCLUDED_BY_TAG));
        return affected;
    }

    private static List<Path> mainSources(Path repo) throws IOException {
        try (Stream<Path> files = Files.walk(repo)) {
            return files.filter(p -> p.toString().contains("/src/main/java/") && p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** Every mutant of {@code source}: each operator applied to its first match in each method body. */
    private static List<String> mutants(String source) {
        List<String> mutants = new ArrayList<>();
        Matcher body = Pattern.compile("\\)\\s*(throws [\\w., ]+)?\\{").matcher(source);
        while (body.find()) {
            int end = closingBrace(source, body.end() - 1);
            for (Operator operator : OPERATORS) {
                Matcher matcher = operator.pattern().matcher(source).region(body.end(), end);
                if (matcher.find()) {
                    String replaced = operator.pattern().matcher(matcher.group()).replaceFirst(operator.replacement());
                    mutants.add(source.substring(0, matcher.start()) + replaced + source.substring(matcher.end()));
                }
            }
        }
        return mutants;
    }

    /** The index of the brace closing the one at {@code open} (braces in strings are rare enough in the fixture). */
    private static int closingBrace(String source, int open) {
        int depth = 0;
        for (int i = open; i < source.length(); i++) {
            if (source.charAt(i) == '{') {
                depth++;
            } else if (source.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return source.length();
    }
}
