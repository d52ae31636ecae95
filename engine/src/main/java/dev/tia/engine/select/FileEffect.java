package dev.tia.engine.select;

import com.google.common.collect.ImmutableList;

import dev.tia.engine.graph.Node;

/**
 * How one path of a change enters the analysis.
 *
 * @param description why, in words, for reports and run-all reasons
 * @param seeds the graph nodes it touches directly
 */
public record FileEffect(String path, Effect effect, String description, ImmutableList<Node> seeds) {

    static FileEffect of(String path, Effect effect, String description, Node... seeds) {
        return new FileEffect(path, effect, description, ImmutableList.copyOf(seeds));
    }

    public Node.File fileNode() {
        return new Node.File(path);
    }
}
