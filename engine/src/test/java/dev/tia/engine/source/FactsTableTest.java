package dev.tia.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tia.engine.TiaException;
import dev.tia.engine.git.ContentId;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stored index's table of entries: every id written is found with its own facts, and no other id is. */
class FactsTableTest {

    private static final JavaFileAnalyzer ANALYZER = new JavaFileAnalyzer();

    @TempDir
    Path dir;

    private static FileFacts facts(int i) {
        String source = i % 7 == 0 ? "package p; class Broken" + i + " {" : "package p; class C" + i + " { int f() { return " + i + "; } }";
        return ANALYZER.analyze("src/main/java/p/C" + i + ".java", source);
    }

    private FactsTable table(Map<String, FileFacts> entries) throws Exception {
        byte[] payload = FactsCache.encode(entries);
        return FactsTable.read(payload, 0, payload.length, dir.resolve("facts.bin"));
    }

    @Test
    void everyIdIsFoundWithItsOwnFactsAndNoOtherIdIs() throws Exception {
        Map<String, FileFacts> entries = new LinkedHashMap<>();
        for (int i = 0; i < 3000; i++) {
            entries.put(ContentId.of(("content " + i).getBytes(StandardCharsets.UTF_8)), facts(i));
        }
        // ids that share their first four bytes land in one slot's run: found by probing past each other
        String shared = "0123abcd";
        for (int i = 0; i < 5; i++) {
            entries.put(shared + ContentId.of(("shared " + i).getBytes(StandardCharsets.UTF_8)).substring(8), facts(3000 + i));
        }
        entries.put("ffffffff" + "0".repeat(32), facts(4000)); // its first four bytes read as -1
        entries.put("short-id", facts(4001)); // not an object id: listed beside the table
        entries.put("ABCDEF0123456789ABCDEF0123456789ABCDEF01", facts(4002)); // upper case: not as git writes ids

        FactsTable table = table(entries);
        assertThat(table.size()).isEqualTo(entries.size());
        entries.forEach((id, facts) -> {
            StoredFacts found = table.find(id, false);
            assertThat(found).as(id).isNotNull();
            assertThat(found.parsed()).isEqualTo(facts.parsed());
            assertThat(found.facts()).isEqualTo(facts);
            assertThat(table.find(id, false)).as("one entry per id, so its decode and mark are shared").isSameAs(found);
        });
        assertThat(table.find(shared + "0".repeat(32), false)).isNull();
        assertThat(table.find(ContentId.of("never written".getBytes(StandardCharsets.UTF_8)), false)).isNull();
        assertThat(table.find("ffffffff" + "1".repeat(32), false)).isNull();
        assertThat(table.find("", false)).isNull();
        assertThat(table.find("0123abcd", false)).isNull();
        assertThat(table.find("é".repeat(40), false)).isNull();

        Map<String, FileFacts> listed = new LinkedHashMap<>();
        table.forEach((id, entry) -> listed.put(id, entry.facts()));
        assertThat(listed).isEqualTo(entries);
    }

