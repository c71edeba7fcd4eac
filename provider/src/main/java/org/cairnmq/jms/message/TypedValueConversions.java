package org.cairnmq.jms.message;

import jakarta.jms.MessageFormatException;

/**
 * The conversion table of the specification (Jakarta Messaging 3.1, table 3-7) shared by
 * {@code StreamMessage}, {@code MapMessage} and, restricted to the types a property may hold, by
 * message properties (table 3-2).
 *
 * <pre>
 * written as \ read as | boolean byte short char int long float double String byte[]
 * ---------------------+----------------------------------------------------------
 * boolean              |    X                                           X
 * byte                 |          X     X        X   X                  X
 * short                |                X        X   X                  X
 * char                 |                     X                          X
 * int                  |                         X   X                  X
 * long                 |                             X                  X
 * float                |                                  X     X       X
 * double               |                                        X       X
 * String               |    X     X     X        X   X    X     X       X
 * byte[]               |                                                       X
 * </pre>
 *
 * <p>Every unmarked cell throws {@link MessageFormatException}. A {@code String} is converted with the
 * target's {@code valueOf(String)}, whose {@link NumberFormatException} propagates unchanged. A
 * {@code null} value (a missing property or map entry, or a null stream field) is read as if
 * {@code valueOf((String) null)} were called: {@code false} for boolean, {@link NumberFormatException}
 * for the integral types, {@link NullPointerException} for float, double and char.
 */
public final class TypedValueConversions {

    private TypedValueConversions() {
    }

    /**
     * Whether a value may be stored in a {@code StreamMessage} or {@code MapMessage}: null, a primitive
     * wrapper, a {@code String} or a {@code byte[]}.
     *
     * @param value the candidate value
     * @return true when the table above has a row for it
     */
    public static boolean isBodyValue(Object value) {
        return value == null || value instanceof byte[] || isPropertyValue(value)
            || value instanceof Character;
    }

    /**
     * Whether a value may be a message property: a primitive wrapper other than {@code Character}, or
     * a {@code String}.
     *
     * @param value the candidate value, not null
     * @return true when it may be set with {@code setObjectProperty}
     */
    public static boolean isPropertyValue(Object value) {
        return value instanceof Boolean || value instanceof Byte || value instanceof Short
            || value instanceof Integer || value instanceof Long || value instanceof Float
            || value instanceof Double || value instanceof String;
    }

    /**
     * Reads a value as a boolean.
     *
     * @param value a stored value or null
     * @return the converted value
     * @throws MessageFormatException if the table has no such conversion
     */
    public static boolean toBoolean(Object value) throws MessageFormatException {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value == null || value instanceof String) {
            return Boolean.valueOf((String) value);
        }
        throw MessageErrors.invalidConversion(value, "boolean");
    }

    /**
     * Reads a value as a byte.
     *
     * @param value a stored value or null
     * @return the converted value
     * @throws MessageFormatException if the table has no such conversion
     */
    public static byte toByte(Object value) throws MessageFormatException {
        if (value instanceof Byte b) {
            return b;
        }
        if (value == null || value instanceof String) {
            return Byte.valueOf((String) value);
        }
        throw MessageErrors.invalidConversion(value, "byte");
    }

    /**
     * Reads a value as a short.
     *
     * @param value a stored value or null
     * @return the converted value
     * @throws MessageFormatException if the table has no such conversion
     */
    public static short toShort(Object value) throws MessageFormatException {
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).shortValue();
        }
        if (value == null || value instanceof String) {
            return Short.valueOf((String) value);
        }
        throw MessageErrors.invalidConversion(value, "short");
    }

    /**
     * Reads a value as a char; only a char converts, and a null value throws
     * {@link NullPointerException} as the specification requires.
     *
     * @param value a stored value or null
     * @return the converted value
     * @throws MessageFormatException if the table has no such conversion
     */
    public static char toChar(Object value) throws MessageFormatException {
        if (value instanceof Character c) {
            return c;
        }
        if (value == null) {
            throw new NullPointerException("CAIRN-M013: a null value cannot be read as a char");
        }
        throw MessageErrors.invalidConversion(value, "char");
    }

    /**
     * Reads a value as an int.
     *
     * @param value a stored value or null
     * @return the converted value
     * @throws MessageFormatException if the table has no such conversion
     */
    public static int toInt(Object value) throws MessageFormatException {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value == null || value instanceof String) {
            return Integer.valueOf((String) value);
        }
        throw MessageErrors.invalidConversion(value, "int");
    }

    /**
     * Reads a value as a long.
     *
     * @param value a stored value or null
     * @return the converted value
     * @throws MessageFormatException if the table has no such conversion
     */
    public static long toLong(Object value) throws MessageFormatException {
        if (value instanceof Long || value instanceof Integer || value instanceof Short
            || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value == null || value instanceof String) {
            return Long.valueOf((String) value);
        }
        throw MessageErrors.invalidConversion(value, "long");
    }

    /**
     * Reads a value as a float.
     *
     * @param value a stored value or null
     * @return the converted value
     * @throws MessageFormatException if the table has no such conversion
     */
    public static float toFloat(Object value) throws MessageFormatException {
        if (value instanceof Float f) {
            return f;
        }
        if (value == null || value instanceof String) {
            return Float.valueOf((String) value);
        }
        throw MessageErrors.invalidConversion(value, "float");
    }

    /**
     * Reads a value as a double.
     *
     * @param value a stored value or null
     * @return the converted value
     * @throws MessageFormatException if the table has no such conversion
     */
    public static double toDouble(Object value) throws MessageFormatException {
        if (value instanceof Double || value instanceof Float) {
            return ((Number) value).doubleValue();
        }
        if (value == null || value instanceof String) {
            return Double.valueOf((String) value);
        }
        throw MessageErrors.invalidConversion(value, "double");
    }

    /**
     * Reads a value as a String; null stays null, and every type but {@code byte[]} converts.
     *
     * @param value a stored value or null
     * @return the converted value, or null
     * @throws MessageFormatException if the value is a {@code byte[]}
     */
    public static String toStringValue(Object value) throws MessageFormatException {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[]) {
            throw MessageErrors.invalidConversion(value, "String");
        }
        return value.toString();
    }

    /**
     * Reads a value as a byte array, returning a copy; null stays null.
     *
     * @param value a stored value or null
     * @return a copy of the array, or null
     * @throws MessageFormatException if the value is not a {@code byte[]}
     */
    public static byte[] toBytes(Object value) throws MessageFormatException {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        throw MessageErrors.invalidConversion(value, "byte[]");
    }

    /**
     * Returns the value to hand out or to store: a copy for a {@code byte[]}, the value itself for
     * the immutable types.
     *
     * @param value a stored value or null
     * @return a value no caller can change under the message
     */
    public static Object copyOf(Object value) {
        return value instanceof byte[] bytes ? bytes.clone() : value;
    }
}
