package dev.tia.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tia.engine.git.ContentId;
import dev.tia.engine.Analysis;
import dev.tia.engine.TiaEngine;
import dev.tia.engine.TiaException;
import dev.tia.engine.config.ConfigKey;
import dev.tia.engine.config.TiaConfig;
import dev.tia.engine.select.Selection;
import dev.tia.fixtures.ChangeStep;
import dev.tia.fixtures.FixtureRepo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The persistent index: warm runs parse only changed content, and a bad index never changes an answer. */
class FactsCacheTest {

    @TempDir
    Path dir;

    private static final int SHOP_JAVA_FILES = 43;
    /** A services file and two properties files. */
    private static final int SHOP_TEXT_RESOURCES = 3;

    private Analysis analyze() {
        return new TiaEngine().analyze(TiaConfig.defaults(dir));
    }

    private Path index() {
        return dir.resolve(".tia/cache/facts-v" + FactsCache.FORMAT_VERSION + ".bin");
    }

    @Test
    void warmRunParsesOnlyWhatChanged() {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            Analysis cold = analyze();
            assertThat(cold.indexStats()).isEqualTo(
                    new SourceIndex.Stats(SHOP_JAVA_FILES, SHOP_JAVA_FILES, 0, SHOP_TEXT_RESOURCES, SHOP_TEXT_RESOURCES));
            assertThat(analyze().indexStats()).isEqualTo(
                    new SourceIndex.Stats(SHOP_JAVA_FILES, 0, SHOP_JAVA_FILES, SHOP_TEXT_RESOURCES, 0));

            repo.apply(ChangeStep.named("shop", "01-discount-rule"));
            Analysis oneChange = analyze();
            assertThat(oneChange.indexStats().parsed()).isEqualTo(1);
            assertThat(oneChange.indexStats().cached()).isEqualTo(SHOP_JAVA_FILES - 1);
            assertThat(oneChange.indexStats().resourcesRead()).isZero();
            assertThat(oneChange.selection().summary().selected()).isEqualTo(7);
            assertThat(dir.resolve(".tia/.gitignore")).exists();
            assertThat(oneChange.selection().changedFiles()).hasSize(1); // the index itself is never a change
        }
    }

    /** An edited resource is read again, and what it names selects as it did when every resource was read. */
    @Test
    void warmRunReadsOnlyTheResourceThatChanged() {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            repo.apply(ChangeStep.named("shop", "07-tax-rates-resource"));
            Analysis warm = analyze();
            assertThat(warm.indexStats().resourcesRead()).isEqualTo(1);
            assertThat(warm.indexStats().parsed()).isZero();
            Selection withoutCache = new TiaEngine().analyze(TiaConfig.defaults(dir).with(ConfigKey.CACHE_DIR, "")).selection();
            assertThat(warm.selection().tests()).isEqualTo(withoutCache.tests()).isNotEmpty();
        }
    }

    /** What the change wrote is parsed beside the tree's listing, unless the index knows its content already. */
    @Test
    void filesParsedAheadAreThoseWhoseContentTheIndexDoesNotKnow() throws Exception {
        JavaFileAnalyzer analyzer = new JavaFileAnalyzer();
        Path cacheDir = dir.resolve("cache");
        String known = "package p;\nclass Known {\n}\n";
        String fresh = "package p;\nclass Fresh {\n}\n";
        FactsCache first = FactsCache.load(cacheDir, "1");
        first.put(ContentId.of(known.getBytes(StandardCharsets.UTF_8)), analyzer.analyze("src/main/java/p/Known.java", known));
        first.save();
        Files.createDirectories(dir.resolve("src/main/java/p"));
        Files.writeString(dir.resolve("src/main/java/p/Known.java"), known);
        Files.writeString(dir.resolve("src/main/java/p/Fresh.java"), fresh);
        FactsCache cache = FactsCache.load(cacheDir, "1");

        Map<String, SourceIndex.Parsed> parsed = SourceIndex.parseAhead(dir,
                List.of("src/main/java/p/Known.java", "src/main/java/p/Fresh.java", "src/main/java/p/Gone.java"), analyzer, () -> cache);

        assertThat(parsed).containsOnlyKeys("src/main/java/p/Fresh.java");
        assertThat(parsed.get("src/main/java/p/Fresh.java")).isEqualTo(new SourceIndex.Parsed(
                ContentId.of(fresh.getBytes(StandardCharsets.UTF_8)), analyzer.analyze("src/main/java/p/Fresh.java", fresh)));
    }

    private Path journal() {
        return dir.resolve(".tia/cache/facts-v" + FactsCache.FORMAT_VERSION + ".journal");
    }

    @Test
    void aFewNewFilesGoToTheJournalAndATornJournalOnlyCostsAParse() throws Exception {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            byte[] index = Files.readAllBytes(index());
            repo.apply(ChangeStep.named("shop", "01-discount-rule"));
            assertThat(analyze().indexStats().parsed()).isEqualTo(1);
            assertThat(Files.readAllBytes(index())).as("the index is not rewritten for one file").isEqualTo(index);
            assertThat(journal()).exists();
            assertThat(analyze().indexStats().parsed()).as("the journal's facts are read back").isZero();

            byte[] journal = Files.readAllBytes(journal());
            Files.write(journal(), java.util.Arrays.copyOf(journal, journal.length - 3)); // a write cut short
            Analysis torn = analyze();
            assertThat(torn.indexStats().parsed()).isEqualTo(1);
            assertThat(torn.selection().notes()).noneMatch(note -> note.contains("corrupt"));
            assertThat(torn.selection().summary().selected()).isEqualTo(7);
        }
    }

    @Test
    void aGrowingJournalIsFoldedIntoTheIndex() throws Exception {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            for (int i = 0; i < 40 && Files.exists(journal()) || i == 0; i++) {
                repo.write("libs/pricing/src/main/java/com/example/pricing/Extra" + i + ".java",
                        "package com.example.pricing;\nclass Extra" + i + " { int[] padding = new int[] {" + "1, ".repeat(400) + "1}; }\n");
                analyze();
            }
            assertThat(journal()).as("folded into the index once it outgrew a quarter of it").doesNotExist();
            assertThat(analyze().indexStats().parsed()).isZero();
        }
    }

    @Test
    void corruptIndexIsReportedAndRebuiltWithoutChangingTheAnswer() throws Exception {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            repo.apply(ChangeStep.named("shop", "02-card-fee"));
            Selection fresh = analyze().selection();
            byte[] bytes = Files.readAllBytes(index());
            bytes[bytes.length / 2] ^= 0x5a;
            Files.write(index(), bytes);

            Analysis afterCorruption = analyze();
            assertThat(afterCorruption.selection().tests()).isEqualTo(fresh.tests());
            assertThat(afterCorruption.selection().notes()).anySatisfy(note -> assertThat(note).contains("is corrupt").endsWith("rebuilding it"));
            assertThat(afterCorruption.indexStats().parsed()).isEqualTo(SHOP_JAVA_FILES);
            assertThat(analyze().indexStats().parsed()).isZero();

            Files.write(index(), new byte[] {1, 2, 3});
            assertThat(analyze().selection().notes()).anySatisfy(note -> assertThat(note).contains("is corrupt"));
        }
    }

    @Test
    void indexFromAnotherVersionIsRebuilt() throws Exception {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF("tia-facts");
                out.writeInt(FactsCache.FORMAT_VERSION);
                out.writeUTF("99.0.0");
            }
            Files.write(index(), bytes.toByteArray());
            Path olderFormat = index().resolveSibling("facts-v1.bin");
            Files.write(olderFormat, bytes.toByteArray());
            Path olderJournal = index().resolveSibling("facts-v1.journal");
            Files.write(olderJournal, bytes.toByteArray());
            assertThat(analyze().selection().notes()).anySatisfy(note -> assertThat(note).contains("was written by tia 99.0.0"));
            assertThat(olderFormat).as("an index of an earlier format is deleted once the current one is written").doesNotExist();
            assertThat(olderJournal).as("so is its journal").doesNotExist();
            assertThat(index()).exists();
        }
    }

    @Test
    void concurrentRunsAgreeAndLeaveAReadableIndex() throws Exception {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            repo.apply(ChangeStep.named("shop", "01-discount-rule"));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Selection>> runs = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    runs.add(pool.submit((Callable<Selection>) () -> analyze().selection()));
                }
                Selection first = runs.get(0).get();
                for (Future<Selection> run : runs) {
                    assertThat(run.get().tests()).isEqualTo(first.tests());
                }
            } finally {
                pool.shutdownNow();
            }
            Analysis after = analyze();
            assertThat(after.selection().notes()).noneMatch(note -> note.contains("index"));
            assertThat(after.indexStats().parsed()).isZero();
        }
    }

    @Test
    void aRunThatChangedNoJavaFileDecodesNoFactsWhenTheStoredGraphServesIt() {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze(); // parses every file, stores the facts and the graph
            Analysis unchanged = analyze();
            assertThat(unchanged.graphFromStore()).isTrue();
            assertThat(unchanged.factsDecoded()).isZero();

            repo.apply(ChangeStep.named("shop", "03-docs-only"));
            Analysis docs = analyze();
            assertThat(docs.graphFromStore()).isTrue();
            assertThat(docs.factsDecoded()).isZero();

            // a Java change reads them: the check, the policy and the member walk, and every one on another thread
            repo.apply(ChangeStep.named("shop", "01-discount-rule"));
            assertThat(analyze().factsDecoded()).isPositive();
        }
    }

    @Test
    void storedFactsAreDecodedOnlyWhenAskedForAndKeptWhenUsed() throws Exception {
        Path cacheDir = dir.resolve("cache");
        JavaFileAnalyzer analyzer = new JavaFileAnalyzer();
        FileFacts good = analyzer.analyze("src/main/java/a/A.java", "package a; class A { int f() { return 1; } }");
        FileFacts broken = analyzer.analyze("src/main/java/a/B.java", "package a; class B {");
        FileFacts unused = analyzer.analyze("src/main/java/a/C.java", "package a; class C { }");
        FactsCache first = FactsCache.load(cacheDir, "1.0");
        first.put("good", good);
        first.put("broken", broken);
        first.put("unused", unused);
        assertThat(first.save()).isEmpty();

        FactsCache second = FactsCache.load(cacheDir, "1.0");
        StoredFacts storedBroken = second.stored("broken").orElseThrow();
        assertThat(second.entriesDecoded()).as("loading reads keys, not facts").isZero();
        assertThat(storedBroken.parsed()).as("known without decoding").isFalse();
        assertThat(second.stored("good").orElseThrow().parsed()).isTrue();
        assertThat(second.entriesDecoded()).isZero();
        assertThat(storedBroken.facts()).isEqualTo(broken);
        assertThat(second.get("good")).contains(good);
        assertThat(second.entriesDecoded()).isEqualTo(2);

        // "unused" was not asked for: more than a tenth of the entries unused rewrites the index without it
        assertThat(second.save()).isEmpty();
        FactsCache third = FactsCache.load(cacheDir, "1.0");
        assertThat(third.get("good")).contains(good);
        assertThat(third.get("broken")).contains(broken);
        assertThat(third.get("unused")).isEmpty();
    }

    @Test
    void anEntryThatPassesTheChecksumButDoesNotDecodeStopsTheRunWithAdvice() throws Exception {
        Path cacheDir = dir.resolve("cache");
        FactsCache cache = FactsCache.load(cacheDir, "1.0");
        cache.put("id", new JavaFileAnalyzer().analyze("src/main/java/a/A.java", "package a; class A { }"));
        assertThat(cache.save()).isEmpty();
        Path file = cacheDir.resolve("facts-v" + FactsCache.FORMAT_VERSION + ".bin");
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length - Long.BYTES;
        // the entry's last numbers (its lists' sizes) made malformed, and the checksum made to match: what a defect
        // in tia's own writer would leave, which the load does not see as it reads only the keys
        bytes[end - 1] = (byte) 0xFF;
        bytes[end - 2] = (byte) 0xFF;
        java.nio.ByteBuffer.wrap(bytes, end, Long.BYTES).putLong(dev.tia.engine.io.CacheFraming.crc(bytes, end));
        Files.write(file, bytes);

        FactsCache damaged = FactsCache.load(cacheDir, "1.0");
        assertThat(damaged.problem()).isEmpty();
        assertThatThrownBy(() -> damaged.get("id")).isInstanceOf(TiaException.class)
                .hasMessageContaining("cannot be read").hasMessageContaining("delete tia's cache folder");
    }

    @Test
    void codecRoundTripsEveryField() throws Exception {
        FileFacts facts = new JavaFileAnalyzer().analyze("src/test/java/a/ATest.java", """
                package a;
                import b.B;
                import c.*;
                import static d.D.m;
                import static e.E.*;
                @Tag("e2e") @Tags({@Tag("slow")})
                abstract class ATest<T extends B> implements I, J {
                    @Test @Tag("x") void t() { Object o = Class.forName("a.b.C$D"); f.g.H.call(); }
                    public void testOld() { }
                    static record R(int x) { }
                    enum En { ONE }
                    @interface Ann { }
                }
                """);
        FileFacts read = FactsCodec.decode(FactsCodec.encode(facts));
        assertThat(read).isEqualTo(facts);
        assertThat(read.types()).hasSize(4);
        assertThat(read.codeFingerprint().isKnown()).isTrue();
        assertThat(read.skeletonFingerprint()).isNotEqualTo(read.codeFingerprint());
        assertThat(read.types().get(0).members()).extracting(MemberFacts::bodyFingerprint)
                .as("t() and testOld() have bodies of different code").doesNotHaveDuplicates();
        FileFacts broken = new JavaFileAnalyzer().analyze("src/main/java/a/B.java", "package a; class B {");
        assertThat(FactsCodec.decode(FactsCodec.encode(broken))).isEqualTo(broken);
        assertThat(broken.skeletonFingerprint()).isEqualTo(Fingerprint.NONE);
    }
}
