package org.cairnmq.protocol.selector;

import java.util.List;

/**
 * {@code a AND b AND ...} per table 3-4, evaluated left to right and stopping at the first FALSE.
 *
 * <p>Design note: a chain is one node with an operand array rather than a left-deep tree of binary
 * nodes, so that a long generated selector ({@code id = 1 AND id = 2 AND ...}) is evaluated in a
 * loop instead of one stack frame per operand.
 */
final class And implements Condition {

    private final Condition[] operands;
    private final int depth;

    And(List<Condition> operands) {
        this.operands = operands.toArray(new Condition[0]);
        this.depth = Nodes.depthOver(this.operands);
    }

    @Override
    public Ternary test(PropertySource source) {
        Ternary result = Ternary.TRUE;
        for (Condition operand : operands) {
            Ternary value = operand.test(source);
            if (value == Ternary.FALSE) {
                return Ternary.FALSE;
            }
            result = result.and(value);
        }
        return result;
    }

    @Override
    public int depth() {
        return depth;
    }
}
