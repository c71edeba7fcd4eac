package org.cairnmq.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message whose body is a set of named primitive, {@code String} and {@code byte[]} values, read
 * back through the conversion table of {@link TypedValueConversions}. An empty map is an empty body.
 */
public class CairnMapMessage extends CairnMessage implements MapMessage {

    private final Map<String, Object> entries = new LinkedHashMap<>();

    /** Creates a map message with no entries. */
    public CairnMapMessage() {
    }

    @Override
    public boolean getBoolean(String name) throws JMSException {
        return TypedValueConversions.toBoolean(entries.get(name));
    }

    @Override
    public byte getByte(String name) throws JMSException {
        return TypedValueConversions.toByte(entries.get(name));
    }

    @Override
    public short getShort(String name) throws JMSException {
        return TypedValueConversions.toShort(entries.get(name));
    }

    @Override
    public char getChar(String name) throws JMSException {
        return TypedValueConversions.toChar(entries.get(name));
    }

    @Override
    public int getInt(String name) throws JMSException {
        return TypedValueConversions.toInt(entries.get(name));
    }

    @Override
    public long getLong(String name) throws JMSException {
        return TypedValueConversions.toLong(entries.get(name));
    }

    @Override
    public float getFloat(String name) throws JMSException {
        return TypedValueConversions.toFloat(entries.get(name));
    }

    @Override
    public double getDouble(String name) throws JMSException {
        return TypedValueConversions.toDouble(entries.get(name));
    }

    @Override
    public String getString(String name) throws JMSException {
        return TypedValueConversions.toStringValue(entries.get(name));
    }

    @Override
    public byte[] getBytes(String name) throws JMSException {
        return TypedValueConversions.toBytes(entries.get(name));
    }

    @Override
    public Object getObject(String name) {
        return TypedValueConversions.copyOf(entries.get(name));
    }

    @Override
    public Enumeration<String> getMapNames() {
        return Collections.enumeration(new ArrayList<>(entries.keySet()));
    }

    @Override
    public void setBoolean(String name, boolean value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setByte(String name, byte value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setShort(String name, short value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setChar(String name, char value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setInt(String name, int value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setLong(String name, long value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setFloat(String name, float value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setDouble(String name, double value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setString(String name, String value) throws JMSException {
        put(name, value);
    }

    /** Sets a copy of the array; a null array is stored as a null value. */
    @Override
    public void setBytes(String name, byte[] value) throws JMSException {
        put(name, value == null ? null : value.clone());
    }

    /** Sets a copy of the given range of the array. */
    @Override
    public void setBytes(String name, byte[] value, int offset, int length) throws JMSException {
        byte[] range = new byte[length];
        System.arraycopy(value, offset, range, 0, length);
        put(name, range);
    }

    /**
     * Sets a wrapper, {@code String}, {@code byte[]} (copied) or null value.
     *
     * @throws jakarta.jms.MessageFormatException if the value is of any other class
     */
    @Override
    public void setObject(String name, Object value) throws JMSException {
        checkName(name);
        checkBodyWritable();
        if (!TypedValueConversions.isBodyValue(value)) {
            throw MessageErrors.unsupportedValueType(value);
        }
        entries.put(name, TypedValueConversions.copyOf(value));
    }

    @Override
    public boolean itemExists(String name) {
        return entries.containsKey(name);
    }

    /**
     * Returns the entries in insertion order, for encoding; {@code byte[]} values are not copied.
     *
     * @return a read-only view of the entries
     */
    public Map<String, Object> entries() {
        return Collections.unmodifiableMap(entries);
    }

    @Override
    protected boolean hasNoBody() {
        return entries.isEmpty();
    }

    @Override
    protected Object bodyValue() {
        Map<String, Object> copy = new LinkedHashMap<>();
        entries.forEach((name, value) -> copy.put(name, TypedValueConversions.copyOf(value)));
        return copy;
    }

    /**
     * The body type is {@link Map} whatever map holds the copy, so only {@code Map} and
     * {@code Object} are assignable, as the specification lists.
     */
    @Override
    protected boolean isAssignable(Class<?> type, Object body) {
        return type.isAssignableFrom(Map.class);
    }

    @Override
    protected void clearBodyContent() {
        entries.clear();
    }

    private void put(String name, Object value) throws JMSException {
        checkName(name);
        checkBodyWritable();
        entries.put(name, value);
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw MessageErrors.invalidName("map entry", name, "a name must not be null or empty");
        }
    }
}
