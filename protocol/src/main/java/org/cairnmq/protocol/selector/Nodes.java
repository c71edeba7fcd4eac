package org.cairnmq.protocol.selector;

/** Helpers shared by the evaluator nodes. */
final class Nodes {

    private Nodes() {
    }

    /** Returns the depth of a node over the given children: one more than the deepest child. */
    static int depthOver(Expression... children) {
        int deepest = 0;
        for (Expression child : children) {
            deepest = Math.max(deepest, child.depth());
        }
        return deepest + 1;
    }
}
