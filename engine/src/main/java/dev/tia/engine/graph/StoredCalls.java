package dev.tia.engine.graph;

import dev.tia.engine.io.ByteSink;
import dev.tia.engine.io.ByteSource;
import dev.tia.engine.io.CacheFraming;
import dev.tia.engine.source.Declaration;
import dev.tia.engine.source.FileFacts;
import dev.tia.engine.source.IndexedFile;
import dev.tia.engine.source.MemberFacts;
import dev.tia.engine.source.SourceIndex;
import dev.tia.engine.source.TypeRef;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Where the stored files call each name, so that a member-level walk over a stored graph reads the few types that
 * call the changed method's name on a receiver that may hold it, instead of every reachable type's calls (which took
 * 125 ms at 50k classes for a method of a class reached from almost everywhere, and every file's facts decoded).
 *
 * <p>For each name called and receiver written ({@code ""}: not known, see {@link CallIndex}), the type nodes whose
 * members make such a call; and, by word, how many files write it in string literals (reflection may call a method
 * of that name) and how many name a class of that simple name in an annotation. The walk lays the changed files over
 * this: their stored types are left out and their types now put in (see {@link CallSites}). Kept only when every
 * declared type is a node declared by one file, so that a node leads to its declaration.
 */
final class StoredCalls {

    /** No calls kept. */
    static final StoredCalls NONE = new StoredCalls(null);

    /** The section, read once a walk asks; null when the calls were not kept. */
    private final ByteSource bytes;

    private final int start;

    private StoredCalls(ByteSource bytes) {
        this.bytes = bytes;
        this.start = bytes == null ? 0 : bytes.position();
    }

    /**
     * Writes the calls of every declared type of {@code index}; only a flag saying none are kept when a declared type
     * has no node, or the graph is not {@code patchable} (a type declared twice).
     */
    static void write(ByteSink out, SourceIndex index, Adjacency graph, boolean patchable) {
        Map<TypeRef, Declaration> declarations = index.declarations();
        // By call text first (one instance of each text is shared across the index, its hash kept), then by name and
        // receiver: a key made for each of half a million calls took most of the time.
        Map<String, IntList> byCall = new HashMap<>();
        for (Map.Entry<TypeRef, Declaration> declared : declarations.entrySet()) {
            int node = graph.findType(declared.getKey());
            if (node < 0 || !patchable) {
                out.varint(0);
                return;
            }
            addCalls(byCall, declared.getValue(), node);
        }
        // A bare receiver is a type when a declared type has its simple name (see CallIndex).
        Predicate<String> isTypeName = CallIndex.simpleNamesOf(declarations.keySet())::contains;
        Map<String, IntList> byKey = new HashMap<>();
        byCall.forEach((call, nodes) -> {
            CallIndex.WrittenCall written = CallIndex.split(call, isTypeName);
            byKey.computeIfAbsent(key(written.name(), written.receiver().orElse("")), k -> new IntList()).addAll(nodes);
        });
        // Its length first: a run reads past it without a look, and decodes it only for a member-level walk.
        ByteSink section = new ByteSink();
        section.varint(byKey.size());
        byKey.forEach((key, nodes) -> {
            int[] distinct = nodes.distinct(); // a type calling a name with two arities is listed once
            section.text(key);
            section.varint(distinct.length);
            for (int node : distinct) {
                section.varint(node);
            }
        });
        Map<String, Integer> stringWords = new HashMap<>();
        Map<String, Integer> annotationClassNames = new HashMap<>();
        for (IndexedFile file : index.files()) {
            file.facts().stringWords().forEach(word -> stringWords.merge(word, 1, Integer::sum));
            file.facts().annotationClassNames().forEach(name -> annotationClassNames.merge(name, 1, Integer::sum));
        }
        writeCounts(section, stringWords);
        writeCounts(section, annotationClassNames);
        byte[] written = section.toBytes();
        out.varint(1);
        out.varint(written.length);
        out.raw(written);
    }

    /** One type's calls: a method per type, for the reason {@code GraphStore#samePathsOtherContent} gives. */
    private static void addCalls(Map<String, IntList> byCall, Declaration declaration, int node) {
        for (MemberFacts member : declaration.type().members()) {
            for (String call : member.calls()) {
                IntList nodes = byCall.get(call);
                if (nodes == null) {
                    nodes = new IntList();
                    byCall.put(call, nodes);
                }
                nodes.addOnce(node);
            }
        }
    }

    /** A growing list of node numbers. */
    private static final class IntList {
        private int[] values = new int[2];
        private int size;

        /** Adds {@code value} unless it is the last one added: a type's calls come together. */
        void addOnce(int value) {
            if (size == 0 || values[size - 1] != value) {
                add(value);
            }
        }

        void addAll(IntList other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        private void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] distinct() {
            int[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            int count = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    sorted[count++] = sorted[i];
                }
            }
            return Arrays.copyOf(sorted, count);
        }
    }

    private static void writeCounts(ByteSink out, Map<String, Integer> counts) {
        out.varint(counts.size());
        counts.forEach((word, files) -> {
            out.text(word);
            out.varint(files);
        });
    }

    private static String key(String name, String receiver) {
        return name + '\0' + receiver;
    }

    /** Reads past what {@link #write} wrote, leaving it where it lies until a walk asks. */
    static StoredCalls read(ByteSource bytes) throws CacheFraming.CorruptException {
        return new StoredCalls(bytes.varint() == 1 ? bytes.slice(bytes.count()) : null);
    }

    /** Whether the calls were kept (see {@link #write}). */
    boolean available() {
        return bytes != null;
    }

    /**
     * The stored calls, decoded.
     *
     * @param callers by name, then by receiver written ("": unknown), the type nodes making such calls
     * @param stringWordFiles by word written in string literals, how many stored files write it
     * @param annotationClassNameFiles by simple name named by a class literal in an annotation, how many stored files do
     */
    record Decoded(Map<String, Map<String, int[]>> callers, Map<String, Integer> stringWordFiles,
            Map<String, Integer> annotationClassNameFiles) {

        /** The type nodes whose members call {@code name} on a receiver written as {@code receiver} ("": unknown). */
        int[] callers(String name, String receiver) {
            int[] nodes = callers.getOrDefault(name, Map.of()).get(receiver);
            return nodes != null ? nodes : new int[0];
        }

        /** By receiver written, the type nodes whose members call {@code name}. */
        Collection<int[]> callers(String name) {
            return callers.getOrDefault(name, Map.of()).values();
        }
    }

    /** Decodes the section: once per run at most, when a member-level walk needs it. */
    Decoded decode() throws CacheFraming.CorruptException {
        bytes.seek(start);
        int keys = bytes.count();
        Map<String, Map<String, int[]>> callers = new HashMap<>(keys);
        for (int k = 0; k < keys; k++) {
            String key = bytes.text();
            int[] nodes = new int[bytes.count()];
            for (int i = 0; i < nodes.length; i++) {
                nodes[i] = bytes.varint();
            }
            int separator = key.indexOf('\0');
            if (separator < 0) {
                throw new CacheFraming.CorruptException("a call without its receiver");
            }
            callers.computeIfAbsent(key.substring(0, separator), name -> new HashMap<>(4)).put(key.substring(separator + 1), nodes);
        }
        Map<String, Integer> stringWordFiles = counts();
        Map<String, Integer> annotationClassNameFiles = counts();
        if (!bytes.atEnd()) {
            throw new CacheFraming.CorruptException("data after the stored calls");
        }
        return new Decoded(callers, stringWordFiles, annotationClassNameFiles);
    }

    private Map<String, Integer> counts() throws CacheFraming.CorruptException {
        int words = bytes.count();
        Map<String, Integer> counts = new HashMap<>(words * 2);
        for (int i = 0; i < words; i++) {
            counts.put(bytes.text(), bytes.varint());
        }
        return counts;
    }

    /**
     * The words of {@code stored} (by how many stored files write each) with {@code changed} files' stored content taken
     * out and their content now put in: the words some file of this run writes.
     */
    static Set<String> now(Map<String, Integer> stored, List<FileFacts> before, List<FileFacts> after,
            Function<FileFacts, Set<String>> words) {
        Map<String, Integer> counts = new HashMap<>(stored);
        for (FileFacts facts : before) {
            words.apply(facts).forEach(word -> counts.merge(word, -1, Integer::sum));
        }
        for (FileFacts facts : after) {
            words.apply(facts).forEach(word -> counts.merge(word, 1, Integer::sum));
        }
        Set<String> written = new HashSet<>();
        counts.forEach((word, files) -> {
            if (files > 0) {
                written.add(word);
            }
        });
        return written;
    }
}
