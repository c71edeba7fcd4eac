package org.cairnmq.protocol.selector;

/**
 * A node of a compiled selector that produces a value.
 *
 * <p>Implementations are immutable and safe to share between threads.
 */
interface Expression {

    /**
     * Evaluates this node against one message.
     *
     * @return a {@link Boolean}, {@link Byte}, {@link Short}, {@link Integer}, {@link Long},
     *     {@link Float}, {@link Double} or {@link String}, or {@code null} for the selector's unknown
     */
    Object evaluate(PropertySource source);

    /** Returns the type this node is known to produce before evaluation. */
    ValueType type();

    /**
     * Returns the height of the tree under this node, 1 for a leaf. The parser bounds it, because
     * evaluation recurses once per level.
     */
    default int depth() {
        return 1;
    }
}
