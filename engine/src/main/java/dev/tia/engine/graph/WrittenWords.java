package dev.tia.engine.graph;

import dev.tia.engine.io.ByteSink;
import dev.tia.engine.io.ByteSource;
import dev.tia.engine.io.CacheFraming;
import dev.tia.engine.source.DeclaredType;
import dev.tia.engine.source.FileFacts;

import java.util.Arrays;
import java.util.Collection;
import java.util.function.Consumer;

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
 */
final class WrittenWords {

    private final ByteSource bytes;
    private final int start;
    private final int count;

    private WrittenWords(ByteSource bytes, int start, int count) {
        this.bytes = bytes;
        this.start = start;
        this.count = count;
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
        int sought = word.hashCode();
        int low = 0;
        int high = count - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int value = bytes.fixed(start + middle * 4, 4);
            if (value < sought) {
                low = middle + 1;
            } else if (value > sought) {
                high = middle - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** Writes the words of every file's {@code facts}: a count, then each word's hash in 4 bytes, in ascending order. */
    static void write(ByteSink out, Collection<FileFacts> facts) {
        IntSet set = new IntSet(facts.size() * 8);
        for (FileFacts file : facts) {
            add(set, file);
        }
        int[] sorted = set.values();
        Arrays.sort(sorted);
        out.varint(sorted.length);
        for (int value : sorted) {
            out.fixed(value, 4);
        }
    }

    /** One file's words: a method per file, which a fresh JVM compiles where one loop over every file stays interpreted. */
    private static void add(IntSet set, FileFacts facts) {
        forEachName(facts, name -> {
            int from = 0;
            int hash = 0;
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (isSeparator(c)) {
                    if (i > from) {
                        set.add(hash);
                    }
                    from = i + 1;
                    hash = 0;
                } else {
                    hash = 31 * hash + c;
                }
            }
            if (from == 0) {
                set.add(name.hashCode()); // most names are one word, whose hash the string keeps
            } else if (from < name.length()) {
                set.add(hash);
            }
        });
    }

    /** Reads what {@link #write} wrote, leaving the hashes where they lie. */
    static WrittenWords read(ByteSource bytes) throws CacheFraming.CorruptException {
        int count = bytes.count();
        int start = bytes.position();
        bytes.skip(count * 4);
        return new WrittenWords(bytes, start, count);
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
