package dev.tia.engine.graph;

import dev.tia.engine.io.ByteSink;
import dev.tia.engine.io.ByteSource;
import dev.tia.engine.io.CacheFraming;
import dev.tia.engine.source.DeclaredType;
import dev.tia.engine.source.FileFacts;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;

/**
 * Every word the stored files write where name resolution or the test catalog could read it, so that "does any file
 * write this word?" is one lookup, not a pass over every file's facts (about 80 ms at 50k classes, once the facts
 * are decoded, which that pass had to wait for). Asked when a class is added: it stands alone only if no other file
 * writes its simple name (see {@link ReferencePatch}).
 *
 * <p>A word is a segment of a written name between dots and dollars (see {@link #forEachName}), kept as its string's
 * hash, sorted, and looked up where the store's bytes lie. Two words with one hash can only make a word look written
 * when it is not, which makes tia build the graph rather than patch it: never the other way round. (With a million
 * distinct words, one added class name in four thousand would. A 64-bit fingerprint took about as long to write,
 * 130-180 ms against 115-160 at 50k classes, at twice the size.)
 *
 * <p>A class added often takes a name other files already write: another package's {@code Result}, {@code Config} or
 * {@code Builder}, which those files import. So each word that starts with a capital letter, as type names do, also
 * lists the files that write it ({@link #writers}), up to {@link #MOST_WRITERS}: the patch resolves those files again
 * rather than every file (a new class of a written name took 1.7 s of a warm run at 50k classes, building the graph).
 */
final class WrittenWords {

    /** The most files a word's list holds; a word more files write is stored as too common to list. */
    static final int MOST_WRITERS = 5000;
    /** A list's place for a capitalized word more than {@link #MOST_WRITERS} files write. */
    private static final int TOO_COMMON = -1;

    private final ByteSource bytes;
    private final int start;
    private final int count;
    /** The capitalized words' hashes, sorted, then each one's list's place in the lists. */
    private final int listedStart;
    private final int listedCount;
    private final int listsStart;
    private final int listsLength;
    /** This run's number of a stored file, or -1 for one removed since. */
    private final IntUnaryOperator current;
    private final int storedFiles;

    private WrittenWords(ByteSource bytes, int start, int count, int listedStart, int listedCount, int listsStart,
            int listsLength, IntUnaryOperator current, int storedFiles) {
        this.bytes = bytes;
        this.start = start;
        this.count = count;
        this.listedStart = listedStart;
        this.listedCount = listedCount;
        this.listsStart = listsStart;
        this.listsLength = listsLength;
        this.current = current;
        this.storedFiles = storedFiles;
    }

    /** Every name of {@code facts} in which a written word is a segment: the one list both the store and the check read. */
    static void forEachName(FileFacts facts, Consumer<String> names) {
        facts.identifiers().forEach(names);
        facts.qualifiedNames().forEach(names);
        facts.imports().forEach(names);
        facts.onDemandImports().forEach(names);
        facts.staticImports().forEach(names);
        facts.staticOnDemandImports().forEach(names);
        facts.stringLiterals().forEach(names);
        names.accept(facts.packageName());
        for (DeclaredType type : facts.types()) {
            names.accept(type.name());
            type.supertypes().forEach(names);
            type.annotations().forEach(names);
        }
    }

    /** Whether some name of {@code facts} has one of {@code words} as a whole segment: what the store's words say of a file. */
    static boolean writesAny(FileFacts facts, Collection<String> words) {
        boolean[] found = new boolean[1];
        forEachName(facts, name -> {
            for (String word : words) {
                found[0] |= hasSegment(name, word);
            }
        });
        return found[0];
    }

    /** Whether {@code word} is a whole segment of the dotted {@code name} ({@code $} separates too). */
    static boolean hasSegment(String name, String word) {
        int at = name.indexOf(word);
        while (at >= 0) {
            int end = at + word.length();
            if ((at == 0 || isSeparator(name.charAt(at - 1))) && (end == name.length() || isSeparator(name.charAt(end)))) {
                return true;
            }
            at = name.indexOf(word, at + 1);
        }
        return false;
    }

    private static boolean isSeparator(char c) {
        return c == '.' || c == '$';
    }

    /**
     * Whether a stored file may write {@code word}: false only when none does. A word holding a separator is no
     * segment of anything, so it could be written only across segments: such a word always may be.
     */
    boolean mayBeWritten(String word) {
        if (word.isEmpty() || word.indexOf('.') >= 0 || word.indexOf('$') >= 0) {
            return true;
        }
        return find(start, count, word.hashCode()) >= 0;
    }

