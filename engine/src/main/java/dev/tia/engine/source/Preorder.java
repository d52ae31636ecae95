package dev.tia.engine.source;

import com.github.javaparser.ast.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * The nodes of a syntax tree in pre-order, collected in one walk. Filtering them by kind gives what
 * {@link Node#findAll(Class)} gives, the same nodes in the same order, without walking the tree again: the analyzer
 * asks for a dozen kinds per file and five per method body, and each of JavaParser's walks allocates as it visits
 * every node (most of a cold run's 40 GB of garbage at 50k classes).
 */
final class Preorder {

    private final List<Node> nodes;

    private Preorder(List<Node> nodes) {
        this.nodes = nodes;
    }

    /** {@code root} and every node below it, in the order {@link Node#findAll(Class)} visits them. */
    static Preorder of(Node root) {
        List<Node> nodes = new ArrayList<>();
        root.walk(Node.TreeTraversal.PREORDER, nodes::add);
        return new Preorder(nodes);
    }

    /** The nodes of {@code kind} (subclasses included), in pre-order: {@code root.findAll(kind)}. */
    <T extends Node> List<T> all(Class<T> kind) {
        List<T> found = new ArrayList<>();
        for (Node node : nodes) {
            if (kind.isInstance(node)) {
                found.add(kind.cast(node));
            }
        }
        return found;
    }
}