    @Test
    void idsOfSha256RepositoriesAreKeptInATableOfTheirWidth() throws Exception {
        Map<String, FileFacts> entries = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            String sha1 = ContentId.of(("content " + i).getBytes(StandardCharsets.UTF_8));
            entries.put(sha1 + sha1.substring(0, 24), facts(i));
        }
        FactsTable table = table(entries);
        entries.forEach((id, facts) -> assertThat(table.find(id, false).facts()).isEqualTo(facts));
        assertThat(table.find(entries.keySet().iterator().next().substring(0, 40), false)).isNull();
    }

    @Test
    void anEmptyIndexFindsNothing() throws Exception {
        FactsTable table = table(Map.of());
        assertThat(table.size()).isZero();
        assertThat(table.find(ContentId.of(new byte[0]), false)).isNull();
        assertThat(FactsTable.empty().find("anything", false)).isNull();
    }

    @Test
    void aRecordWhoseFactsLieOutsideTheIndexStopsTheRunWithAdvice() throws Exception {
        String id = ContentId.of("a".getBytes(StandardCharsets.UTF_8));
        byte[] payload = FactsCache.encode(Map.of(id, facts(1)));
        // the one record's length made larger than the index: what a defect in tia's writer would leave
        int width = payload[0]; // three varints of one byte each before the records: width, slot count, records
        assertThat(width).isEqualTo(20);
        assertThat(payload[2]).isEqualTo((byte) 1);
        int recordStart = 3;
        payload[recordStart + width + 4] = 0x7F;
        FactsTable table = FactsTable.read(payload, 0, payload.length, dir.resolve("facts.bin"));
        StoredFacts entry = table.find(id, false);
        assertThatThrownBy(entry::facts).isInstanceOf(TiaException.class).hasMessageContaining("cannot be read")
                .hasMessageContaining("delete tia's cache folder");
    }

    @Test
    void aSlotNamingARecordPastTheLastStopsTheRunWithAdvice() throws Exception {
        String id = ContentId.of("a".getBytes(StandardCharsets.UTF_8));
        byte[] payload = FactsCache.encode(Map.of(id, facts(1)));
        int width = payload[0];
        int slots = payload[1];
        int slotsStart = 3 + width + 8; // after the one record
        boolean changed = false;
        for (int slot = 0; slot < slots; slot++) {
            int at = slotsStart + slot * 4;
            if (payload[at + 3] != 0) { // the taken slot: record 0, written as 1
                payload[at + 3] = 2;
                changed = true;
            }
        }
        assertThat(changed).isTrue();
        FactsTable table = FactsTable.read(payload, 0, payload.length, dir.resolve("facts.bin"));
        assertThatThrownBy(() -> table.find(id, false)).isInstanceOf(TiaException.class)
                .hasMessageContaining("delete tia's cache folder");
    }

    @Test
    void aCursorFindsEveryEntryInAnyOrderAndMarksItUsed() throws Exception {
        Map<String, FileFacts> entries = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ids.add(ContentId.of(("content " + i).getBytes(StandardCharsets.UTF_8)));
            entries.put(ids.get(i), facts(i));
        }
        entries.put("short-id", facts(600));
        FactsTable table = table(entries);
        FactsTable.Cursor cursor = table.cursor();
        // In the written order, with ids the index lacks between them (new files), one beside the table, and a jump
        // back and ahead (files moved): each found with its own facts, and the lacking ones not.
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            if (i % 50 == 10) {
                asked.add(ContentId.of(("new " + i).getBytes(StandardCharsets.UTF_8)));
            }
            if (i == 300) {
                asked.add("short-id");
                asked.add(ids.get(20));
                asked.add(ids.get(499));
            }
            if (i % 97 != 3) {
                asked.add(ids.get(i));
            }
        }
        for (String id : asked) {
            StoredFacts found = cursor.find(id);
            if (entries.containsKey(id)) {
                assertThat(found).as(id).isNotNull();
                assertThat(found.facts()).isEqualTo(entries.get(id));
                assertThat(found).as("the entry a lookup by hash finds").isSameAs(table.find(id, false));
            } else {
                assertThat(found).as(id).isNull();
            }
        }
        List<String> used = new ArrayList<>();
        table.forEachUsed((id, entry) -> used.add(id));
        List<String> expected = new ArrayList<>(entries.keySet());
        expected.removeIf(id -> !asked.contains(id));
        expected.remove("short-id");
        expected.add(0, "short-id"); // listed before the table's records
        assertThat(used).isEqualTo(expected);
    }

    @Test
    void aRewriteWritesTheEntriesInTheOrderItIsGivenThenTheOthers() throws Exception {
        Path cacheDir = dir.resolve("cache");
        List<String> ids = new ArrayList<>();
        FactsCache first = FactsCache.load(cacheDir, "1.0");
        for (int i = 0; i < 40; i++) {
            ids.add(ContentId.of(("content " + i).getBytes(StandardCharsets.UTF_8)));
            first.put(ids.get(i), facts(i));
        }
        List<String> order = new ArrayList<>(ids.subList(10, 40));
        java.util.Collections.reverse(order);
        order.add(ContentId.of("not stored".getBytes(StandardCharsets.UTF_8))); // named, but no entry: skipped
        assertThat(first.save(order)).isEmpty();

        FactsCache second = FactsCache.load(cacheDir, "1.0");
        List<String> written = new ArrayList<>();
        second.forEachStored(written::add);
        assertThat(written.subList(0, 30)).isEqualTo(order.subList(0, 30));
        assertThat(written.subList(30, 40)).containsExactlyInAnyOrderElementsOf(ids.subList(0, 10));
    }

    @Test
    void aRewriteKeepsTheEntriesARunAskedForAndDropsTheOthers() throws Exception {
        Path cacheDir = dir.resolve("cache");
        List<String> ids = new ArrayList<>();
        FactsCache first = FactsCache.load(cacheDir, "1.0");
        for (int i = 0; i < 100; i++) {
            ids.add(ContentId.of(("content " + i).getBytes(StandardCharsets.UTF_8)));
            first.put(ids.get(i), facts(i));
        }
        assertThat(first.save()).isEmpty();

        FactsCache second = FactsCache.load(cacheDir, "1.0");
        for (int i = 0; i < 50; i++) {
            assertThat(second.stored(ids.get(i))).isPresent();
        }
        assertThat(second.entriesDecoded()).as("found, not decoded").isZero();
        assertThat(second.save()).isEmpty(); // half unused: rewritten without them

        FactsCache third = FactsCache.load(cacheDir, "1.0");
        for (int i = 0; i < 100; i++) {
            assertThat(third.get(ids.get(i))).as("entry " + i).isEqualTo(i < 50 ? java.util.Optional.of(facts(i)) : java.util.Optional.empty());
        }
    }
}
