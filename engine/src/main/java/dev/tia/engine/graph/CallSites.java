package dev.tia.engine.graph;

import dev.tia.engine.io.CacheFraming;
import dev.tia.engine.source.Declaration;
import dev.tia.engine.source.DeclaredType;
import dev.tia.engine.source.FileFacts;
import dev.tia.engine.source.IndexedFile;
import dev.tia.engine.source.TypeRef;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A stored graph's calls (see {@link StoredCalls}) with this run's changed files laid over them, for a member-level
 * walk: the types that call a name are the stored ones but those a changed file declares, whose calls are read as
 * they are now; a type's declaration is found through the file its node says declares it. The walk then reads the
 * facts of the files whose types it meets, not of every file.
 *
 * <p>Used only where every stored type is still declared, by the file the patched graph's declaring files say (in this
 * run's numbers): the stored graph served as it is, or patched with references or with types added, whose files are
 * changed files and so read as they are now (see {@link GraphStore}); not once types are removed.
 */
final class CallSites {

    private final StoredCalls.Decoded stored;
    private final Adjacency graph;
    /** By node: the number of the file declaring the type, plus one; 0 for other nodes. */
    private final int[] declaringFile;
    /** This run's files, numbered as stored. */
    private final List<IndexedFile> files;
    /** The numbers of the files whose content differs from the stored one. */
    private final BitSet changed = new BitSet();
    /** Their stored content's facts, in the order of {@code changedFiles}. */
    private final List<FileFacts> before;
    private final List<FileFacts> after = new ArrayList<>();
    /** The types the changed files declare now. */
    private final List<TypeRef> changedTypes = new ArrayList<>();
    private final Map<TypeRef, Optional<Declaration>> declarations = new HashMap<>();
    private List<TypeRef> declaredTypes;

    private CallSites(StoredCalls.Decoded stored, Adjacency graph, int[] declaringFile, List<IndexedFile> files,
            List<Integer> changedFiles, List<FileFacts> before) {
        this.stored = stored;
        this.graph = graph;
        this.declaringFile = declaringFile;
        this.files = files;
        this.before = before;
        for (int number : changedFiles) {
            changed.set(number);
            IndexedFile file = files.get(number);
            after.add(file.facts());
            for (DeclaredType type : file.facts().types()) {
                changedTypes.add(new TypeRef(file.module(), type.name()));
            }
        }
    }

    /**
     * The stored calls decoded for this run, or empty when they are damaged (a number out of range): the walk then
     * reads every file, as it does without a store, and gives the same answer.
     *
     * @param changedFiles the numbers of the files whose content differs from the stored one
     * @param before their stored content's facts, in the same order
     */
    static Optional<CallSites> of(StoredCalls stored, Adjacency graph, int[] declaringFile, List<IndexedFile> files,
            List<Integer> changedFiles, List<FileFacts> before) {
        StoredCalls.Decoded decoded;
        try {
            decoded = stored.decode();
        } catch (CacheFraming.CorruptException e) {
            return Optional.empty();
        }
        // Every caller must be a declared type; the graph's load checked that only types have a declaring file, so
        // numbers suffice here (reading each caller's node object took 25 ms of a body edit at 50k classes).
        for (Map<String, int[]> byReceiver : decoded.callers().values()) {
            for (int[] nodes : byReceiver.values()) {
                for (int node : nodes) {
                    if (node < 0 || node >= declaringFile.length || declaringFile[node] == 0) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.of(new CallSites(decoded, graph, declaringFile, files, changedFiles, before));
    }

    CallIndex.Owners owners() {
        return new CallIndex.Owners() {
            @Override
            public Declaration get(TypeRef type) {
                return declaration(type);
            }

            @Override
            public Collection<TypeRef> types() {
                return declaredTypes();
            }
        };
    }

    private Declaration declaration(TypeRef type) {
        Optional<Declaration> known = declarations.get(type);
        if (known == null) {
            known = find(type);
            declarations.put(type, known);
        }
        return known.orElse(null);
    }

    private Optional<Declaration> find(TypeRef type) {
        int node = graph.findType(type);
        if (node < 0 || declaringFile[node] == 0) {
            return Optional.empty();
        }
        IndexedFile file = files.get(declaringFile[node] - 1);
        if (file.module().equals(type.module())) {
            for (DeclaredType declared : file.facts().types()) {
                if (declared.name().equals(type.name())) {
                    return Optional.of(new Declaration(file, declaringFile[node] - 1, declared));
                }
            }
        }
        return Optional.empty();
    }

    /** Every declared type: each is a node with its declaring file. */
    private List<TypeRef> declaredTypes() {
        if (declaredTypes == null) {
            List<TypeRef> types = new ArrayList<>();
            for (int node = 0; node < graph.size(); node++) {
                if (declaringFile[node] != 0 && graph.node(node) instanceof Node.Type type) {
                    types.add(type.type());
                }
            }
            declaredTypes = types;
        }
        return declaredTypes;
    }

    /**
     * The type nodes whose stored content calls {@code name} on a receiver written as {@code receiver} ("": unknown),
     * but those a changed file declares: its stored calls may be others, and the walk reads every type a changed
     * file declares (see {@link #changedTypes}) as it is now.
     */
    int[] storedCallers(String name, String receiver) {
        return unchanged(stored.callers(name, receiver));
    }

    /** As {@link #storedCallers(String, String)}, on any receiver: each node once. */
    int[] storedCallers(String name) {
        BitSet nodes = new BitSet(graph.size());
        for (int[] receiverCallers : stored.callers(name)) {
            for (int node : receiverCallers) {
                nodes.set(node);
            }
        }
        return unchanged(nodes.stream().toArray());
    }

    private int[] unchanged(int[] nodes) {
        int[] kept = new int[nodes.length];
        int count = 0;
        for (int node : nodes) {
            if (!changed.get(declaringFile[node] - 1)) {
                kept[count++] = node;
            }
        }
        return count == nodes.length ? kept : Arrays.copyOf(kept, count);
    }

    /** The types the changed files declare now, whose calls the walk reads whatever they call. */
    List<TypeRef> changedTypes() {
        return changedTypes;
    }

    /** The type of a node of {@link #storedCallers}. */
    TypeRef type(int node) {
        return ((Node.Type) graph.node(node)).type();
    }

    /**
     * Decodes the facts of the files declaring {@code types} on every core: a walk about to read many of them (a method
     * called from everywhere) would otherwise decode them one at a time, on its own core.
     */
    void prefetch(List<TypeRef> types) {
        types.parallelStream().forEach(type -> {
            int node = graph.findType(type);
            if (node >= 0 && declaringFile[node] > 0) {
                files.get(declaringFile[node] - 1).facts();
            }
        });
    }

    /** The words some file of this run writes in string literals. */
    Set<String> stringWords() {
        return StoredCalls.now(stored.stringWordFiles(), before, after, FileFacts::stringWords);
    }

    /** The simple names some file of this run names by a class literal in an annotation. */
    Set<String> annotationClassNames() {
        return StoredCalls.now(stored.annotationClassNameFiles(), before, after, FileFacts::annotationClassNames);
    }
}
