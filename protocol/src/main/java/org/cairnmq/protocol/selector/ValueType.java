package org.cairnmq.protocol.selector;

/**
 * What the parser knows about the type of an expression before any message is seen. Used only to
 * reject selectors that can never be meaningful, such as {@code 'abc' + 1} or {@code 3 + 4}.
 */
enum ValueType {
    /** A conditional expression or a boolean literal. */
    BOOLEAN,
    /** An arithmetic expression or a numeric literal. */
    NUMERIC,
    /** A string literal. */
    STRING,
    /** An identifier: its type is that of the value the message carries. */
    ANY
}
