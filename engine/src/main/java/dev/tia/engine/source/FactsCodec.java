package dev.tia.engine.source;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes and reads {@link FileFacts} in a compact binary form, for the persistent index.
 *
 * <p>Numbers are varints and every string is an index into a table written once before the facts that use it
 * (a whole index shares one table, a journal record has its own). The same few thousand names recur in every
 * file, so a warm run decodes each once, and the facts share one instance of each name, whose hash is then
 * computed once; at 10k classes the index shrank from 9.2 MB (one string per use) to 3.1 MB. Fingerprints have a
 * table of their own, as 16 bytes each: many method bodies are alike ({@code return x;}).
 */
final class FactsCodec {

    private static final TypeKind[] KINDS = TypeKind.values();
    /** Lists and tables longer than this are damage, not data. */
    private static final int MAX_COUNT = 1 << 24;

    private FactsCodec() {
    }

    /** One file's facts with their own string table, for tests and single records. */
    static byte[] encode(FileFacts facts) {
        Writer writer = new Writer();
        writer.facts(facts);
        return writer.toBytes();
    }

    /** One declared type, with a string table of its own: equal bytes for equal types. */
    static byte[] encode(DeclaredType type) {
        Writer writer = new Writer();
        writer.type(type);
        return writer.toBytes();
    }

    static FileFacts decode(byte[] bytes) throws IOException {
        return new Reader(bytes, 0, bytes.length).facts();
    }

    /** Bytes that are not what a {@link Writer} wrote: a damaged index. */
    static final class CorruptFactsException extends IOException {
        CorruptFactsException(String message) {
            super(message);
        }
    }

    /** Collects the string table and the facts that refer to it; {@link #toBytes()} puts the table first. */
    static final class Writer {
        private final Map<String, Integer> table = new HashMap<>();
        private final List<String> strings = new ArrayList<>();
        private final Map<Fingerprint, Integer> fingerprintTable = new HashMap<>();
        private final List<Fingerprint> fingerprints = new ArrayList<>();
        private byte[] body = new byte[1 << 12];
        private int size;

        void string(String value) {
            Integer index = table.get(value);
            if (index == null) {
                index = strings.size();
                table.put(value, index);
                strings.add(value);
            }
            varint(index);
        }

        void varint(int value) {
            ensure(5);
            while ((value & ~0x7F) != 0) {
                body[size++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            body[size++] = (byte) value;
        }

        void type(DeclaredType type) {
            string(type.name());
            varint(type.kind().ordinal());
            optional(type.enclosing());
            varint((type.isAbstract() ? 1 : 0) | (type.isStatic() ? 2 : 0));
            strings(type.supertypes());
            strings(type.annotations());
            strings(type.tags());
            varint(type.methods().size());
            for (MethodFacts method : type.methods()) {
                string(method.name());
                strings(method.annotations());
                strings(method.tags());
            }
            varint(type.members().size());
            for (MemberFacts member : type.members()) {
                member(member);
            }
        }

        void facts(FileFacts facts) {
            string(facts.packageName());
            varint(facts.types().size());
            for (DeclaredType type : facts.types()) {
                type(type);
            }
            strings(facts.imports());
            strings(facts.onDemandImports());
            strings(facts.staticImports());
            strings(facts.staticOnDemandImports());
            strings(facts.identifiers());
            strings(facts.qualifiedNames());
            strings(facts.stringLiterals());
            optional(facts.parseProblem());
            fingerprint(facts.codeFingerprint());
            fingerprint(facts.skeletonFingerprint());
            strings(facts.annotationClassNames());
            strings(facts.stringWords());
        }

        /** How many bytes of facts are written so far: where the next file's facts start, past the tables. */
        int bodySize() {
            return size;
        }

        /** Bytes as they are, which the reader passes over with {@link Reader#skip}. */
        void bytes(byte[] values) {
            ensure(values.length);
            System.arraycopy(values, 0, body, size, values.length);
            size += values.length;
        }

        /** A string written where it is (its UTF-8 length, then its bytes), not through the table. */
        void text(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            varint(utf8.length);
            bytes(utf8);
        }

        /** What was written, without the tables: for a writer that used neither. */
        byte[] body() {
            return Arrays.copyOf(body, size);
        }

        private void member(MemberFacts member) {
            string(member.signature());
            string(member.name());
            varint(member.arity());
            varint((member.varargs() ? 1 : 0) | (member.isStatic() ? 2 : 0) | (member.isPrivate() ? 4 : 0)
                    | (member.frameworkAnnotated() ? 8 : 0));
            fingerprint(member.bodyFingerprint());
            strings(member.calls());
        }

        /** 0 for an unknown fingerprint, else 1 + its index in the table of fingerprints. */
        private void fingerprint(Fingerprint fingerprint) {
            if (!fingerprint.isKnown()) {
                varint(0);
                return;
            }
            Integer index = fingerprintTable.get(fingerprint);
            if (index == null) {
                index = fingerprints.size();
                fingerprintTable.put(fingerprint, index);
                fingerprints.add(fingerprint);
            }
            varint(index + 1);
        }

        private void writeLong(long value) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                body[size++] = (byte) (value >>> shift);
            }
        }

