package org.cairnmq.protocol.record;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.command.ProtocolException;

/**
 * Builds a message record (see {@link MessageRecordDescriptor}) from plain values and writes it
 * into a {@link ByteBuf} in one pass: the provider's send path.
 *
 * <pre>{@code
 * writer.reset()
 *     .destination(DestinationKind.QUEUE, "orders").messageId("ID:42").persistent(true)
 *     .putIntProperty("size", 3)
 *     .textBody("hello")
 *     .writeTo(out);
 * }</pre>
 *
 * <p>Values are held until {@link #writeTo}; bodies and property values are referenced, not
 * copied, so they must not change before it. Each property name is expected once (a JMS message
 * keeps one value per name); a reader finds the first. Reusable after {@link #reset()}; owned by
 * one thread, not thread safe.
 */
public final class MessageRecordWriter {

    private final RecordFields fields = new RecordFields();

    /** Creates a writer with the defaults of {@link #reset()}. */
    public MessageRecordWriter() {
        reset();
    }

    /**
     * Forgets every value: non-persistent, priority 4, no ids, no properties, no body.
     *
     * @return this
     */
    public MessageRecordWriter reset() {
        fields.reset();
        return this;
    }

    /**
     * Sets JMSDeliveryMode.
     *
     * @param persistent {@code true} for PERSISTENT
     * @return this
     */
    public MessageRecordWriter persistent(final boolean persistent) {
        fields.persistent = persistent;
        return this;
    }

    /**
     * Sets JMSPriority.
     *
     * @param priority 0 to 9
     * @return this
     */
    public MessageRecordWriter priority(final int priority) {
        if (priority < MessageRecordDescriptor.MIN_PRIORITY || priority > MessageRecordDescriptor.MAX_PRIORITY) {
            throw new IllegalArgumentException("priority " + priority + " is not between 0 and 9");
        }
        fields.priority = priority;
        return this;
    }

    /**
     * Sets the stored delivery count.
     *
     * @param deliveryCount the count the producer or store sets, 0 for a new message
     * @return this
     */
    public MessageRecordWriter deliveryCount(final int deliveryCount) {
        fields.deliveryCount = deliveryCount;
        return this;
    }

    /**
     * Sets JMSTimestamp.
     *
     * @param timestampMs epoch milliseconds, 0 for none
     * @return this
     */
    public MessageRecordWriter timestamp(final long timestampMs) {
        fields.timestamp = timestampMs;
        return this;
    }

    /**
     * Sets JMSExpiration.
     *
     * @param expirationMs epoch milliseconds, 0 for never
     * @return this
     */
    public MessageRecordWriter expiration(final long expirationMs) {
        fields.expiration = expirationMs;
        return this;
    }

    /**
     * Sets JMSDeliveryTime.
     *
     * @param deliveryTimeMs epoch milliseconds, 0 for none
     * @return this
     */
    public MessageRecordWriter deliveryTime(final long deliveryTimeMs) {
        fields.deliveryTime = deliveryTimeMs;
        return this;
    }

    /**
     * Sets JMSMessageID.
     *
     * @param messageId the id, or {@code null} for none
     * @return this
     */
    public MessageRecordWriter messageId(final String messageId) {
        fields.messageId = messageId;
        return this;
    }

