package org.cairnmq.protocol.selector;

import java.util.List;

/**
 * {@code a OR b OR ...} per table 3-5, evaluated left to right and stopping at the first TRUE. A
 * chain is one node, as for {@link And}.
 */
final class Or implements Condition {

    private final Condition[] operands;
    private final int depth;

    Or(List<Condition> operands) {
        this.operands = operands.toArray(new Condition[0]);
        this.depth = Nodes.depthOver(this.operands);
    }

    @Override
    public Ternary test(PropertySource source) {
        Ternary result = Ternary.FALSE;
        for (Condition operand : operands) {
            Ternary value = operand.test(source);
            if (value == Ternary.TRUE) {
                return Ternary.TRUE;
            }
            result = result.or(value);
        }
        return result;
    }

    @Override
    public int depth() {
        return depth;
    }
}
