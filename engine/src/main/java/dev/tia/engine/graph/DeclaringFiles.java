package dev.tia.engine.graph;

import java.util.Arrays;

/**
 * By node, the number (plus one) of the file in the index that declares each type, 0 for other nodes; and whether
 * each type is declared by one file only (two declare it while a file is being moved, invalid code whose reference
 * edges could come from either). What the stored graph keeps beside its edges (see {@link GraphStore}).
 *
 * <p>A build notes them as it numbers the types, file by file: found again after it by looking up every declared type
 * of every file in the graph, they took 80-140 ms of a warm run's store at 50k classes.
 */
final class DeclaringFiles {

    private int[] byNode;
    private boolean once = true;

    DeclaringFiles(int expectedTypes) {
        this.byNode = new int[Math.max(16, expectedTypes)];
    }

    /** Notes that file {@code number} (counted from 1, in the index's order) declares the type of {@code node}. */
    void declare(int node, int number) {
        if (node >= byNode.length) {
            byNode = Arrays.copyOf(byNode, Math.max(node + 1, byNode.length * 2));
        }
        once &= byNode[node] == 0;
        byNode[node] = number;
    }

    /** Whether no type was declared by two files. */
    boolean once() {
        return once;
    }

    /** By node, for a graph of {@code size} nodes. */
    int[] byNode(int size) {
        return Arrays.copyOf(byNode, size);
    }
}