        private void strings(Collection<String> values) {
            varint(values.size());
            values.forEach(this::string);
        }

        private void optional(Optional<String> value) {
            if (value.isPresent()) {
                varint(1);
                string(value.get());
            } else {
                varint(0);
            }
        }

        private void ensure(int more) {
            if (size + more > body.length) {
                body = Arrays.copyOf(body, Math.max(body.length * 2, size + more));
            }
        }

        /**
         * The string table (count, then each as UTF-8 with its length), the fingerprint table (count, then 16 bytes
         * each), then the facts written so far.
         */
        byte[] toBytes() {
            Writer head = new Writer();
            head.varint(strings.size());
            strings.forEach(head::text);
            head.varint(fingerprints.size());
            for (Fingerprint fingerprint : fingerprints) {
                head.writeLong(fingerprint.high());
                head.writeLong(fingerprint.low());
            }
            byte[] bytes = Arrays.copyOf(head.body, head.size + size);
            System.arraycopy(body, 0, bytes, head.size, size);
            return bytes;
        }
    }

    /**
     * Reads what a {@link Writer} wrote, starting with its string table; damage ends in a {@link CorruptFactsException}.
     *
     * <p>The tables are decoded where a read asks for an entry, not up front: a warm run of a large repository reads
     * few of the index's facts (see {@link StoredFacts}), and decoding every string of the table took a fifth of
     * reading all of them. Readers made by {@link #at} share the tables and may run on several threads: an entry of
     * either table is an immutable value, which two threads may both make, equal either way.
     */
    static final class Reader {
        private final byte[] bytes;
        private final int end;
        private final int[] stringStarts;
        private final int[] stringLengths;
        private final String[] table;
        private final int fingerprintsStart;
        private final Fingerprint[] fingerprints;
        private int position;

        Reader(byte[] bytes, int offset, int end) throws IOException {
            this.bytes = bytes;
            this.end = end;
            this.position = offset;
            int count = count();
            stringStarts = new int[count];
            stringLengths = new int[count];
            table = new String[count];
            for (int i = 0; i < count; i++) {
                int length = count();
                if (length > end - position) {
                    throw new CorruptFactsException("string past the end");
                }
                stringStarts[i] = position;
                stringLengths[i] = length;
                position += length;
            }
            int fingerprintCount = count();
            if (fingerprintCount > (end - position) / 16) {
                throw new CorruptFactsException("fingerprints past the end");
            }
            fingerprints = new Fingerprint[fingerprintCount];
            fingerprintsStart = position;
            position += fingerprintCount * 16;
        }

        /** A reader of bytes written without tables (see {@link Writer#body}), from {@code start} to {@code end}. */
        static Reader withoutTables(byte[] bytes, int start, int end) {
            return new Reader(bytes, start, end, new int[0], new String[0], start, new Fingerprint[0]);
        }

        private Reader(byte[] bytes, int start, int end, int[] stringStarts, String[] table, int fingerprintsStart,
                Fingerprint[] fingerprints) {
            this.bytes = bytes;
            this.end = end;
            this.stringStarts = stringStarts;
            this.stringLengths = stringStarts;
            this.table = table;
            this.fingerprintsStart = fingerprintsStart;
            this.fingerprints = fingerprints;
            this.position = start;
        }

        /** A reader of the bytes from {@code start} to {@code end} with this one's tables. */
        private Reader(Reader tables, int start, int end) {
            this.bytes = tables.bytes;
            this.end = end;
            this.stringStarts = tables.stringStarts;
            this.stringLengths = tables.stringLengths;
            this.table = tables.table;
            this.fingerprintsStart = tables.fingerprintsStart;
            this.fingerprints = tables.fingerprints;
            this.position = start;
        }

        /** Another reader over this one's tables, for the entry written from {@code start} to {@code end}. */
        Reader at(int start, int end) {
            return new Reader(this, start, end);
        }

        int position() {
            return position;
        }

        /** Passes over {@code length} bytes: read where they lie (see {@link FactsTable}). */
        void skip(int length) throws IOException {
            if (length < 0 || length > end - position) {
                throw new CorruptFactsException("entry past the end");
            }
            position += length;
        }

        /** A string written by {@link Writer#text}. */
        String text() throws IOException {
            int length = count();
            if (length > end - position) {
                throw new CorruptFactsException("string past the end");
            }
            String value = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            return value;
        }

