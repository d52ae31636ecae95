package dev.tia.engine.source;

import dev.tia.engine.TiaException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One content's facts as the index holds them, decoded when first asked for. A warm run whose graph comes from
 * the stored graph reads the facts of the changed files and of the files a method-level walk visits, not of all
 * of them: decoding all 67k entries of a 50k-class repository took 150 ms of a core on every run.
 */
final class StoredFacts {

    /** The index this entry lies in; null for facts at hand. */
    private final Index index;
    private final int start;
    private final int end;
    private final boolean parsed;
    private volatile FileFacts facts;
    /** Whether a run asked for it, so the index keeps it: only ever set, from parallel streams. */
    private volatile boolean used;

    /**
     * The index entries are read from, shared by all of them: its reader (whose tables every entry uses), its file
     * (for the message should an entry not decode) and its count of entries decoded in this run.
     */
    record Index(FactsCodec.Reader reader, Path file, AtomicInteger decodes) {
    }

    private StoredFacts(Index index, int start, int end, boolean parsed, FileFacts facts) {
        this.index = index;
        this.start = start;
        this.end = end;
        this.parsed = parsed;
        this.facts = facts;
    }

    /** Facts at hand: parsed in this run, or read from the journal. */
    static StoredFacts of(FileFacts facts) {
        return new StoredFacts(null, 0, 0, facts.parsed(), facts);
    }

    /** The entry written from {@code start} to {@code end} of {@code index}. */
    static StoredFacts encoded(Index index, int start, int end, boolean parsed) {
        return new StoredFacts(index, start, end, parsed, null);
    }

    /** Marks it used: an entry beside the index's table (see {@link FactsTable#forEachUsed}); the table marks its own. */
    void markUsed() {
        used = true;
    }

    boolean used() {
        return used;
    }

    /** {@link FileFacts#parsed()}, known without decoding the facts (it is written beside them). */
    boolean parsed() {
        return parsed;
    }

    FileFacts facts() {
        FileFacts known = facts;
        if (known == null) {
            known = decode();
            facts = known; // two threads may both decode an entry: the same facts either way
        }
        return known;
    }

    private FileFacts decode() {
        index.decodes().incrementAndGet();
        try {
            return index.reader().at(start, end).facts();
        } catch (IOException | RuntimeException e) {
            // The index's checksum held when it was loaded, so these bytes are what tia wrote: a reader that cannot
            // take them back is a defect, and guessing the file's facts could skip a test.
            throw new TiaException("an entry of tia's index " + index.file() + " cannot be read (" + e.getMessage()
                    + "): delete tia's cache folder " + index.file().getParent() + " and run again, and please report it", e);
        }
    }
}
