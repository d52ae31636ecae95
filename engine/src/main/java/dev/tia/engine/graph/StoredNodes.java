package dev.tia.engine.graph;

import dev.tia.engine.io.ByteSink;
import dev.tia.engine.io.ByteSource;
import dev.tia.engine.io.CacheFraming;
import dev.tia.engine.source.TypeRef;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * A stored graph's nodes and type hierarchy, decoded where a run looks. A run the store serves meets few of the
 * graph's nodes: the tests' (for their decisions), the types its change names, those its walk reaches. Decoding all
 * of them (70k texts and objects at 50k classes) and numbering every type for lookups was a third of what such a run
 * did beside git: here each node is a fixed record read by number, its texts compared where they lie, and a type is
 * found by two tables stored with it, open-addressing like {@link TypeNumbers}: by type (its {@link TypeRef#hashCode},
 * which the JDK's {@code String} hash fixes) and by simple name (a changed file's words).
 *
 * <p>Layout: the node count; a record per node (kind 1 byte, flags 1, module number 2, offset of its data 4: a type's
 * flags say whether it names a supertype outside the project and whether tests read it); the data (a type's name and
 * its project supertypes, each as {@link GraphStore} writes a type; a module's or artifact's path and display name);
 * the two tables (a slot count, a power of two, then per slot a node number plus one in 3 bytes, 0 where empty); the
 * types with supertypes, in the order the writer's map held them; and the supertypes, outside names and reading by
 * tests of types that are no node, which a build does not make (every declared type is a node) but a store may hold.
 * The records and their texts are checked when the store is read, the tables' entries when probed: the checksum
 * guards against damage, not against a wrong writer, and a number read later must not fail a run outside {@link
 * GraphStore#check} with anything but a clear message.
 */
final class StoredNodes {

    static final int TYPE = 0;
    static final int MODULE = 1;
    static final int MODULE_TESTS = 2;
    static final int ARTIFACT = 3;
    static final int STRUCTURE = 4;

    private static final int RECORD = 8;
    /** A table entry's bytes: node numbers up to 16M, plus one. */
    private static final int ENTRY = 3;
    /** A record's flag: the type names a supertype outside the project. */
    private static final int OUTSIDE = 1;
    /** A record's flag: the type is a test class, or a project supertype of one at any depth (see {@link #readByTests}). */
    private static final int READ_BY_TESTS = 2;

    private final ByteSource bytes;
    private final String[] modules;
    private final int count;
    private final int records;
    private final int data;
    private final int dataLength;
    private final int typeTable;
    private final int typeSlots;
    private final int nameTable;
    private final int nameSlots;
    /** The numbers of the nodes that are no type, in order: a few per module. */
    private final int[] others;
    private final ByteSource withSupertypes;
    private final Map<TypeRef, List<TypeRef>> otherSupertypes;
    private final Set<TypeRef> otherOutside;
    private final Set<TypeRef> otherReadByTests;
    /** Nodes decoded so far (a benign race: every thread decodes the same value). */
    private final Node[] decoded;
    private volatile Set<TypeRef> typesWithSupertypes;

    private StoredNodes(ByteSource bytes, String[] modules) throws CacheFraming.CorruptException {
        this.bytes = bytes;
        this.modules = modules;
        count = bytes.count();
        records = bytes.position();
        bytes.skip(count * RECORD);
        dataLength = bytes.count();
        data = bytes.position();
        bytes.skip(dataLength);
        typeSlots = slots(bytes);
        typeTable = bytes.position();
        bytes.skip(typeSlots * ENTRY);
        nameSlots = slots(bytes);
        nameTable = bytes.position();
        bytes.skip(nameSlots * ENTRY);
        withSupertypes = bytes.slice(bytes.count());
        List<Integer> otherNodes = new ArrayList<>();
        for (int id = 0; id < count; id++) {
            int at = records + id * RECORD;
            int kind = bytes.fixed(at, 1);
            int offset = bytes.fixed(at + 4, 4);
            if (kind > STRUCTURE || kind == TYPE && bytes.fixed(at + 2, 2) >= modules.length || offset >= dataLength) {
                throw new CacheFraming.CorruptException("a node record out of range");
            }
            // Its texts lie inside the data, so that decoding it later cannot fail (read without a source made per node).
            int end = textEnd(data + offset, data + dataLength);
            if (kind != TYPE && end >= 0) {
                end = textEnd(end, data + dataLength);
            }
            if (end < 0) {
                throw new CacheFraming.CorruptException("a node's text out of range");
            }
            if (kind != TYPE) {
                otherNodes.add(id);
            }
        }
        others = otherNodes.stream().mapToInt(Integer::intValue).toArray();
        decoded = new Node[count];
        otherSupertypes = new HashMap<>();
        for (int i = bytes.count(); i > 0; i--) {
            TypeRef type = readType(bytes);
            List<TypeRef> list = new ArrayList<>();
            for (int s = bytes.count(); s > 0; s--) {
                list.add(readType(bytes));
            }
            otherSupertypes.put(type, list);
        }
        otherOutside = readTypes(bytes);
        otherReadByTests = readTypes(bytes);
    }

    /** A count, then as many types as {@link #readType} reads them. */
    Set<TypeRef> readTypes(ByteSource from) throws CacheFraming.CorruptException {
        int count = from.count();
        Set<TypeRef> types = new HashSet<>(count * 2);
        for (int i = 0; i < count; i++) {
            types.add(readType(from));
        }
        return types;
    }

    /** Where the text at {@code at} (its length a varint, then its bytes) ends, or -1 when past {@code limit}. */
    private int textEnd(int at, int limit) {
        int length = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (at >= limit) {
                return -1;
            }
            int b = bytes.fixed(at++, 1);
            length |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return length >= 0 && length <= limit - at ? at + length : -1;
            }
        }
        return -1;
    }

    /** Reads the nodes where {@code bytes} stands, and moves past them. */
    static StoredNodes read(ByteSource bytes, String[] modules) throws CacheFraming.CorruptException {
        return new StoredNodes(bytes, modules);
    }

    private static int slots(ByteSource bytes) throws CacheFraming.CorruptException {
        int slots = bytes.count();
        if (slots == 0 || Integer.bitCount(slots) != 1) {
            throw new CacheFraming.CorruptException("a table of implausible size");
        }
        return slots;
    }

    int size() {
        return count;
    }

    /** The numbers of the nodes that are no type, in order. */
    int[] others() {
        return others.clone();
    }

    boolean isType(int id) {
        return kind(id) == TYPE;
    }

    private int kind(int id) {
        return bytes.fixed(records + id * RECORD, 1);
    }

    private int dataOf(int id) {
        return data + bytes.fixed(records + id * RECORD + 4, 4);
    }

    private String module(int id) {
        return modules[bytes.fixed(records + id * RECORD + 2, 2)];
    }

    Node node(int id) {
        Node node = decoded[id];
        if (node == null) {
            node = decode(id);
            decoded[id] = node;
        }
        return node;
    }

    private Node decode(int id) {
        int kind = kind(id);
        if (kind == TYPE) { // most nodes: read without a source made for each
            return new Node.Type(new TypeRef(module(id), bytes.textAt(nameStart(id), nameLength(id))));
        }
        try {
            ByteSource at = bytes.at(dataOf(id));
            String path = at.text();
            String displayName = at.text();
            return switch (kind) {
                case MODULE -> new Node.Module(path, displayName);
                case MODULE_TESTS -> new Node.ModuleTests(path, displayName);
                case ARTIFACT -> new Node.Artifact(path, displayName);
                default -> new Node.Structure(path, displayName);
            };
        } catch (CacheFraming.CorruptException e) {
            throw new IllegalStateException("stored graph node " + id + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The type of node {@code id}, which must be a type node. */
    TypeRef type(int id) {
        return ((Node.Type) node(id)).type();
    }

    /** The number of the node of {@code type}, or -1 when the store has none. */
    int findType(TypeRef type) {
        int mask = typeSlots - 1;
        int slot = TypeNumbers.slot(type.hashCode(), mask);
        for (int probe = 0; probe < typeSlots; probe++, slot = (slot + 1) & mask) {
            int id = entry(typeTable, slot);
            if (id < 0) {
                return -1;
            }
            Node known = decoded[id];
            if (known != null ? ((Node.Type) known).type().equals(type)
                    : module(id).equals(type.module()) && nameIs(id, type.name())) {
                return id;
            }
        }
        throw new IllegalStateException("the stored graph's table of types is full");
    }

    /** The node number in {@code slot} of a table, or -1 where it is empty. */
    private int entry(int table, int slot) {
        int entry = bytes.fixed(table + slot * ENTRY, ENTRY);
        if (entry > count || entry > 0 && kind(entry - 1) != TYPE) {
            throw new IllegalStateException("the stored graph's tables name a node out of range: " + entry);
        }
        return entry - 1;
    }

    private boolean nameIs(int id, String name) {
        return bytes.textEquals(nameStart(id), nameLength(id), name);
    }

    /** Where the bytes of node {@code id}'s name (or path) start: after its length, a varint (checked at load). */
    private int nameStart(int id) {
        int at = dataOf(id);
        while ((bytes.fixed(at, 1) & 0x80) != 0) {
            at++;
        }
        return at + 1;
    }

    private int nameLength(int id) {
        return textEnd(dataOf(id), data + dataLength) - nameStart(id);
    }

    /**
     * The type nodes whose simple name is one of {@code words}, by number. Every word is looked up, so this follows
     * the words, not the graph.
     */
    int[] typesNamed(Collection<String> words) {
        int mask = nameSlots - 1;
        int[] found = new int[8];
        int size = 0;
        for (String word : words) {
            int slot = TypeNumbers.slot(word.hashCode(), mask);
            for (int probe = 0; probe < nameSlots; probe++, slot = (slot + 1) & mask) {
                int id = entry(nameTable, slot);
                if (id < 0) {
                    break;
                }
                if (simpleNameIs(id, word)) {
                    if (size == found.length) {
                        found = Arrays.copyOf(found, size * 2);
                    }
                    found[size++] = id;
                }
            }
        }
        int[] ids = Arrays.copyOf(found, size);
        Arrays.sort(ids); // a type has one simple name, so no number is found twice
        return ids;
    }

    private boolean simpleNameIs(int id, String word) {
        int start = nameStart(id);
        int end = start + nameLength(id);
        int simple = start;
        for (int i = start; i < end; i++) {
            if (bytes.fixed(i, 1) == '.') { // no byte of a multi-byte UTF-8 character is a '.'
                simple = i + 1;
            }
        }
        return bytes.textEquals(simple, end - simple, word);
    }

    /** The project supertypes of {@code type}, in the order stored. */
    List<TypeRef> supertypes(TypeRef type) {
        int id = findType(type);
        if (id < 0) {
            return otherSupertypes.getOrDefault(type, List.of());
        }
        try {
            ByteSource at = bytes.at(dataOf(id));
            at.skip(at.count()); // the name
            int supertypes = at.count();
            if (supertypes == 0) {
                return List.of();
            }
            List<TypeRef> list = new ArrayList<>(supertypes);
            for (int i = 0; i < supertypes; i++) {
                list.add(readType(at));
            }
            return list;
        } catch (CacheFraming.CorruptException e) {
            throw new IllegalStateException("stored supertypes of " + type + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Whether {@code type} names a supertype outside the project. */
    boolean namesSupertypeOutside(TypeRef type) {
        int id = findType(type);
        return id < 0 ? otherOutside.contains(type) : (flags(id) & OUTSIDE) != 0;
    }

    /**
     * Whether {@code type} is a stored test class or a project supertype of one, at any depth: what the test engine
     * reads of a type besides its references (its annotations and tags, its test methods), found when the store was
     * written instead of walking up from every test class on each run that patches the graph.
     */
    boolean readByTests(TypeRef type) {
        int id = findType(type);
        return id < 0 ? otherReadByTests.contains(type) : (flags(id) & READ_BY_TESTS) != 0;
    }

    private int flags(int id) {
        return bytes.fixed(records + id * RECORD + 1, 1);
    }

    /**
     * The types with project supertypes, as the store's map held them (in its order: the member-level walk lists
     * subtypes in it). Decoded once asked: only a walk through members asks.
     */
    Set<TypeRef> typesWithSupertypes() {
        Set<TypeRef> types = typesWithSupertypes;
        if (types == null) {
            try {
                ByteSource list = withSupertypes.at(withSupertypes.position());
                int size = list.count();
                // As the stored map was read before the nodes were decoded lazily: a HashMap's keys, put in stored order.
                Map<TypeRef, Boolean> keys = new HashMap<>((size + otherSupertypes.size()) * 2);
                for (int i = 0; i < size; i++) {
                    int id = list.varint();
                    if (id < 0 || id >= count || kind(id) != TYPE) {
                        throw new CacheFraming.CorruptException("a type with supertypes out of range");
                    }
                    keys.put(type(id), Boolean.TRUE);
                }
                otherSupertypes.keySet().forEach(type -> keys.put(type, Boolean.TRUE));
                types = Collections.unmodifiableSet(keys.keySet());
            } catch (CacheFraming.CorruptException e) {
                throw new IllegalStateException("the stored types with supertypes cannot be read: " + e.getMessage(), e);
            }
            typesWithSupertypes = types;
        }
        return types;
    }

    /** A type as {@link #writeType} writes one, read where {@code from} stands: by its node, or by module and name. */
    TypeRef readType(ByteSource from) throws CacheFraming.CorruptException {
        int node = from.varint() - 1;
        if (node < 0) {
            int module = from.varint();
            if (module < 0 || module >= modules.length) {
                throw new CacheFraming.CorruptException("module number out of range");
            }
            return new TypeRef(modules[module], from.text());
        }
        if (node >= count || kind(node) != TYPE) {
            throw new CacheFraming.CorruptException("a type that is no type node");
        }
        return type(node);
    }

    /**
     * Writes {@code graph}'s nodes and the hierarchy of its types.
     *
     * @param supertypes the project supertypes of each declared type that has any (a map: its order is kept)
     * @param outside the declared types that name a supertype outside the project
     * @param tests the test classes, whose types and their supertypes (in {@code supertypes}) are read by tests
     * @param moduleNumber numbers a module in the store's table
     */
    static void write(ByteSink out, Adjacency graph, Map<TypeRef, List<TypeRef>> supertypes, Set<TypeRef> outside,
            Collection<TypeRef> tests, ToIntFunction<String> moduleNumber) {
        Set<TypeRef> readByTests = new HashSet<>();
        List<TypeRef> queue = new ArrayList<>(tests);
        while (!queue.isEmpty()) {
            TypeRef type = queue.remove(queue.size() - 1);
            if (readByTests.add(type)) {
                queue.addAll(supertypes.getOrDefault(type, List.of()));
            }
        }
        int count = graph.size();
        ByteSink records = new ByteSink();
        ByteSink data = new ByteSink();
        int typeSlots = tableSize(count);
        int[] typeTable = new int[typeSlots];
        int[] nameTable = new int[typeSlots];
        for (int id = 0; id < count; id++) {
            Node node = graph.node(id);
            if (node instanceof Node.Type type) {
                TypeRef ref = type.type();
                List<TypeRef> list = supertypes.getOrDefault(ref, List.of());
                int flags = (outside.contains(ref) ? OUTSIDE : 0) | (readByTests.contains(ref) ? READ_BY_TESTS : 0);
                record(records, TYPE, flags, moduleNumber.applyAsInt(ref.module()), data.size());
                data.text(ref.name());
                data.varint(list.size());
                list.forEach(supertype -> writeType(data, supertype, graph, moduleNumber));
                put(typeTable, ref.hashCode(), id);
                put(nameTable, ref.simpleName().hashCode(), id);
            } else if (node instanceof Node.Module module) {
                place(records, data, MODULE, module.path(), module.displayName());
            } else if (node instanceof Node.ModuleTests moduleTests) {
                place(records, data, MODULE_TESTS, moduleTests.path(), moduleTests.displayName());
            } else if (node instanceof Node.Artifact artifact) {
                place(records, data, ARTIFACT, artifact.path(), artifact.displayName());
            } else if (node instanceof Node.Structure structure) {
                place(records, data, STRUCTURE, structure.path(), structure.displayName());
            } else {
                throw new IllegalStateException("a graph node of an unexpected kind: " + node);
            }
        }
        out.varint(count);
        out.raw(records.toBytes());
        out.varint(data.size());
        out.raw(data.toBytes());
        writeTable(out, typeTable);
        writeTable(out, nameTable);
        ByteSink withSupertypes = new ByteSink();
        List<TypeRef> noNode = new ArrayList<>();
        int listed = 0;
        for (TypeRef type : supertypes.keySet()) {
            if (graph.findType(type) >= 0) {
                listed++;
            } else {
                noNode.add(type);
            }
        }
        withSupertypes.varint(listed);
        for (TypeRef type : supertypes.keySet()) {
            int id = graph.findType(type);
            if (id >= 0) {
                withSupertypes.varint(id);
            }
        }
        out.varint(withSupertypes.size());
        out.raw(withSupertypes.toBytes());
        out.varint(noNode.size());
        for (TypeRef type : noNode) {
            writeType(out, type, graph, moduleNumber);
            List<TypeRef> list = supertypes.get(type);
            out.varint(list.size());
            list.forEach(supertype -> writeType(out, supertype, graph, moduleNumber));
        }
        writeNoNode(out, outside, graph, moduleNumber);
        writeNoNode(out, readByTests, graph, moduleNumber);
    }

    /** Those of {@code types} that are no node of {@code graph}, which no flag can mark. */
    private static void writeNoNode(ByteSink out, Set<TypeRef> types, Adjacency graph, ToIntFunction<String> moduleNumber) {
        List<TypeRef> noNode = types.stream().filter(type -> graph.findType(type) < 0).toList();
        out.varint(noNode.size());
        noNode.forEach(type -> writeType(out, type, graph, moduleNumber));
    }

    /** A node that is no type: its record, and its path and display name as its data. */
    private static void place(ByteSink records, ByteSink data, int kind, String path, String displayName) {
        record(records, kind, 0, 0, data.size());
        data.text(path);
        data.text(displayName);
    }

    private static void record(ByteSink records, int kind, int flags, int module, int offset) {
        if (module > 0xFFFF) {
            throw new IllegalStateException("too many modules to store: " + module);
        }
        records.fixed(kind, 1);
        records.fixed(flags, 1);
        records.fixed(module, 2);
        records.fixed(offset, 4);
    }

    /** A type by its node's number plus one where it is a node, else 0 and its module's number and name. */
    static void writeType(ByteSink out, TypeRef type, Adjacency graph, ToIntFunction<String> moduleNumber) {
        int node = graph.findType(type);
        out.varint(node + 1);
        if (node < 0) {
            out.varint(moduleNumber.applyAsInt(type.module()));
            out.text(type.name());
        }
    }

    /** At most half full, so that probes stay short and one slot at least is empty. */
    private static int tableSize(int entries) {
        return Integer.highestOneBit(Math.max(8, entries * 2) - 1) << 1;
    }

    private static void put(int[] table, int hash, int id) {
        int mask = table.length - 1;
        int slot = TypeNumbers.slot(hash, mask);
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = id + 1;
    }

    private static void writeTable(ByteSink out, int[] table) {
        if (table.length / 2 >= 1 << 8 * ENTRY) {
            throw new IllegalStateException("too many nodes to store: " + table.length / 2);
        }
        out.varint(table.length);
        for (int entry : table) {
            out.fixed(entry, ENTRY);
        }
    }
}
