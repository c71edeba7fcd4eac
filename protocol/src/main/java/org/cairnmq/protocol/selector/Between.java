package org.cairnmq.protocol.selector;

/**
 * {@code value [NOT] BETWEEN low AND high}, evaluated as the specification's equivalences:
 * {@code low <= value AND value <= high}, and for NOT BETWEEN {@code value < low OR value > high}.
 *
 * <p>Design note: NOT BETWEEN is the spec's disjunction, not the negation of BETWEEN. The two differ
 * for a value of another type: a string is neither between two numbers nor outside them (FALSE both
 * ways), just as the spec's expansions give.
 */
final class Between implements Condition {

    private final Expression value;
    private final Expression low;
    private final Expression high;
    private final boolean negated;
    private final int depth;

    Between(Expression value, Expression low, Expression high, boolean negated) {
        this.value = value;
        this.low = low;
        this.high = high;
        this.negated = negated;
        this.depth = Nodes.depthOver(value, low, high);
    }

    @Override
    public Ternary test(PropertySource source) {
        Object subject = value.evaluate(source);
        if (subject == null) {
            return Ternary.UNKNOWN;
        }
        Object lowValue = low.evaluate(source);
        Object highValue = high.evaluate(source);
        if (negated) {
            return Values.compare(ComparisonOperator.LESS, subject, lowValue)
                    .or(Values.compare(ComparisonOperator.GREATER, subject, highValue));
        }
        return Values.compare(ComparisonOperator.GREATER_OR_EQUAL, subject, lowValue)
                .and(Values.compare(ComparisonOperator.LESS_OR_EQUAL, subject, highValue));
    }

    @Override
    public int depth() {
        return depth;
    }
}
