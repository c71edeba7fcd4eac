package org.cairnmq.protocol.selector;

import java.util.List;
import java.util.Set;

/**
 * {@code identifier [NOT] IN ('a', 'b', ...)}. UNKNOWN when the identifier is NULL; otherwise the
 * spec's equivalence {@code (x = 'a') OR (x = 'b') ...}, negated for NOT IN. A value that is not a
 * string equals none of the strings, so IN is FALSE and NOT IN is TRUE for it.
 */
final class InList implements Condition {

    private final Identifier identifier;
    private final Set<String> strings;
    private final boolean negated;

    InList(Identifier identifier, List<String> strings, boolean negated) {
        this.identifier = identifier;
        this.strings = Set.copyOf(strings);
        this.negated = negated;
    }

    @Override
    public Ternary test(PropertySource source) {
        Object value = identifier.evaluate(source);
        if (value == null) {
            return Ternary.UNKNOWN;
        }
        boolean member = value instanceof String && strings.contains(value);
        return Ternary.of(member != negated);
    }
}
