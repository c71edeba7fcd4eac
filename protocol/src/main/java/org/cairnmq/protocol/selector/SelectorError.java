package org.cairnmq.protocol.selector;

/**
 * Why a selector was rejected. Each constant has a stable numeric id that user-facing messages and
 * logs can carry across releases; the description is the start of the exception message.
 */
public enum SelectorError {
    /** A character that cannot start any token, such as {@code !} or {@code #}. */
    UNEXPECTED_CHARACTER(1, "Unexpected character"),
    /** A string literal without its closing quote. */
    UNTERMINATED_STRING(2, "Unterminated string literal"),
    /** A malformed numeric literal, such as {@code 12abc}, {@code 1.2.3} or {@code 09}. */
    INVALID_NUMBER(3, "Invalid numeric literal"),
    /** A numeric literal outside the range of a Java {@code long} or {@code double}. */
    NUMBER_OUT_OF_RANGE(4, "Numeric literal out of range"),
    /** A token where the grammar does not allow it. */
    UNEXPECTED_TOKEN(5, "Unexpected token"),
    /** The selector ends in the middle of an expression. */
    UNEXPECTED_END(6, "Unexpected end of selector"),
    /** A reserved word ({@code NOT}, {@code AND}, {@code IN}, ...) where an identifier is expected. */
    RESERVED_WORD(7, "Reserved word"),
    /** {@code NULL} anywhere other than in {@code IS [NOT] NULL}. */
    MISPLACED_NULL(8, "NULL is only allowed in IS NULL and IS NOT NULL"),
    /** An operand whose literal type the operator never accepts, such as {@code 'a' + 1}. */
    TYPE_MISMATCH(9, "Operand type not allowed"),
    /** An expression used as a condition that can never be one, such as {@code 3 + 4}. */
    NOT_A_CONDITION(10, "Expression is not a conditional expression"),
    /** The left side of {@code LIKE}, {@code IN} or {@code IS NULL} is not an identifier. */
    IDENTIFIER_REQUIRED(11, "Identifier required"),
    /** An {@code ESCAPE} that is not a single character, or a pattern ending in its escape. */
    INVALID_ESCAPE(12, "Invalid escape"),
    /** Parentheses, NOT or signs nested, or operators chained, beyond what the evaluator allows. */
    TOO_DEEP(13, "Selector nests too deeply");

    private final int id;
    private final String description;

    SelectorError(int id, String description) {
        this.id = id;
        this.description = description;
    }

    /** Returns the stable id of this error. */
    public int id() {
        return id;
    }

    /** Returns a short description, the start of the exception message. */
    public String description() {
        return description;
    }
}
