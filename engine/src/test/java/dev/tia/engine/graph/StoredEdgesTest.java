package dev.tia.engine.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tia.engine.io.ByteSink;
import dev.tia.engine.io.ByteSource;
import dev.tia.engine.source.TypeRef;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * A stored graph's successor lists, decoded as its nodes are first met, are those written: walked, and patched
 * (an edge added, inserted or removed, reference edges replaced) on a list not yet decoded as on one that is.
 */
class StoredEdgesTest {

    private static final TypeRef A = new TypeRef("m", "p.A");
    private static final TypeRef B = new TypeRef("m", "p.B");
    private static final TypeRef C = new TypeRef("m", "p.C");
    private static final TypeRef D = new TypeRef("m", "p.D");

    @Test
    void everyListIsReadAsWritten() throws Exception {
        Adjacency built = built();
        Adjacency stored = stored(built);

        assertEquals(built.size(), stored.size());
        for (int id = 0; id < built.size(); id++) {
            assertEquals(built.node(id), stored.node(id));
            assertEquals(built.referenceEdges(id), stored.referenceEdges(id), "reference edges of " + id);
            assertArrayEquals(Arrays.copyOf(built.successors(id), built.degree(id)),
                    Arrays.copyOf(stored.successors(id), stored.degree(id)), "successors of " + id);
        }
    }

    @Test
    void aListNotYetDecodedIsPatchedAsADecodedOne() throws Exception {
        Adjacency built = built();
        Adjacency decoded = stored(built);
        Adjacency untouched = stored(built);
        for (int id = 0; id < decoded.size(); id++) {
            decoded.degree(id); // every list decoded first
        }
        for (Adjacency graph : List.of(decoded, untouched)) {
            int a = graph.findType(A);
            int b = graph.findType(B);
            int c = graph.findType(C);
            graph.putEdge(b, graph.typeId(D)); // a new node after the stored ones
            graph.insertEdge(c, 1, a); // after its one reference edge, without asking for them first
            graph.removeEdge(a, graph.find(new Node.Module("m", "module m")));
            graph.replaceReferenceEdges(graph.findType(D), new int[] {a});
        }
        assertEquals(successorsOf(decoded), successorsOf(untouched));
        int a = untouched.findType(A);
        assertEquals(List.of(B, C), typesOf(untouched, a), "the module edge after the reference edges removed");
        assertEquals(List.of(A, D), typesOf(untouched, untouched.findType(B)));
        assertEquals(List.of(B, A), typesOf(untouched, untouched.findType(C)), "inserted after the reference edges");
        assertEquals(List.of(A), typesOf(untouched, untouched.findType(D)));
    }

    @Test
    void aSuccessorOutOfRangeIsSaidWhenItsListIsRead() throws Exception {
        Adjacency built = new Adjacency(2);
        built.putEdge(new Node.Type(A), new Node.Type(B));
        built.putEdge(new Node.Type(B), new Node.Type(A));
        ByteSink out = new ByteSink();
        StoredEdges.write(out, built);
        byte[] bytes = out.toBytes();
        // the last byte is B's one successor: point it past the nodes
        bytes[bytes.length - 1] = 0x7F;
        StoredEdges edges = StoredEdges.read(new ByteSource(bytes, 0, bytes.length), built.size());
        assertArrayEquals(new int[] {1}, edges.successors(0));
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> edges.successors(1));
        assertTrue(thrown.getMessage().contains("out of range"), thrown.getMessage());
    }

    /** A -> B, C (reference edges), then A -> module; B -> A; C -> B (reference edge), then C -> module. */
    private static Adjacency built() {
        Adjacency graph = new Adjacency(8);
        graph.putEdge(new Node.Type(A), new Node.Type(B));
        graph.putEdge(new Node.Type(A), new Node.Type(C));
        graph.putEdge(new Node.Type(B), new Node.Type(A));
        graph.putEdge(new Node.Type(C), new Node.Type(B));
        graph.markReferenceEdges();
        graph.putEdge(new Node.Type(A), new Node.Module("m", "module m"));
        graph.putEdge(new Node.Type(C), new Node.Module("m", "module m"));
        return graph;
    }

    private static Adjacency stored(Adjacency graph) throws Exception {
        List<String> modules = new ArrayList<>();
        ByteSink out = new ByteSink();
        StoredNodes.write(out, graph, Map.of(), Set.of(), List.of(), module -> {
            if (!modules.contains(module)) {
                modules.add(module);
            }
            return modules.indexOf(module);
        });
        StoredEdges.write(out, graph);
        byte[] bytes = out.toBytes();
        ByteSource source = new ByteSource(bytes, 0, bytes.length);
        StoredNodes nodes = StoredNodes.read(source, modules.toArray(String[]::new));
        StoredEdges edges = StoredEdges.read(source, nodes.size());
        assertTrue(source.atEnd());
        return Adjacency.of(nodes, edges, new BitSet());
    }

    private static List<List<Node>> successorsOf(Adjacency graph) {
        List<List<Node>> all = new ArrayList<>();
        for (int id = 0; id < graph.size(); id++) {
            List<Node> successors = new ArrayList<>();
            for (int i = 0; i < graph.degree(id); i++) {
                successors.add(graph.node(graph.successors(id)[i]));
            }
            all.add(successors);
        }
        return all;
    }

    private static List<TypeRef> typesOf(Adjacency graph, int id) {
        List<TypeRef> types = new ArrayList<>();
        for (int i = 0; i < graph.degree(id); i++) {
            if (graph.node(graph.successors(id)[i]) instanceof Node.Type type) {
                types.add(type.type());
            }
        }
        return types;
    }
}
