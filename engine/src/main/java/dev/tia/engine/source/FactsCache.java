package dev.tia.engine.source;

import dev.tia.engine.io.AtomicFiles;
import dev.tia.engine.io.CacheFolder;
import dev.tia.engine.io.CacheFraming;
import dev.tia.engine.io.FileBytes;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The persistent index: {@link FileFacts} by content id (the git blob id of the file's bytes), so a warm run
 * parses only files whose content it has not seen.
 *
 * <p>One file, written whole to a temporary file and moved into place, so a reader (another build running at
 * the same time) sees the old index or the new one, never half of one. It carries a format version, tia's
 * version and a checksum; anything else is a corrupt or foreign index, reported in one line and rebuilt.
 *
 * <p>A run that parsed a few files appends them to a journal beside it instead of rewriting the whole index
 * (100 ms at 10k classes): each record is written in one append and carries its own checksum and tia's version,
 * so a torn or foreign record only ends the reading there, and those files are parsed again. The index is
 * rewritten, and the journal dropped, once the journal grows past a quarter of the index or a tenth of the
 * entries are no longer used.
 */
public final class FactsCache {

    private static final String MAGIC = "tia-facts";
    /** Bump when {@link FileFacts}, the analyzer's output or the layout of an entry changes. */
    static final int FORMAT_VERSION = 13;
    private static final String FILE_NAME = "facts-v" + FORMAT_VERSION + ".bin";
    private static final String JOURNAL_NAME = "facts-v" + FORMAT_VERSION + ".journal";
    private static final int MAX_RECORD = 64 << 20;

    private final Path file;
    private final String tiaVersion;
    /** The stored entries; those a run asks for are marked used, and only used ones are written again. */
    private final FactsTable table;
    /** Entries read from the journal, decoded; marked used as the table's are. */
    private final Map<String, StoredFacts> journal;
    /** Stored entries decoded in this run (see {@link #entriesDecoded()}). */
    private final AtomicInteger decodes;
    /** Facts parsed in this run, to append to the journal. */
    private final Map<String, FileFacts> fresh = new ConcurrentHashMap<>();
    private final Optional<String> problem;
    private volatile boolean changed;
    /** Sizes of the index and its journal when loaded: they decide between appending and rewriting. */
    private long indexBytes;
    private long journalBytes;

    /** A cache without stored entries (none yet, or a stored index discarded). */
    private FactsCache(Path file, String tiaVersion, Optional<String> problem) {
        this(file, tiaVersion, FactsTable.empty(), new HashMap<>(), new AtomicInteger(), problem);
    }

    private FactsCache(Path file, String tiaVersion, FactsTable table, Map<String, StoredFacts> journal,
            AtomicInteger decodes, Optional<String> problem) {
        this.file = file;
        this.decodes = decodes;
        this.tiaVersion = tiaVersion;
        this.table = table;
        this.journal = journal;
        this.problem = problem;
    }

    /** A cache that remembers nothing, for analyses that must not touch the disk. */
    public static FactsCache none() {
        return new FactsCache(null, "", Optional.empty());
    }

    /** Loads the index in {@code dir}; a missing one is empty, a corrupt or foreign one is empty with a problem. */
    public static FactsCache load(Path dir, String tiaVersion) {
        Path file = dir.resolve(FILE_NAME);
        try {
            byte[] bytes = FileBytes.read(file);
            DataInputStream header = new DataInputStream(new ByteArrayInputStream(bytes));
            if (!MAGIC.equals(header.readUTF()) || header.readInt() != FORMAT_VERSION) {
                return rebuild(file, tiaVersion, "is not a tia index of format " + FORMAT_VERSION);
            }
            String writtenBy = header.readUTF();
            if (!writtenBy.equals(tiaVersion)) {
                return rebuild(file, tiaVersion, "was written by tia " + writtenBy);
            }
            int start = bytes.length - header.available();
            int end = bytes.length - Long.BYTES;
            if (end < start) {
                return rebuild(file, tiaVersion, "is corrupt (truncated)");
            }
            if (ByteBuffer.wrap(bytes, end, Long.BYTES).getLong() != CacheFraming.crc(bytes, end)) {
                return rebuild(file, tiaVersion, "is corrupt (checksum mismatch)");
            }
            // Only the table's head now: each entry is found in the table and decoded when a run asks for it.
            FactsTable table = FactsTable.read(bytes, start, end, file);
            Map<String, StoredFacts> journal = new HashMap<>();
            FactsCache cache = new FactsCache(file, tiaVersion, table, journal, table.index().decodes(), Optional.empty());
            cache.indexBytes = bytes.length;
            cache.journalBytes = readJournal(dir.resolve(JOURNAL_NAME), tiaVersion, journal);
            return cache;
        } catch (NoSuchFileException e) {
            FactsCache cache = new FactsCache(file, tiaVersion, Optional.empty());
            cache.changed = true; // no index yet: the first save writes one
            return cache;
        } catch (FactsCodec.CorruptFactsException e) {
            return rebuild(file, tiaVersion, "is corrupt (" + e.getMessage() + ")");
        } catch (EOFException | UTFDataFormatException e) {
            return rebuild(file, tiaVersion, "is corrupt (" + e.getClass().getSimpleName() + ")");
        } catch (IOException e) {
            return rebuild(file, tiaVersion, "cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Adds the journal's intact records of this tia version to {@code entries}; returns the journal's size. */
    private static long readJournal(Path journal, String tiaVersion, Map<String, StoredFacts> entries) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(journal), 1 << 16))) {
            while (true) {
                int length = in.readInt();
                if (length <= 0 || length > MAX_RECORD) {
                    break;
                }
                byte[] payload = in.readNBytes(length);
                if (payload.length != length) {
                    break;
                }
                if (in.readLong() != CacheFraming.crc(payload, length)) {
                    break;
                }
                DataInputStream record = new DataInputStream(new ByteArrayInputStream(payload));
                if (record.readUTF().equals(tiaVersion)) {
                    FactsCodec.Reader facts = new FactsCodec.Reader(payload, length - record.available(), length);
                    entries.put(facts.string(), StoredFacts.of(facts.facts()));
                }
            }
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException | RuntimeException e) {
            // a torn or foreign tail: the records before it count, the files after it are parsed again
        }
        try {
            return Files.size(journal);
        } catch (IOException e) {
            return 0;
        }
    }

    private static FactsCache rebuild(Path file, String tiaVersion, String why) {
        FactsCache cache = new FactsCache(file, tiaVersion, Optional.of("the index " + file + " " + why + "; rebuilding it"));
        cache.changed = true;
        return cache;
    }

    /** Why the stored index was discarded, if it was. */
    public Optional<String> problem() {
        return problem;
    }

    /** The facts stored for {@code contentId}, kept in the index when it is next written. */
    public Optional<FileFacts> get(String contentId) {
        return stored(contentId).map(StoredFacts::facts);
    }

    /**
     * Decodes every stored entry not decoded yet, for a run that will read most of them: on a thread of its own, so
     * that the run finds them decoded (or decodes the few it reaches first itself). Marks none of them used.
     */
    public void decodeAll() {
        table.forEach((id, entry) -> entry.facts());
        journal.values().forEach(StoredFacts::facts);
    }

    /**
     * How many stored entries this run has decoded so far: few when the stored graph serves a run without a Java
     * change, every one when the graph is built (entries read from the journal come decoded and do not count).
     */
    public int entriesDecoded() {
        return decodes.get();
    }

    /** The stored entries' content ids, in the order the index holds them (see {@link #save(List)}). */
    void forEachStored(Consumer<String> action) {
        table.forEach((id, entry) -> action.accept(id));
        journal.keySet().forEach(action);
    }

    /** {@link #get} without decoding the facts yet. */
    Optional<StoredFacts> stored(String contentId) {
        return Optional.ofNullable(orJournal(contentId, table.find(contentId, true)));
    }

    /**
     * Lookups for a pass over a run's files in their order, which finds their entries in the order the index wrote
     * them (see {@link FactsTable#cursor()}); one per thread.
     */
    Lookup lookup() {
        return new Lookup(table.cursor());
    }

    /** See {@link #lookup()}. */
    final class Lookup {
        private final FactsTable.Cursor cursor;

        private Lookup(FactsTable.Cursor cursor) {
            this.cursor = cursor;
        }

        /** As {@link #stored}. */
        Optional<StoredFacts> stored(String contentId) {
            return Optional.ofNullable(orJournal(contentId, cursor.find(contentId)));
        }
    }

    /** {@code found} in the table, or else the journal's entry of {@code contentId}, marked used. */
    private StoredFacts orJournal(String contentId, StoredFacts found) {
        // The table first: the journal holds few entries, and hashing every id for it would cost the lookup's time again.
        StoredFacts facts = found;
        if (facts == null && !journal.isEmpty()) {
            facts = journal.get(contentId);
            if (facts != null) {
                facts.markUsed();
            }
        }
        return facts;
    }

    StoredFacts put(String contentId, FileFacts facts) {
        fresh.put(contentId, facts);
        return StoredFacts.of(facts);
    }

    /** {@link #save(List)} with the entries in no particular order. */
    public Optional<String> save() {
        return save(List.of());
    }

    /**
     * Writes the facts used in this run (so entries of files that no longer exist drop out) when anything changed.
     *
     * @param order content ids in the order the next runs will look them up, their files': a rewrite writes their
     *     entries first, in that order (see {@link FactsTable}); read only when the index is rewritten
     * @return a problem to report, if the index could not be written (the analysis itself is unaffected)
     */
    public Optional<String> save(List<String> order) {
        if (file == null) {
            return Optional.empty();
        }
        // Counted where the marks lie, on this thread of its own: a pass over every entry object here took 10-15 ms of
        // a warm run at 50k classes, and counting them as they were marked made every lookup an atomic update.
        int entries = table.size() + journal.size();
        long unused = entries - table.usedCount() - journal.values().stream().filter(StoredFacts::used).count();
        boolean rewrite = changed || unused > entries / 10 || journalBytes > indexBytes / 4;
        if (!rewrite) {
            return fresh.isEmpty() ? Optional.empty() : append();
        }
        Optional<String> problem = rewrite(order);
        if (problem.isEmpty()) {
            try {
                Files.deleteIfExists(file.resolveSibling(JOURNAL_NAME));
            } catch (IOException e) {
                // left in place: its records are valid facts, read again next time
            }
        }
        return problem;
    }

    /** Appends this run's new facts to the journal in one write. */
    private Optional<String> append() {
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        try {
            DataOutputStream out = new DataOutputStream(records);
            for (Map.Entry<String, FileFacts> entry : Map.copyOf(fresh).entrySet()) {
                ByteArrayOutputStream payload = new ByteArrayOutputStream();
                DataOutputStream record = new DataOutputStream(payload);
                record.writeUTF(tiaVersion);
                FactsCodec.Writer facts = new FactsCodec.Writer();
                facts.string(entry.getKey());
                facts.facts(entry.getValue());
                record.write(facts.toBytes());
                record.flush();
                byte[] bytes = payload.toByteArray();
                out.writeInt(bytes.length);
                out.write(bytes);
                out.writeLong(CacheFraming.crc(bytes, bytes.length));
            }
            out.flush();
            Files.write(file.resolveSibling(JOURNAL_NAME), records.toByteArray(), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot append to the index journal next to " + file + ": " + e.getMessage()
                    + " (the next run parses those files again)");
        }
    }

    /** Writes the whole index: the facts used in this run, those of {@code order} first and in its order. */
    private Optional<String> rewrite(List<String> order) {
        try {
            Map<String, FileFacts> snapshot = new HashMap<>(fresh);
            table.forEachUsed((key, value) -> snapshot.put(key, value.facts()));
            journal.forEach((key, value) -> {
                if (value.used()) {
                    snapshot.put(key, value.facts());
                }
            });
            Map<String, FileFacts> ordered = new LinkedHashMap<>(snapshot.size() * 2);
            for (String id : order) {
                FileFacts facts = snapshot.remove(id);
                if (facts != null) {
                    ordered.put(id, facts);
                }
            }
            ordered.putAll(snapshot);
            byte[] payload = encode(ordered);
            CacheFolder.write(file, CacheFraming.framed(MAGIC, FORMAT_VERSION, tiaVersion, payload));
            deleteOtherFormats(file.getParent());
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot write the index " + file + ": " + e.getMessage() + " (the next run parses again)");
        }
    }

    /** The table of entries (see {@link FactsTable}), in the map's order, then the facts with their tables. */
    static byte[] encode(Map<String, FileFacts> entries) {
        FactsCodec.Writer facts = new FactsCodec.Writer();
        List<String> ids = new ArrayList<>(entries.size());
        int[] starts = new int[entries.size()];
        int[] lengths = new int[entries.size()];
        boolean[] parsed = new boolean[entries.size()];
        entries.forEach((id, value) -> {
            int i = ids.size();
            ids.add(id);
            starts[i] = facts.bodySize();
            facts.facts(value);
            lengths[i] = facts.bodySize() - starts[i];
            parsed[i] = value.parsed();
        });
        FactsCodec.Writer table = new FactsCodec.Writer();
        FactsTable.write(table, ids, starts, lengths, parsed);
        byte[] head = table.body();
        byte[] rest = facts.toBytes();
        byte[] payload = Arrays.copyOf(head, head.length + rest.length);
        System.arraycopy(rest, 0, payload, head.length, rest.length);
        return payload;
    }

    /** Indexes and journals of earlier formats are never read again: they would only take space in the CI cache. */
    private static void deleteOtherFormats(Path dir) {
        AtomicFiles.deleteMatching(dir, name -> name.matches("facts-v\\d+\\.(bin|journal)")
                && !name.equals(FILE_NAME) && !name.equals(JOURNAL_NAME));
    }
}