    /**
     * Sets JMSDestination; required.
     *
     * @param kind the destination's kind
     * @param name the destination's name
     * @return this
     */
    public MessageRecordWriter destination(final DestinationKind kind, final String name) {
        fields.destinationKind = checkKind(kind);
        fields.destinationName = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * Sets JMSCorrelationID as a string.
     *
     * @param correlationId the id, or {@code null} for none
     * @return this
     */
    public MessageRecordWriter correlationId(final String correlationId) {
        fields.correlationId = correlationId;
        return this;
    }

    /**
     * Sets JMSCorrelationID as bytes.
     *
     * @param correlationId the raw id, or {@code null} for none
     * @return this
     */
    public MessageRecordWriter correlationIdBytes(final byte[] correlationId) {
        fields.correlationId = correlationId;
        return this;
    }

    /**
     * Sets JMSReplyTo.
     *
     * @param kind the destination's kind, or {@code null} for none
     * @param name the destination's name; ignored when {@code kind} is {@code null}
     * @return this
     */
    public MessageRecordWriter replyTo(final DestinationKind kind, final String name) {
        fields.replyToKind = kind == null ? null : checkKind(kind);
        fields.replyToName = kind == null ? null : Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * Sets JMSType.
     *
     * @param type the type, or {@code null} for none
     * @return this
     */
    public MessageRecordWriter type(final String type) {
        fields.type = type;
        return this;
    }

    /**
     * Adds a boolean property.
     *
     * @param name the property name
     * @param value the value
     * @return this
     */
    public MessageRecordWriter putBooleanProperty(final String name, final boolean value) {
        return addProperty(name, value);
    }

    /**
     * Adds a byte property.
     *
     * @param name the property name
     * @param value the value
     * @return this
     */
    public MessageRecordWriter putByteProperty(final String name, final byte value) {
        return addProperty(name, value);
    }

    /**
     * Adds a short property.
     *
     * @param name the property name
     * @param value the value
     * @return this
     */
    public MessageRecordWriter putShortProperty(final String name, final short value) {
        return addProperty(name, value);
    }

    /**
     * Adds an int property.
     *
     * @param name the property name
     * @param value the value
     * @return this
     */
    public MessageRecordWriter putIntProperty(final String name, final int value) {
        return addProperty(name, value);
    }

    /**
     * Adds a long property.
     *
     * @param name the property name
     * @param value the value
     * @return this
     */
    public MessageRecordWriter putLongProperty(final String name, final long value) {
        return addProperty(name, value);
    }

    /**
     * Adds a float property.
     *
     * @param name the property name
     * @param value the value
     * @return this
     */
    public MessageRecordWriter putFloatProperty(final String name, final float value) {
        return addProperty(name, value);
    }

    /**
     * Adds a double property.
     *
     * @param name the property name
     * @param value the value
     * @return this
     */
    public MessageRecordWriter putDoubleProperty(final String name, final double value) {
        return addProperty(name, value);
    }

    /**
     * Adds a string property.
     *
     * @param name the property name
     * @param value the value, {@code null} allowed
     * @return this
     */
    public MessageRecordWriter putStringProperty(final String name, final String value) {
        return addProperty(name, value);
    }

    /**
     * Adds a property of any JMS property type.
     *
     * @param name the property name
     * @param value a {@link Boolean}, {@link Byte}, {@link Short}, {@link Integer}, {@link Long},
     *     {@link Float}, {@link Double}, {@link String} or {@code null}
     * @return this
     * @throws ProtocolException with {@link ErrorCode#MESSAGE_FORMAT} for any other class
     */
    public MessageRecordWriter putObjectProperty(final String name, final Object value) {
        final ValueType valueType = ValueCodec.typeOf(value);
        if (valueType == ValueType.UNKNOWN || valueType == ValueType.CHAR || valueType == ValueType.BYTES) {
            throw new ProtocolException(ErrorCode.MESSAGE_FORMAT,
                "property " + name + " cannot hold a " + value.getClass().getName());
        }
        return addProperty(name, value);
    }

    private MessageRecordWriter addProperty(final String name, final Object value) {
        fields.propertyNames.add(Objects.requireNonNull(name, "name"));
        fields.propertyValues.add(value);
        return this;
    }

    /**
     * Makes the record a plain {@code Message} without a body (the default).
     *
     * @return this
     */
    public MessageRecordWriter noBody() {
        return body(BodyType.MESSAGE, null);
    }

    /**
     * Makes the record a {@code TextMessage}.
     *
     * @param text the text, {@code null} allowed (distinct from {@code ""})
     * @return this
     */
    public MessageRecordWriter textBody(final String text) {
        return body(BodyType.TEXT, text);
    }

    /**
     * Makes the record a {@code BytesMessage}.
     *
     * @param bytes the body, not {@code null}
     * @return this
     */
    public MessageRecordWriter bytesBody(final byte[] bytes) {
        return body(BodyType.BYTES, Objects.requireNonNull(bytes, "bytes"));
    }

    /**
     * Makes the record a {@code BytesMessage} whose body is the readable bytes of a buffer, copied
     * (not consumed, not released) when the record is written.
     *
     * @param bytes the body, not {@code null}
     * @return this
     */
    public MessageRecordWriter bytesBody(final ByteBuf bytes) {
        return body(BodyType.BYTES, Objects.requireNonNull(bytes, "bytes"));
    }

    /**
     * Makes the record a {@code MapMessage}.
     *
     * @param map the entries, see {@link MapBodyCodec}
     * @return this
     */
    public MessageRecordWriter mapBody(final Map<String, ?> map) {
        return body(BodyType.MAP, Objects.requireNonNull(map, "map"));
    }

    /**
     * Makes the record a {@code StreamMessage}.
     *
     * @param items the items, see {@link StreamBodyCodec}
     * @return this
     */
    public MessageRecordWriter streamBody(final List<?> items) {
        return body(BodyType.STREAM, Objects.requireNonNull(items, "items"));
    }

    /**
     * Makes the record an {@code ObjectMessage}.
     *
     * @param serialized the serialized object, opaque here, or {@code null} for a {@code null} object
     * @return this
     */
    public MessageRecordWriter objectBody(final byte[] serialized) {
        return body(BodyType.OBJECT, serialized);
    }

    private MessageRecordWriter body(final BodyType bodyType, final Object body) {
        fields.bodyType = bodyType;
        fields.body = body;
        return this;
    }

    /**
     * Appends the record.
     *
     * @param out the buffer to write at its writer index
     * @return the record's length in bytes
     * @throws IllegalStateException when no destination was set
     * @throws ProtocolException with {@link ErrorCode#MESSAGE_FORMAT} for a map or stream value of a
     *     class JMS does not allow
     */
    public int writeTo(final ByteBuf out) {
        if (fields.destinationKind == null) {
            throw new IllegalStateException("a record needs a destination");
        }
        return RecordEncoder.write(fields, out);
    }

    private static DestinationKind checkKind(final DestinationKind kind) {
        if (kind == null || kind == DestinationKind.UNKNOWN) {
            throw new IllegalArgumentException("destination kind " + kind + " cannot be written");
        }
        return kind;
    }
}
