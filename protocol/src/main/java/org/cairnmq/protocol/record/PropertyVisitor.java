package org.cairnmq.protocol.record;

/** Receives the properties of a record, in encoded order. */
@FunctionalInterface
public interface PropertyVisitor {

    /**
     * Called once per property.
     *
     * @param name the property name
     * @param value a {@link Boolean}, {@link Byte}, {@link Short}, {@link Integer}, {@link Long},
     *     {@link Float}, {@link Double}, {@link String} or {@code null}
     */
    void onProperty(String name, Object value);
}