    /**
     * This run's numbers of the stored files that write {@code word} (those removed since left out), in ascending
     * stored order; empty when the store cannot tell: a word that is not capitalized, holds a separator, or more than
     * {@link #MOST_WRITERS} files write. A word another hash shares lists that word's files too: more files, never fewer.
     */
    Optional<int[]> writers(String word) throws CacheFraming.CorruptException {
        if (!listable(word)) {
            return Optional.empty();
        }
        int at = find(listedStart, listedCount, word.hashCode());
        if (at < 0) {
            return Optional.of(new int[0]); // no file writes a capitalized word of this hash
        }
        int place = bytes.fixed(listedStart + listedCount * 4 + at * 4, 4);
        if (place == TOO_COMMON) {
            return Optional.empty();
        }
        if (place < 0 || place >= listsLength) {
            throw new CacheFraming.CorruptException("a list of writers out of range");
        }
        ByteSource list = bytes.at(listsStart + place);
        int size = list.count();
        int[] found = new int[size];
        int kept = 0;
        int stored = -1;
        for (int i = 0; i < size; i++) {
            stored += list.varint() + 1;
            if (stored >= storedFiles) {
                throw new CacheFraming.CorruptException("a writer out of range");
            }
            int now = current.applyAsInt(stored);
            if (now >= 0) {
                found[kept++] = now;
            }
        }
        return Optional.of(Arrays.copyOf(found, kept));
    }

    /** Whether {@code word} is one the store lists the writers of: a single segment, starting with a capital letter. */
    private static boolean listable(String word) {
        return !word.isEmpty() && isCapital(word.charAt(0)) && word.indexOf('.') < 0 && word.indexOf('$') < 0;
    }

    private static boolean isCapital(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /** Where {@code sought} is among the {@code size} sorted hashes at {@code from}, or -1. */
    private int find(int from, int size, int sought) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int value = bytes.fixed(from + middle * 4, 4);
            if (value < sought) {
                low = middle + 1;
            } else if (value > sought) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    /**
     * Writes the words of every file's {@code facts}, the files numbered in their order: a count, then each word's hash
     * in 4 bytes, in ascending order; a count of the capitalized words, their hashes in ascending order, and each one's
     * list's place in the lists (or {@link #TOO_COMMON}); the lists' length, then the lists, each a count and the
     * files' numbers as gaps from the one before.
     */
    static void write(ByteSink out, Collection<FileFacts> facts) {
        IntSet set = new IntSet(facts.size() * 8);
        Lists lists = new Lists(facts.size());
        int number = 0;
        for (FileFacts file : facts) {
            add(set, lists, file, number++);
        }
        int[] sorted = set.values();
        Arrays.sort(sorted);
        out.varint(sorted.length);
        for (int value : sorted) {
            out.fixed(value, 4);
        }
        lists.write(out);
    }

    /** One file's words: a method per file, which a fresh JVM compiles where one loop over every file stays interpreted. */
    private static void add(IntSet set, Lists lists, FileFacts facts, int number) {
        forEachName(facts, name -> {
            int from = 0;
            int hash = 0;
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (isSeparator(c)) {
                    if (i > from) {
                        add(set, lists, hash, name.charAt(from), number);
                    }
                    from = i + 1;
                    hash = 0;
                } else {
                    hash = 31 * hash + c;
                }
            }
            if (from == 0) {
                if (!name.isEmpty()) {
                    add(set, lists, name.hashCode(), name.charAt(0), number); // most names are one word, whose hash the string keeps
                }
            } else if (from < name.length()) {
                add(set, lists, hash, name.charAt(from), number);
            }
        });
    }

    private static void add(IntSet set, Lists lists, int hash, char first, int number) {
        set.add(hash);
        if (isCapital(first)) {
            lists.add(hash, number);
        }
    }

    /** Reads what {@link #write} wrote, leaving the hashes and lists where they lie. */
    static WrittenWords read(ByteSource bytes, int storedFiles, IntUnaryOperator current) throws CacheFraming.CorruptException {
        int count = bytes.count();
        int start = bytes.position();
        bytes.skip(count * 4);
        int listedCount = bytes.count();
        int listedStart = bytes.position();
        bytes.skip(listedCount * 8);
        int listsLength = bytes.count();
        int listsStart = bytes.position();
        bytes.skip(listsLength);
        return new WrittenWords(bytes, start, count, listedStart, listedCount, listsStart, listsLength, current, storedFiles);
    }