        boolean atEnd() {
            return position >= end;
        }

        int varint() throws IOException {
            int value = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                if (position >= end) {
                    throw new CorruptFactsException("truncated");
                }
                byte b = bytes[position++];
                value |= (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new CorruptFactsException("malformed number");
        }

        private int count() throws IOException {
            int count = varint();
            if (count < 0 || count > MAX_COUNT) {
                throw new CorruptFactsException("implausible count " + count);
            }
            return count;
        }

        String string() throws IOException {
            int index = varint();
            if (index < 0 || index >= table.length) {
                throw new CorruptFactsException("string index out of range");
            }
            String value = table[index];
            if (value == null) {
                value = new String(bytes, stringStarts[index], stringLengths[index], StandardCharsets.UTF_8);
                table[index] = value;
            }
            return value;
        }

        FileFacts facts() throws IOException {
            String packageName = string();
            int typeCount = count();
            ImmutableList.Builder<DeclaredType> types = ImmutableList.builderWithExpectedSize(typeCount);
            for (int i = 0; i < typeCount; i++) {
                String name = string();
                int kind = varint();
                if (kind < 0 || kind >= KINDS.length) {
                    throw new CorruptFactsException("unknown type kind " + kind);
                }
                Optional<String> enclosing = optional();
                int flags = varint();
                ImmutableList<String> supertypes = list();
                ImmutableList<String> annotations = list();
                ImmutableSet<String> tags = set();
                int methodCount = count();
                ImmutableList.Builder<MethodFacts> methods = ImmutableList.builderWithExpectedSize(methodCount);
                for (int m = 0; m < methodCount; m++) {
                    methods.add(new MethodFacts(string(), list(), set()));
                }
                int memberCount = count();
                ImmutableList.Builder<MemberFacts> members = ImmutableList.builderWithExpectedSize(memberCount);
                for (int m = 0; m < memberCount; m++) {
                    members.add(member());
                }
                types.add(new DeclaredType(name, KINDS[kind], enclosing, (flags & 1) != 0, (flags & 2) != 0, supertypes,
                        annotations, tags, methods.build(), members.build()));
            }
            return new FileFacts(packageName, types.build(), list(), list(), list(), list(), names(), names(), names(),
                    optional(), fingerprint(), fingerprint(), names(), names());
        }

        private MemberFacts member() throws IOException {
            String signature = string();
            String name = string();
            int arity = varint();
            int flags = varint();
            return new MemberFacts(signature, name, arity, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0, (flags & 8) != 0,
                    fingerprint(), names());
        }

        private Fingerprint fingerprint() throws IOException {
            int index = varint();
            if (index == 0) {
                return Fingerprint.NONE;
            }
            if (index < 0 || index > fingerprints.length) {
                throw new CorruptFactsException("fingerprint index out of range");
            }
            Fingerprint fingerprint = fingerprints[index - 1];
            if (fingerprint == null) {
                int at = fingerprintsStart + (index - 1) * 16;
                fingerprint = Fingerprint.of(longAt(at), longAt(at + 8));
                fingerprints[index - 1] = fingerprint;
            }
            return fingerprint;
        }

        private long longAt(int at) {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (bytes[at + i] & 0xFF);
            }
            return value;
        }

        // Most lists and sets of a file are empty or hold one element (tags, annotations, a member's calls): those
        // need no builder, which was a third of what reading the index allocated.
        private ImmutableList<String> list() throws IOException {
            int size = count();
            if (size <= 1) {
                return size == 0 ? ImmutableList.of() : ImmutableList.of(string());
            }
            ImmutableList.Builder<String> values = ImmutableList.builderWithExpectedSize(size);
            for (int i = 0; i < size; i++) {
                values.add(string());
            }
            return values.build();
        }

        private ImmutableSet<String> set() throws IOException {
            int size = count();
            if (size <= 1) {
                return size == 0 ? ImmutableSet.of() : ImmutableSet.of(string());
            }
            ImmutableSet.Builder<String> values = ImmutableSet.builderWithExpectedSize(size);
            for (int i = 0; i < size; i++) {
                values.add(string());
            }
            return values.build();
        }

        /** A set the writer wrote from a set (so its names are distinct), without hashing it now (see {@link ArraySet}). */
        private Set<String> names() throws IOException {
            int size = count();
            if (size <= 1) {
                return size == 0 ? ImmutableSet.of() : ImmutableSet.of(string());
            }
            if (size > end - position) {
                throw new CorruptFactsException("set past the end");
            }
            String[] names = new String[size];
            for (int i = 0; i < size; i++) {
                names[i] = string();
            }
            return ArraySet.of(names);
        }

        private Optional<String> optional() throws IOException {
            return varint() == 0 ? Optional.empty() : Optional.of(string());
        }
    }
}
