package dev.tia.engine.source;

import dev.tia.engine.TiaException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The stored index's entries by content id, written with the index and read where they lie: a record per entry holds
 * the id's bytes, where its facts start and how long they are, and whether the file parsed; an open-addressing table
 * of record numbers finds a record by its id.
 *
 * <p>A run looks up every file's content (67k at 50k classes). Read into a map of strings, the index made an id
 * string, an entry object and a map node per entry on every run (26 ms of a fresh JVM's core at 50k classes), and
 * each lookup hashed the id's 40 characters and followed four references (36 ms). Here an id's first four bytes,
 * uniform as a hash's are, pick its slot.
 *
 * <p>The records lie in the order a run asks for them, its files' (see {@link FactsCache#save(List)}), and a run's
 * pass over its files reads them through a {@link Cursor}, which tries the record after the last one found before it
 * hashes: a lookup by hash alone read three places at random per file (the slot, the entry made, the used mark), a
 * cache miss each, most of the index phase's time at 50k classes.
 *
 * <p>Ids that are not lowercase hexadecimal of the table's width (none that git or tia make; the tests' short ids)
 * are listed beside the table and read into a map when loaded.
 */
final class FactsTable {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** Where an id's first character lies among {@link #HEX}'s, or -1; for the 128 ASCII characters. */
    private static final byte[] DIGIT = new byte[128];
    /** Past a record's id bytes: where its facts start after the table, then their length. */
    private static final int POSITION_BYTES = 8;
    /** A slot of the table: a record's number plus one (0: an empty slot). */
    private static final int SLOT_BYTES = 4;
    /** In a slot's length: the file parsed. */
    private static final int PARSED = 0x8000_0000;

    static {
        java.util.Arrays.fill(DIGIT, (byte) -1);
        for (int i = 0; i < HEX.length; i++) {
            DIGIT[HEX[i]] = (byte) i;
        }
    }

    private final byte[] bytes;
    private final int recordsStart;
    private final int records;
    private final int slotsStart;
    /** Bytes of an id in a record (20 for SHA-1 object ids, 32 for SHA-256); 0 when the table is empty. */
    private final int width;
    private final int mask;
    private final int recordBytes;
    private final int count;
    private final Map<String, StoredFacts> others;
    private final StoredFacts.Index index;
    private final int factsStart;
    private final int factsEnd;
    /**
     * The entry of each record once asked for, so that its facts are decoded once. Written without a lock or an atomic
     * update (through a VarHandle, a fresh JVM's C1 code took 13 ms at 50k classes for them): two threads asking for
     * one content at once may each make one, both of them right; an entry's fields that matter are final.
     */
    private final StoredFacts[] entries;
    /**
     * 1 for each record a run asked for, whose entry the index keeps when it is rewritten: bytes written apart from
     * each other, and only ever set, so the parallel lookups need no atomic update either.
     */
    private final byte[] used;

    private FactsTable(byte[] bytes, int recordsStart, int records, int slotsStart, int width, int slots, int count,
            Map<String, StoredFacts> others, StoredFacts.Index index, int factsStart, int factsEnd) {
        this.bytes = bytes;
        this.recordsStart = recordsStart;
        this.records = records;
        this.slotsStart = slotsStart;
        this.width = width;
        this.mask = slots - 1;
        this.recordBytes = width + POSITION_BYTES;
        this.count = count;
        this.others = others;
        this.index = index;
        this.factsStart = factsStart;
        this.factsEnd = factsEnd;
        this.entries = new StoredFacts[records];
        this.used = new byte[records];
    }

    /** A table of no entries. */
    static FactsTable empty() {
        return new FactsTable(new byte[0], 0, 0, 0, 0, 1, 0, Map.of(), null, 0, 0);
    }

