package dev.tia.engine.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tia.engine.io.ByteSink;
import dev.tia.engine.io.ByteSource;
import dev.tia.engine.io.CacheFraming;
import dev.tia.engine.source.TypeRef;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The stored nodes answer every lookup as the graph they were written from, reading only what is asked. */
class StoredNodesTest {

    private static final TypeRef ORDER = new TypeRef("shop", "com.shop.Order");
    private static final TypeRef ORDER_LINE = new TypeRef("shop", "com.shop.Order.Line");
    private static final TypeRef BILLING_ORDER = new TypeRef("billing", "com.billing.Order");
    private static final TypeRef BASE_TEST = new TypeRef("shop", "com.shop.BaseTest");
    private static final TypeRef ORDER_TEST = new TypeRef("shop", "com.shop.OrderTest");
    private static final TypeRef UNICODE = new TypeRef("shop", "com.shop.Bestellübersicht");
    /** A supertype the graph has no node for, which the writer must still keep. */
    private static final TypeRef NO_NODE = new TypeRef("shop", "com.shop.Gone");

    private final List<String> modules = new ArrayList<>();

    @Test
    void everyNodeAndTypeIsFoundAsWritten() throws Exception {
        Adjacency graph = graph();
        StoredNodes stored = stored(graph);

        assertEquals(graph.size(), stored.size());
        for (int id = 0; id < graph.size(); id++) {
            assertEquals(graph.node(id), stored.node(id), "node " + id);
            if (graph.node(id) instanceof Node.Type type) {
                assertEquals(id, stored.findType(type.type()), type.toString());
                assertTrue(stored.isType(id));
            } else {
                assertFalse(stored.isType(id));
            }
        }
        assertEquals(-1, stored.findType(new TypeRef("billing", "com.shop.Order")), "same name, other module");
        assertEquals(-1, stored.findType(new TypeRef("shop", "com.shop.Orde")));
        assertEquals(-1, stored.findType(NO_NODE));
        int[] others = stored.others();
        assertEquals(2, others.length);
        for (int id : others) {
            assertFalse(graph.node(id) instanceof Node.Type);
        }
    }

    @Test
    void typesAreFoundBySimpleNameInTheOrderOfTheirNumbers() throws Exception {
        Adjacency graph = graph();
        StoredNodes stored = stored(graph);

        assertArrayEquals(new int[] {graph.findType(ORDER), graph.findType(BILLING_ORDER)}, stored.typesNamed(Set.of("Order")));
        assertArrayEquals(new int[] {graph.findType(ORDER_LINE)}, stored.typesNamed(Set.of("Line")));
        assertArrayEquals(new int[] {graph.findType(UNICODE)}, stored.typesNamed(Set.of("Bestellübersicht")));
        assertArrayEquals(new int[0], stored.typesNamed(Set.of("shop", "com", "Orde", "")));
        // a node that is no type has no simple name, though its path is a word
        assertArrayEquals(new int[0], stored.typesNamed(Set.of("shop-module")));
    }

    @Test
    void theHierarchyIsReadTypeByType() throws Exception {
        Adjacency graph = graph();
        StoredNodes stored = stored(graph);

        assertEquals(List.of(ORDER, NO_NODE), stored.supertypes(ORDER_LINE), "in order, a type without a node kept");
        assertEquals(List.of(BASE_TEST), stored.supertypes(ORDER_TEST));
        assertEquals(List.of(ORDER), stored.supertypes(NO_NODE), "the supertypes of a type without a node");
        assertEquals(List.of(), stored.supertypes(ORDER));
        assertEquals(List.of(), stored.supertypes(new TypeRef("shop", "com.shop.Unknown")));
        assertTrue(stored.namesSupertypeOutside(ORDER));
        assertTrue(stored.namesSupertypeOutside(NO_NODE));
        assertFalse(stored.namesSupertypeOutside(ORDER_LINE));
        assertEquals(Set.of(ORDER_LINE, ORDER_TEST, NO_NODE), stored.typesWithSupertypes());
    }

    @Test
    void testClassesAndTheirAncestorsAreMarkedReadByTests() throws Exception {
        StoredNodes stored = stored(graph());

        assertTrue(stored.readByTests(ORDER_TEST));
        assertTrue(stored.readByTests(BASE_TEST));
        assertFalse(stored.readByTests(ORDER));
        assertFalse(stored.readByTests(ORDER_LINE));
    }

    @Test
    void aRecordPointingOutsideTheDataIsDamageWhenRead() {
        Adjacency graph = graph();
        byte[] bytes = written(graph);
        // the first record's data offset (bytes 4-7 after the count's one byte) pointed past the data
        bytes[1 + 4] = (byte) 0x7F;
        assertThrows(CacheFraming.CorruptException.class,
                () -> StoredNodes.read(new ByteSource(bytes, 0, bytes.length), modules.toArray(String[]::new)));
    }

    private Adjacency graph() {
        Adjacency graph = new Adjacency(8);
        graph.putEdge(new Node.Type(ORDER), new Node.Type(ORDER_LINE));
        graph.putEdge(new Node.Type(ORDER_LINE), new Node.Type(ORDER_TEST));
        graph.putEdge(new Node.Type(BILLING_ORDER), new Node.Module("billing", "billing-module"));
        graph.putEdge(new Node.Type(BASE_TEST), new Node.ModuleTests("shop", "shop-module"));
        graph.putEdge(new Node.Type(UNICODE), new Node.Type(ORDER));
        return graph;
    }

    private byte[] written(Adjacency graph) {
        Map<TypeRef, List<TypeRef>> supertypes = new LinkedHashMap<>();
        supertypes.put(ORDER_LINE, List.of(ORDER, NO_NODE));
        supertypes.put(ORDER_TEST, List.of(BASE_TEST));
        supertypes.put(NO_NODE, List.of(ORDER));
        Set<TypeRef> outside = new HashSet<>(Set.of(ORDER, NO_NODE));
        ByteSink out = new ByteSink();
        modules.clear();
        StoredNodes.write(out, graph, supertypes, outside, List.of(ORDER_TEST), module -> {
            if (!modules.contains(module)) {
                modules.add(module);
            }
            return modules.indexOf(module);
        });
        return out.toBytes();
    }

    private StoredNodes stored(Adjacency graph) throws CacheFraming.CorruptException {
        byte[] bytes = written(graph);
        ByteSource source = new ByteSource(bytes, 0, bytes.length);
        StoredNodes stored = StoredNodes.read(source, modules.toArray(String[]::new));
        assertTrue(source.atEnd(), "read to its end");
        return stored;
    }
}
