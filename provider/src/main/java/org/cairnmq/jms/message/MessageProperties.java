package org.cairnmq.jms.message;

import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The property entries of one message and their read-only state.
 *
 * <p>Values are held as the wrapper or {@code String} they were set as, so that a getter converts
 * from the type the property was written with; the converting getters live in
 * {@link TypedValueConversions}. Owned by the thread that uses the message (a JMS session is
 * single-threaded), so nothing here is synchronized.
 */
final class MessageProperties {

    private final Map<String, Object> values = new LinkedHashMap<>();
    private boolean readOnly;

    /**
     * Sets a property as a client does: the name is validated and the entries must be writable.
     */
    void set(String name, Object value) throws MessageNotWriteableException, MessageFormatException {
        PropertyNames.validate(name);
        if (readOnly) {
            throw MessageErrors.propertiesReadOnly();
        }
        if (value != null && !TypedValueConversions.isPropertyValue(value)) {
            throw MessageErrors.unsupportedValueType(value);
        }
        values.put(name, value);
    }

    /** Sets a property as the provider does on receive, bypassing the read-only state. */
    void setByProvider(String name, Object value) {
        values.put(name, value);
    }

    /** Returns the value as it was set, or null when there is no such property. */
    Object get(String name) {
        return values.get(name);
    }

    boolean exists(String name) {
        return values.containsKey(name);
    }

    Enumeration<String> names() {
        return Collections.enumeration(new ArrayList<>(values.keySet()));
    }

    /** Returns a read-only view of the entries in insertion order, for encoding and copying. */
    Set<Map.Entry<String, Object>> entries() {
        return Collections.unmodifiableMap(values).entrySet();
    }

    /** Deletes every entry and makes the entries writable again. */
    void clear() {
        values.clear();
        readOnly = false;
    }

    void makeReadOnly() {
        readOnly = true;
    }

    boolean isReadOnly() {
        return readOnly;
    }
}
