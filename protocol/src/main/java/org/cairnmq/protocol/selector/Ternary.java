package org.cairnmq.protocol.selector;

/**
 * The three truth values of SQL-92 logic that selector conditions evaluate to.
 *
 * <p>The {@link #and}, {@link #or} and {@link #not} operations follow tables 3-4, 3-5 and 3-6 of the
 * Jakarta Messaging specification (section 3.8.1.2 "Null values").
 */
enum Ternary {
    TRUE,
    FALSE,
    UNKNOWN;

    static Ternary of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** Maps a value to a truth value: a {@link Boolean} to itself, anything else to UNKNOWN. */
    static Ternary ofValue(Object value) {
        if (value instanceof Boolean) {
            return of((Boolean) value);
        }
        return UNKNOWN;
    }

    Ternary and(Ternary other) {
        if (this == FALSE || other == FALSE) {
            return FALSE;
        }
        return this == TRUE && other == TRUE ? TRUE : UNKNOWN;
    }

    Ternary or(Ternary other) {
        if (this == TRUE || other == TRUE) {
            return TRUE;
        }
        return this == FALSE && other == FALSE ? FALSE : UNKNOWN;
    }

    Ternary not() {
        switch (this) {
            case TRUE:
                return FALSE;
            case FALSE:
                return TRUE;
            default:
                return UNKNOWN;
        }
    }

    /** Returns the value form: {@link Boolean#TRUE}, {@link Boolean#FALSE} or {@code null} for UNKNOWN. */
    Boolean toBoolean() {
        switch (this) {
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }
}
