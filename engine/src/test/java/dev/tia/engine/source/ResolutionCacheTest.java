package dev.tia.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tia.engine.Analysis;
import dev.tia.engine.TiaEngine;
import dev.tia.engine.config.ConfigKey;
import dev.tia.engine.config.TiaConfig;
import dev.tia.engine.graph.GraphStore;
import dev.tia.engine.io.CacheFraming;
import dev.tia.engine.select.TestResult;
import dev.tia.fixtures.ChangeStep;
import dev.tia.fixtures.FixtureRepo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resolved names kept between runs: a warm run resolves only what may have changed, and the answer is always the
 * one a run without any cache gives.
 */
class ResolutionCacheTest {

    private static final int SHOP_JAVA_FILES = 43;

    @TempDir
    Path dir;

    private Analysis analyze(TiaConfig config) {
        return new TiaEngine().analyze(config);
    }

    private Analysis analyze() {
        return analyze(TiaConfig.defaults(dir));
    }

    /** The same analysis with no cache at all: everything parsed and resolved afresh. */
    private Analysis analyzeWithoutCache(TiaConfig config) {
        return analyze(config.with(ConfigKey.CACHE_DIR, ""));
    }

    /**
     * A warm run that resolves names: without the stored graph, with which a run that changes no file's graph inputs
     * resolves none (see {@code GraphStoreTest}).
     */
    private Analysis analyzeWithoutStoredGraph() {
        try {
            Files.deleteIfExists(dir.resolve(".tia/cache").resolve(GraphStore.FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return analyze();
    }

    private Path stored() {
        return dir.resolve(".tia/cache").resolve(ResolutionCache.FILE_NAME);
    }

    @Test
    void warmRunResolvesOnlyWhatChanged() {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            assertThat(analyze().resolutionStats()).isEqualTo(new Analysis.ResolutionStats(0, SHOP_JAVA_FILES));
            assertThat(stored()).exists();
            assertThat(analyzeWithoutStoredGraph().resolutionStats()).isEqualTo(new Analysis.ResolutionStats(SHOP_JAVA_FILES, 0));

            repo.apply(ChangeStep.named("shop", "01-discount-rule")); // served by the stored graph: it names no type anew
            assertThat(analyzeWithoutStoredGraph().resolutionStats()).as("one file's content changed, and it adds or removes no type")
                    .isEqualTo(new Analysis.ResolutionStats(SHOP_JAVA_FILES - 1, 1));
        }
    }

    @Test
    void aNewTypeIsResolvedAgainInEveryFileThatMayNameIt() {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            repo.write("libs/pricing/src/main/java/com/example/pricing/Rounding.java",
                    "package com.example.pricing;\npublic class Rounding { public static int up(int x) { return x; } }\n");
            repo.write("libs/pricing/src/test/java/com/example/pricing/RoundingTest.java", """
                    package com.example.pricing;
                    import org.junit.jupiter.api.Test;
                    import com.example.pricing.extra.*;
                    class RoundingTest { @Test void up() { Precision.check(Rounding.up(1)); } }
                    """);
            repo.write("libs/pricing/src/main/java/com/example/pricing/extra/Other.java",
                    "package com.example.pricing.extra;\npublic class Other { }\n");
            repo.commitAll("rounding");
            TiaConfig sinceRounding = TiaConfig.defaults(dir).with(ConfigKey.BASE, repo.head().name());
            analyze(sinceRounding);

            // Precision did not exist when RoundingTest was resolved; now the wildcard import finds it, and a
            // change to it must select RoundingTest although RoundingTest's own content is the same.
            repo.write("libs/pricing/src/main/java/com/example/pricing/extra/Precision.java",
                    "package com.example.pricing.extra;\npublic class Precision { public static void check(int x) { } }\n");
            Analysis warm = analyze(sinceRounding);
            assertThat(warm.resolutionStats().resolved()).as("the new file and the files that write 'Precision'")
                    .isBetween(2, 3);
            assertThat(selected(warm)).contains("com.example.pricing.RoundingTest");
            assertThat(warm.selection().tests()).isEqualTo(analyzeWithoutCache(sinceRounding).selection().tests());
        }
    }

    private static String pom(String artifact, String dependency) {
        String dependencies = dependency == null ? "" : """
                  <dependencies>
                    <dependency><groupId>com.example</groupId><artifactId>%s</artifactId><version>1</version></dependency>
                  </dependencies>
                """.formatted(dependency);
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent><groupId>com.example</groupId><artifactId>root</artifactId><version>1</version></parent>
                  <artifactId>%s</artifactId>
                %s</project>
                """.formatted(artifact, dependencies);
    }

    @Test
    void aModuleThatSeesOtherModulesIsResolvedAgain() {
        try (FixtureRepo repo = FixtureRepo.init(dir)) {
            repo.write("pom.xml", """
                    <project xmlns="http://maven.apache.org/POM/4.0.0">
                      <modelVersion>4.0.0</modelVersion>
                      <groupId>com.example</groupId><artifactId>root</artifactId><version>1</version><packaging>pom</packaging>
                      <modules><module>a</module><module>b</module><module>c</module></modules>
                    </project>
                    """);
            repo.write("a/pom.xml", pom("a", null));
            repo.write("b/pom.xml", pom("b", null));
            repo.write("c/pom.xml", pom("c", "a"));
            // Both a and b declare com.example.X: which one c means depends on which module c depends on.
            repo.write("a/src/main/java/com/example/X.java", "package com.example;\npublic class X { }\n");
            repo.write("b/src/main/java/com/example/X.java", "package com.example;\npublic class X { int b; }\n");
            repo.write("c/src/main/java/com/example/C.java", "package com.example;\npublic class C { X x; }\n");
            repo.write("c/src/test/java/com/example/CTest.java",
                    "package com.example;\nimport org.junit.jupiter.api.Test;\nclass CTest { @Test void t() { new C(); } }\n");
            repo.commitAll("c uses a's X");
            analyze(TiaConfig.defaults(dir).with(ConfigKey.BASE, repo.head().name()));

            repo.write("c/pom.xml", pom("c", "b")).commitAll("c uses b's X");
            TiaConfig sinceSwitch = TiaConfig.defaults(dir).with(ConfigKey.BASE, repo.head().name());
            analyze(sinceSwitch);

            repo.write("b/src/main/java/com/example/X.java", "package com.example;\npublic class X { int b2; }\n");
            Analysis warm = analyze(sinceSwitch);
            assertThat(selected(warm)).as("C's content is the same, but its X is now b's").contains("com.example.CTest");
            assertThat(warm.selection().tests()).isEqualTo(analyzeWithoutCache(sinceSwitch).selection().tests());
        }
    }

    @Test
    void everyFixtureStepGivesTheAnswerOfARunWithoutCache() {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            TiaConfig sinceImport = TiaConfig.defaults(dir).with(ConfigKey.BASE, repo.head().name());
            analyze(sinceImport);
            // Steps pile up (added, deleted and renamed types, poms, a syntax error): the stored resolutions stay
            // those of the first run, so each step checks them against an older universe than the last.
            for (ChangeStep step : ChangeStep.all("shop")) {
                repo.apply(step);
                Analysis warm = analyze(sinceImport);
                Analysis cold = analyzeWithoutCache(sinceImport);
                assertThat(warm.selection().tests()).as(step.name()).isEqualTo(cold.selection().tests());
                assertThat(warm.selection().runAllReasons()).as(step.name()).isEqualTo(cold.selection().runAllReasons());
            }
        }
    }

    @Test
    void corruptStoreIsReportedAndTheAnswerIsUnchanged() throws Exception {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            repo.apply(ChangeStep.named("shop", "02-card-fee"));
            Analysis fresh = analyze();
            byte[] bytes = Files.readAllBytes(stored());
            bytes[bytes.length / 2] ^= 0x5a;
            Files.write(stored(), bytes);

            Analysis fromStoredGraph = analyze();
            assertThat(fromStoredGraph.graphFromStore()).isTrue();
            assertThat(fromStoredGraph.selection().notes()).as("a run that resolves nothing does not read the store")
                    .noneMatch(note -> note.contains("resolved names"));

            Analysis afterCorruption = analyzeWithoutStoredGraph();
            assertThat(afterCorruption.selection().tests()).isEqualTo(fresh.selection().tests());
            assertThat(afterCorruption.selection().notes()).anySatisfy(note -> assertThat(note).contains("are corrupt"));
            assertThat(afterCorruption.resolutionStats().reused()).isZero();
            assertThat(analyzeWithoutStoredGraph().resolutionStats().resolved()).as("stored again after the corrupt one").isZero();
        }
    }

    @Test
    void aStoreFromAnotherTiaVersionIsQuietlyReplaced() throws Exception {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            Files.createDirectories(stored().getParent());
            Files.write(stored(), CacheFraming.framed("tia-resolved", ResolutionCache.FORMAT_VERSION, "0.0.1", new byte[] {0}));
            Analysis analysis = analyze();
            assertThat(analysis.selection().notes()).noneMatch(note -> note.contains("resolved names"));
            assertThat(analysis.resolutionStats().resolved()).isEqualTo(SHOP_JAVA_FILES);
            assertThat(analyzeWithoutStoredGraph().resolutionStats().reused()).isEqualTo(SHOP_JAVA_FILES);
        }
    }

    private static List<String> selected(Analysis analysis) {
        return analysis.selection().tests().stream().filter(t -> t.status() == dev.tia.engine.select.TestStatus.SELECTED)
                .map(TestResult::className).toList();
    }
}