    /**
     * The files writing each capitalized word, by its hash, by open addressing: a file's number is added once per name
     * it writes the word in, and kept once, as the files come in order. A list that passes {@link #MOST_WRITERS} is
     * dropped and the word marked too common.
     */
    private static final class Lists {
        private static final int[] DROPPED = new int[0];

        private int[] keys;
        private int[][] lists;
        private int[] sizes;
        private int size;

        Lists(int files) {
            int slots = Integer.highestOneBit(Math.max(files * 2, 1024) * 2);
            keys = new int[slots];
            lists = new int[slots][];
            sizes = new int[slots];
        }

        void add(int hash, int number) {
            int slot = slotOf(hash);
            if (lists[slot] == null) {
                keys[slot] = hash;
                lists[slot] = new int[2];
                if (++size * 2 > keys.length) {
                    grow();
                    slot = slotOf(hash);
                }
            }
            int[] list = lists[slot];
            int length = sizes[slot];
            if (list == DROPPED || length > 0 && list[length - 1] == number) {
                return;
            }
            if (length == MOST_WRITERS) {
                lists[slot] = DROPPED;
                return;
            }
            if (length == list.length) {
                list = Arrays.copyOf(list, length * 2);
                lists[slot] = list;
            }
            list[length] = number;
            sizes[slot] = length + 1;
        }

        private int slotOf(int hash) {
            int mask = keys.length - 1;
            int slot = (hash ^ hash >>> 16) * 0x9E3779B9 >>> 7 & mask;
            while (lists[slot] != null && keys[slot] != hash) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private void grow() {
            int[] oldKeys = keys;
            int[][] oldLists = lists;
            int[] oldSizes = sizes;
            keys = new int[oldKeys.length * 2];
            lists = new int[oldKeys.length * 2][];
            sizes = new int[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldLists[i] != null) {
                    int slot = slotOf(oldKeys[i]);
                    keys[slot] = oldKeys[i];
                    lists[slot] = oldLists[i];
                    sizes[slot] = oldSizes[i];
                }
            }
        }

        void write(ByteSink out) {
            // By hash, as the lookup's binary search reads them: the hash in the high half, its slot in the low.
            long[] order = new long[size];
            int n = 0;
            for (int slot = 0; slot < keys.length; slot++) {
                if (lists[slot] != null) {
                    order[n++] = (long) keys[slot] << 32 | slot;
                }
            }
            Arrays.sort(order);
            ByteSink listed = new ByteSink();
            out.varint(size);
            for (long entry : order) {
                out.fixed((int) (entry >> 32), 4);
            }
            for (long entry : order) {
                int slot = (int) entry;
                if (lists[slot] == DROPPED) {
                    out.fixed(TOO_COMMON, 4);
                    continue;
                }
                out.fixed(listed.size(), 4);
                listed.varint(sizes[slot]);
                int previous = -1;
                for (int i = 0; i < sizes[slot]; i++) {
                    listed.varint(lists[slot][i] - previous - 1);
                    previous = lists[slot][i];
                }
            }
            out.varint(listed.size());
            out.raw(listed.toBytes());
        }
    }

    /**
     * A set of ints by open addressing: millions of adds, most of them words already seen, without a box each. A word's
     * hash is its string's ({@link String#hashCode}), computed over a segment in place.
     */
    private static final class IntSet {
        private int[] slots;
        private boolean hasZero;
        private int size;

        IntSet(int expected) {
            slots = new int[Integer.highestOneBit(Math.max(expected, 1024) * 2)];
        }

        void add(int value) {
            if (value == 0) {
                hasZero = true; // 0 marks an empty slot
                return;
            }
            int mask = slots.length - 1;
            int slot = (value ^ value >>> 16) * 0x9E3779B9 >>> 7 & mask;
            while (slots[slot] != 0) {
                if (slots[slot] == value) {
                    return;
                }
                slot = (slot + 1) & mask;
            }
            slots[slot] = value;
            if (++size * 2 > slots.length) {
                grow();
            }
        }

        private void grow() {
            int[] old = slots;
            slots = new int[old.length * 2];
            size = 0;
            for (int value : old) {
                if (value != 0) {
                    add(value);
                }
            }
        }

        int[] values() {
            int[] values = new int[size + (hasZero ? 1 : 0)];
            int i = 0;
            for (int value : slots) {
                if (value != 0) {
                    values[i++] = value;
                }
            }
            if (hasZero) {
                values[i] = 0;
            }
            return values;
        }
    }
}
