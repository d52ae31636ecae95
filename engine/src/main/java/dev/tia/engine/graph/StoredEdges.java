package dev.tia.engine.graph;

import dev.tia.engine.io.ByteSink;
import dev.tia.engine.io.ByteSource;
import dev.tia.engine.io.CacheFraming;

/**
 * A stored graph's successor lists, each decoded when a run first walks or patches its node: a run the store serves
 * walks from its change alone, and decoding every list (some 300k numbers at 50k classes, into 70k arrays) was most
 * of what reading the graph cost it beside the nodes (see {@link StoredNodes}).
 *
 * <p>Layout: an offset per node (4 bytes) into the lists; then the lists' length in bytes and the lists, each its
 * successor count, its count of reference edges (see {@link Adjacency#referenceEdges}) and its successors' numbers,
 * as varints. A number out of range is found when its list is decoded, and said plainly: the checksum guards against
 * damage, and only a wrong writer could leave one.
 */
final class StoredEdges {

    private static final int OFFSET = 4;

    private final ByteSource bytes;
    private final int count;
    private final int offsets;
    private final int lists;

    private StoredEdges(ByteSource bytes, int count) throws CacheFraming.CorruptException {
        this.bytes = bytes;
        this.count = count;
        offsets = bytes.position();
        bytes.skip(count * OFFSET);
        int length = bytes.count();
        lists = bytes.position();
        bytes.skip(length);
    }

    /** Reads the lists of {@code count} nodes where {@code bytes} stands, and moves past them. */
    static StoredEdges read(ByteSource bytes, int count) throws CacheFraming.CorruptException {
        return new StoredEdges(bytes, count);
    }

    /** Node {@code id}'s successors (as many as the array is long), in the order stored; its reference edges first. */
    int[] successors(int id) {
        try {
            ByteSource list = list(id);
            int degree = list.count();
            list.varint(); // the reference edges' count
            int[] successors = new int[degree];
            for (int i = 0; i < degree; i++) {
                int successor = list.varint();
                if (successor < 0 || successor >= count) {
                    throw new CacheFraming.CorruptException("a successor out of range");
                }
                successors[i] = successor;
            }
            return successors;
        } catch (CacheFraming.CorruptException e) {
            throw damaged(id, e);
        }
    }

    /** How many of node {@code id}'s first successors are reference edges. */
    int referenceEdges(int id) {
        try {
            ByteSource list = list(id);
            int degree = list.count();
            int references = list.varint();
            if (references < 0 || references > degree) {
                throw new CacheFraming.CorruptException("more reference edges than edges");
            }
            return references;
        } catch (CacheFraming.CorruptException e) {
            throw damaged(id, e);
        }
    }

    private ByteSource list(int id) throws CacheFraming.CorruptException {
        return bytes.at(lists + bytes.fixed(offsets + id * OFFSET, OFFSET));
    }

    private static IllegalStateException damaged(int id, CacheFraming.CorruptException e) {
        return new IllegalStateException("the stored graph's edges of node " + id + " cannot be read (" + e.getMessage()
                + "); delete the cache folder to build it again", e);
    }

    /** Writes the successor lists of {@code graph}'s nodes. */
    static void write(ByteSink out, Adjacency graph) {
        ByteSink lists = new ByteSink();
        for (int id = 0; id < graph.size(); id++) {
            out.fixed(lists.size(), OFFSET);
            int degree = graph.degree(id);
            int[] successors = graph.successors(id);
            lists.varint(degree);
            lists.varint(graph.referenceEdges(id));
            for (int i = 0; i < degree; i++) {
                lists.varint(successors[i]);
            }
        }
        out.varint(lists.size());
        out.raw(lists.toBytes());
    }
}
