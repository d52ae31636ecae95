package dev.tia.engine.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The stored index's entries by content id, in an open-addressing table written with the index and read where it
 * lies: a slot holds an id's bytes, where its facts start and how long they are, and whether the file parsed.
 *
 * <p>A run looks up every file's content (67k at 50k classes). Read into a map of strings, the index made an id
 * string, an entry object and a map node per entry on every run (26 ms of a fresh JVM's core at 50k classes), and
 * each lookup hashed the id's 40 characters and followed four references (36 ms). Here an id's first four bytes,
 * uniform as a hash's are, pick its slot, and a lookup reads one slot, mostly in one cache line.
 *
 * <p>Ids that are not lowercase hexadecimal of the table's width (none that git or tia make; the tests' short ids)
 * are listed beside the table and read into a map when loaded.
 */
final class FactsTable {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** Where an id's first character lies among {@link #HEX}'s, or -1; for the 128 ASCII characters. */
    private static final byte[] DIGIT = new byte[128];
    /** Past the id's bytes: where its facts start after the table (plus one: 0 is an empty slot), then their length. */
    private static final int POSITION_BYTES = 8;
    /** In a slot's length: the file parsed. */
    private static final int PARSED = 0x8000_0000;

    static {
        java.util.Arrays.fill(DIGIT, (byte) -1);
        for (int i = 0; i < HEX.length; i++) {
            DIGIT[HEX[i]] = (byte) i;
        }
    }

    private final byte[] bytes;
    private final int slotsStart;
    /** Bytes of an id in a slot (20 for SHA-1 object ids, 32 for SHA-256); 0 when the table is empty. */
    private final int width;
    private final int mask;
    private final int slotBytes;
    private final int count;
    private final Map<String, StoredFacts> others;
    private final StoredFacts.Index index;
    private final int factsStart;
    private final int factsEnd;
    /**
     * The entry of each slot once asked for, so that its facts are decoded once. Written without a lock or an atomic
     * update (through a VarHandle, a fresh JVM's C1 code took 13 ms at 50k classes for them): two threads asking for
     * one content at once may each make one, both of them right; an entry's fields that matter are final.
     */
    private final StoredFacts[] entries;
    /**
     * 1 for each slot a run asked for, whose entry the index keeps when it is rewritten: bytes written apart from
     * each other, and only ever set, so the parallel lookups need no atomic update either.
     */
    private final byte[] used;

    private FactsTable(byte[] bytes, int slotsStart, int width, int slots, int count, Map<String, StoredFacts> others,
            StoredFacts.Index index, int factsStart, int factsEnd) {
        this.bytes = bytes;
        this.slotsStart = slotsStart;
        this.width = width;
        this.mask = slots - 1;
        this.slotBytes = width + POSITION_BYTES;
        this.count = count;
        this.others = others;
        this.index = index;
        this.factsStart = factsStart;
        this.factsEnd = factsEnd;
        this.entries = new StoredFacts[slots];
        this.used = new byte[slots];
    }

    /** A table of no entries. */
    static FactsTable empty() {
        return new FactsTable(new byte[0], 0, 0, 1, 0, Map.of(), null, 0, 0);
    }

    /**
     * Writes the table for entries whose facts lie after it at {@code starts} ({@code lengths} long), counted from
     * the start of the facts (past the codec's tables).
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
        byte[] table = new byte[slots * (width + POSITION_BYTES)];
        int slotBytes = width + POSITION_BYTES;
        Map<String, Integer> outside = new java.util.LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (inTable == 0 || !fits(id, width)) {
                outside.put(id, i);
                continue;
            }
            int slot = hash(id) & (slots - 1);
            while (fixed(table, slot * slotBytes + width) != 0) {
                slot = (slot + 1) & (slots - 1);
            }
            int at = slot * slotBytes;
            for (int b = 0; b < width; b++) {
                table[at + b] = (byte) (DIGIT[id.charAt(2 * b)] << 4 | DIGIT[id.charAt(2 * b + 1)]);
            }
            putFixed(table, at + width, starts[i] + 1);
            putFixed(table, at + width + 4, lengths[i] | (parsed[i] ? PARSED : 0));
        }
        out.varint(width);
        out.varint(slots);
        out.varint(inTable);
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
                || (long) slots * (width + POSITION_BYTES) > end - in.position() || (slots > 0) != (width > 0)) {
            throw new FactsCodec.CorruptFactsException("a table of " + slots + " slots of " + width + " bytes");
        }
        int slotsStart = in.position();
        in.skip(slots * (width + POSITION_BYTES));
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
        return new FactsTable(bytes, slotsStart, width, Math.max(slots, 1), inTable + outsideCount, others, index,
                factsStart, end);
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
        // Only the length and the first eight characters are checked ahead: a slot's bytes read as hexadecimal, so
        // an id with other characters matches none.
        int hash = width > 0 && id.length() == 2 * width ? hash(id) : -1;
        if (hash != -1 || width > 0 && id.length() == 2 * width && fits(id, width)) {
            for (int slot = hash & mask, probes = 0; probes <= mask; slot = (slot + 1) & mask, probes++) {
                int at = slotsStart + slot * slotBytes;
                if (fixed(bytes, at + width) == 0) {
                    break;
                }
                if (idIs(at, id)) {
                    if (markUsed) {
                        used[slot] = 1;
                    }
                    return entry(slot, at);
                }
            }
        }
        StoredFacts other = others.isEmpty() ? null : others.get(id);
        if (other != null && markUsed) {
            other.markUsed();
        }
        return other;
    }

    /** How many of the table's slots a run marked used, and the entries beside it that were (see {@link #find}). */
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
        for (int slot = 0; slot < entries.length && width > 0; slot++) {
            int at = slotsStart + slot * slotBytes;
            if (fixed(bytes, at + width) != 0) {
                action.accept(idAt(at), entry(slot, at));
            }
        }
    }

    /** The entries marked used (see {@link #find}), for a rewrite that keeps only those. */
    void forEachUsed(BiConsumer<String, StoredFacts> action) {
        others.forEach((id, entry) -> {
            if (entry.used()) {
                action.accept(id, entry);
            }
        });
        for (int slot = 0; slot < used.length; slot++) {
            if (used[slot] != 0) {
                int at = slotsStart + slot * slotBytes;
                action.accept(idAt(at), entry(slot, at));
            }
        }
    }

    private StoredFacts entry(int slot, int at) {
        StoredFacts known = entries[slot];
        if (known == null) {
            int length = fixed(bytes, at + width + 4);
            known = encoded(index, factsStart, factsEnd, fixed(bytes, at + width) - 1, length & ~PARSED, (length & PARSED) != 0);
            entries[slot] = known;
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
