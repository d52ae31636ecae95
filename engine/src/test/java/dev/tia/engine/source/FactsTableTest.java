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
    void aSlotWhoseFactsLieOutsideTheIndexStopsTheRunWithAdvice() throws Exception {
        String id = ContentId.of("a".getBytes(StandardCharsets.UTF_8));
        byte[] payload = FactsCache.encode(Map.of(id, facts(1)));
        // the one slot's length made larger than the index: what a defect in tia's writer would leave
        int width = payload[0]; // three varints of one byte each before the slots: width, slot count and entries in them
        int slots = payload[1];
        int slotsStart = 3;
        assertThat(width).isEqualTo(20);
        boolean changed = false;
        for (int slot = 0; slot < slots; slot++) {
            int at = slotsStart + slot * (width + 8);
            if (payload[at + width + 3] != 0) { // the taken slot: its start plus one is not zero
                payload[at + width + 4] = 0x7F;
                changed = true;
            }
        }
        assertThat(changed).isTrue();
        FactsTable table = FactsTable.read(payload, 0, payload.length, dir.resolve("facts.bin"));
        StoredFacts entry = table.find(id, false);
        assertThatThrownBy(entry::facts).isInstanceOf(TiaException.class).hasMessageContaining("cannot be read")
                .hasMessageContaining("delete tia's cache folder");
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