    /**
     * Writes the table for entries whose facts lie after it at {@code starts} ({@code lengths} long), counted from
     * the start of the facts (past the codec's tables); the records in the order of {@code ids}.
     */
    static void write(FactsCodec.Writer out, List<String> ids, int[] starts, int[] lengths, boolean[] parsed) {
        int width = ids.stream().filter(FactsTable::isHex).findFirst().map(id -> id.length() / 2).orElse(0);
        int inTable = 0;
        for (String id : ids) {
            if (width > 0 && fits(id, width)) {
                inTable++;
            }
        }
        // At most three slots in four taken (half, mostly): a probe ends at an empty slot after one or two.
        int slots = inTable == 0 ? 0 : Integer.highestOneBit(Math.max(2, inTable + inTable / 3)) << 1;
        int recordBytes = width + POSITION_BYTES;
        byte[] records = new byte[inTable * recordBytes];
        byte[] table = new byte[slots * SLOT_BYTES];
        Map<String, Integer> outside = new java.util.LinkedHashMap<>();
        int record = 0;
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (inTable == 0 || !fits(id, width)) {
                outside.put(id, i);
                continue;
            }
            int at = record * recordBytes;
            for (int b = 0; b < width; b++) {
                records[at + b] = (byte) (DIGIT[id.charAt(2 * b)] << 4 | DIGIT[id.charAt(2 * b + 1)]);
            }
            putFixed(records, at + width, starts[i]);
            putFixed(records, at + width + 4, lengths[i] | (parsed[i] ? PARSED : 0));
            int slot = hash(id) & (slots - 1);
            while (fixed(table, slot * SLOT_BYTES) != 0) {
                slot = (slot + 1) & (slots - 1);
            }
            putFixed(table, slot * SLOT_BYTES, ++record);
        }
        out.varint(width);
        out.varint(slots);
        out.varint(inTable);
        out.bytes(records);
        out.bytes(table);
        out.varint(outside.size());
        outside.forEach((id, i) -> {
            out.text(id);
            out.varint(starts[i]);
            out.varint(lengths[i]);
            out.varint(parsed[i] ? 1 : 0);
        });
    }

    /**
     * Reads the table at {@code at}, the codec's tables after it, and the facts after those, to {@code end}; slots are
     * checked as they are read, and one whose facts lie outside ends in the decode's message (see {@link StoredFacts}).
     */
    static FactsTable read(byte[] bytes, int at, int end, java.nio.file.Path file) throws IOException {
        FactsCodec.Reader in = FactsCodec.Reader.withoutTables(bytes, at, end);
        int width = in.varint();
        int slots = in.varint();
        int inTable = in.varint();
        if (width < 0 || width > 64 || slots < 0 || (slots & (slots - 1)) != 0 || inTable < 0 || inTable >= Math.max(slots, 1)
                || (long) inTable * (width + POSITION_BYTES) + (long) slots * SLOT_BYTES > end - in.position()
                || (slots > 0) != (width > 0)) {
            throw new FactsCodec.CorruptFactsException("a table of " + inTable + " records of " + width + " bytes in "
                    + slots + " slots");
        }
        int recordsStart = in.position();
        in.skip(inTable * (width + POSITION_BYTES));
        int slotsStart = in.position();
        in.skip(slots * SLOT_BYTES);
        int outsideCount = in.varint();
        if (outsideCount < 0 || outsideCount > end - in.position()) {
            throw new FactsCodec.CorruptFactsException("implausible count " + outsideCount);
        }
        String[] outsideIds = new String[outsideCount];
        int[][] outsideEntries = new int[outsideCount][];
        for (int i = 0; i < outsideCount; i++) {
            outsideIds[i] = in.text();
            outsideEntries[i] = new int[]{in.varint(), in.varint(), in.varint()};
        }
        FactsCodec.Reader facts = new FactsCodec.Reader(bytes, in.position(), end);
        StoredFacts.Index index = new StoredFacts.Index(facts, file, new java.util.concurrent.atomic.AtomicInteger());
        int factsStart = facts.position();
        Map<String, StoredFacts> others = new HashMap<>();
        for (int i = 0; i < outsideCount; i++) {
            int[] entry = outsideEntries[i];
            others.put(outsideIds[i], encoded(index, factsStart, end, entry[0], entry[1], entry[2] == 1));
        }
        return new FactsTable(bytes, recordsStart, inTable, slotsStart, width, Math.max(slots, 1), inTable + outsideCount,
                others, index, factsStart, end);
    }

    /** The entries read, and the decodes counted, with this table. */
    StoredFacts.Index index() {
        return index;
    }

    /** How many entries the index holds. */
    int size() {
        return count;
    }

    /** The entry of {@code id}, or null; marked used (see {@link #forEachUsed}) when {@code markUsed}. */
    StoredFacts find(String id, boolean markUsed) {
        int record = recordOf(id);
        return record >= 0 ? entry(record, markUsed) : other(id, markUsed);
    }

    /**
     * Lookups in the order of the records, mostly: each tries the record after the one found last before it hashes
     * the id (see the class's comment). One per thread: it keeps where it is.
     */
    Cursor cursor() {
        return new Cursor();
    }

    /** See {@link #cursor()}. */
    final class Cursor {
        private int next = -1;

        private Cursor() {
        }

        /** As {@link #find}, marking the entry used. */
        StoredFacts find(String id) {
            int record = next >= 0 && next < records && id.length() == 2 * width && idIs(recordAt(next), id)
                    ? next : recordOf(id);
            if (record < 0) {
                return other(id, true); // a file the index lacks leaves the cursor where it was, for the files after it
            }
            next = record + 1;
            return entry(record, true);
        }
    }

    /** The number of {@code id}'s record, or -1. */
    private int recordOf(String id) {
        // Only the length and the first eight characters are checked ahead: a record's bytes read as hexadecimal, so
        // an id with other characters matches none.
        int hash = width > 0 && id.length() == 2 * width ? hash(id) : -1;
        if (hash != -1 || width > 0 && id.length() == 2 * width && fits(id, width)) {
            for (int slot = hash & mask, probes = 0; probes <= mask; slot = (slot + 1) & mask, probes++) {
                int record = fixed(bytes, slotsStart + slot * SLOT_BYTES) - 1;
                if (record < 0) {
                    break;
                }
                if (record >= records) {
                    // The index's checksum held when it was loaded: only a defect in tia's writer leaves this.
                    throw new TiaException("tia's index " + index.file() + " names entry " + record + " of " + records
                            + ": delete tia's cache folder " + index.file().getParent() + " and run again, and please report it");
                }
                if (idIs(recordAt(record), id)) {
                    return record;
                }
            }
        }
        return -1;
    }

    private StoredFacts other(String id, boolean markUsed) {
        StoredFacts other = others.isEmpty() ? null : others.get(id);
        if (other != null && markUsed) {
            other.markUsed();
        }
        return other;
    }

    private int recordAt(int record) {
        return recordsStart + record * recordBytes;
    }

    /** How many of the table's records a run marked used, and the entries beside it that were (see {@link #find}). */
    int usedCount() {
        int count = 0;
        for (byte mark : used) {
            count += mark;
        }
        for (StoredFacts entry : others.values()) {
            count += entry.used() ? 1 : 0;
        }
        return count;
    }

    /** Every entry, each made once (see {@link #entries}). */
    void forEach(BiConsumer<String, StoredFacts> action) {
        others.forEach(action);
        for (int record = 0; record < records; record++) {
            action.accept(idAt(recordAt(record)), entry(record, false));
        }
    }

    /** The entries marked used (see {@link #find}), for a rewrite that keeps only those. */
    void forEachUsed(BiConsumer<String, StoredFacts> action) {
        others.forEach((id, entry) -> {
            if (entry.used()) {
                action.accept(id, entry);
            }
        });
        for (int record = 0; record < records; record++) {
            if (used[record] != 0) {
                action.accept(idAt(recordAt(record)), entry(record, false));
            }
        }
    }

    private StoredFacts entry(int record, boolean markUsed) {
        if (markUsed) {
            used[record] = 1;
        }
        StoredFacts known = entries[record];
        if (known == null) {
            int at = recordAt(record);
            int length = fixed(bytes, at + width + 4);
            known = encoded(index, factsStart, factsEnd, fixed(bytes, at + width), length & ~PARSED, (length & PARSED) != 0);
            entries[record] = known;
        }
        return known;
    }

    /**
     * An entry whose facts lie at {@code start} for {@code length} bytes after {@code factsStart}; one that would
     * reach past {@code factsEnd} is given bounds that make its decode fail with the index's message.
     */
    private static StoredFacts encoded(StoredFacts.Index index, int factsStart, int factsEnd, int start, int length,
            boolean parsed) {
        long from = (long) factsStart + start;
        long to = from + length;
        if (start < 0 || length < 0 || to > factsEnd) {
            return StoredFacts.encoded(index, factsEnd, factsEnd - 1, parsed);
        }
        return StoredFacts.encoded(index, (int) from, (int) to, parsed);
    }

    private boolean idIs(int at, String id) {
        for (int b = 0; b < width; b++) {
            int value = bytes[at + b] & 0xFF;
            if (id.charAt(2 * b) != HEX[value >> 4] || id.charAt(2 * b + 1) != HEX[value & 0xF]) {
                return false;
            }
        }
        return true;
    }

    private String idAt(int at) {
        byte[] hex = new byte[2 * width];
        for (int b = 0; b < width; b++) {
            int value = bytes[at + b] & 0xFF;
            hex[2 * b] = (byte) HEX[value >> 4];
            hex[2 * b + 1] = (byte) HEX[value & 0xF];
        }
        return new String(hex, StandardCharsets.US_ASCII);
    }

    /** Whether {@code id} is lowercase hexadecimal of an even length, as git's object ids are. */
    private static boolean isHex(String id) {
        return id.length() >= 8 && id.length() % 2 == 0 && fits(id, id.length() / 2);
    }

    private static boolean fits(String id, int width) {
        if (id.length() != 2 * width) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c >= 128 || DIGIT[c] < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The id's first four bytes: an object id is a hash, so they are as good as any hash of the whole. -1 when one of
     * its first eight characters is no hexadecimal digit (and for ids that start "ffffffff", looked up all the same).
     */
    private static int hash(String id) {
        int hash = 0;
        for (int i = 0; i < 8; i++) {
            char c = id.charAt(i);
            int digit = c < 128 ? DIGIT[c] : -1;
            if (digit < 0) {
                return -1;
            }
            hash = hash << 4 | digit;
        }
        return hash;
    }

    private static int fixed(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8 | (bytes[at + 3] & 0xFF);
    }

    private static void putFixed(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }
}
