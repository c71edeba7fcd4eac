package org.cairnmq.protocol.record;

import static org.cairnmq.protocol.record.MessageRecordDescriptor.BODY_HEADER_LENGTH;
import static org.cairnmq.protocol.record.MessageRecordDescriptor.BODY_TYPE_OFFSET;
import static org.cairnmq.protocol.record.MessageRecordDescriptor.CORRELATION_ID_IS_BYTES_FLAG;
import static org.cairnmq.protocol.record.MessageRecordDescriptor.DELIVERY_COUNT_OFFSET;
import static org.cairnmq.protocol.record.MessageRecordDescriptor.DELIVERY_TIME_OFFSET;
import static org.cairnmq.protocol.record.MessageRecordDescriptor.EXPIRATION_OFFSET;
import static org.cairnmq.protocol.record.MessageRecordDescriptor.NULL_BODY_LENGTH;
import static org.cairnmq.protocol.record.MessageRecordDescriptor.PERSISTENT_FLAG;
import static org.cairnmq.protocol.record.MessageRecordDescriptor.PRIORITY_OFFSET;
import static org.cairnmq.protocol.record.MessageRecordDescriptor.TIMESTAMP_OFFSET;
import static org.cairnmq.protocol.record.MessageRecordDescriptor.VERSION_OFFSET;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Flyweight over an encoded message record (see {@link MessageRecordDescriptor}): reads header
 * fields and single properties in place, without decoding the body or building maps.
 *
 * <p>{@link #wrap} checks the record's framing once (length, version, every variable field within
 * bounds) and remembers where each variable field starts, so later reads are a few index
 * computations. A property lookup scans the properties section comparing UTF-8 bytes, checking the
 * bounds of every entry it passes. A malformed record raises a
 * {@link org.cairnmq.protocol.command.ProtocolException} with {@code MALFORMED_FRAME}, never an
 * {@link IndexOutOfBoundsException}.
 *
 * <p>Meant to be re-wrapped by the thread that owns it; not thread safe. It neither retains nor
 * releases the buffer.
 */
public final class MessageRecordFlyweight {

    private static final int ABSENT = RecordLayout.ABSENT;

    private final RecordLayout layout = new RecordLayout();
    private ByteBuf buffer;
    private int offset;
    private int length;

    /**
     * Points this flyweight at the readable bytes of a buffer.
     *
     * @param buffer a buffer holding exactly one record between its reader and writer index
     * @return this
     */
    public MessageRecordFlyweight wrap(final ByteBuf buffer) {
        return wrap(buffer, buffer.readerIndex(), buffer.readableBytes());
    }

    /**
     * Points this flyweight at a record and checks its framing.
     *
     * @param buffer the buffer that holds the record
     * @param offset the absolute index of the record's first byte
     * @param length the record's length in bytes
     * @return this
     * @throws org.cairnmq.protocol.command.ProtocolException with {@code MALFORMED_FRAME} when the
     *     record is not well-formed; the flyweight must then be wrapped again before it is read
     */
    public MessageRecordFlyweight wrap(final ByteBuf buffer, final int offset, final int length) {
        layout.layOut(buffer, offset, length);
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        return this;
    }

    private boolean hasFlag(final int flag) {
        return layout.hasFlag(flag);
    }

    /**
     * Returns the wrapped buffer.
     *
     * @return the buffer
     */
    public ByteBuf buffer() {
        return buffer;
    }

    /**
     * Returns where the record starts.
     *
     * @return the absolute index of the record in {@link #buffer()}
     */
    public int offset() {
        return offset;
    }

    /**
     * Returns the record's length.
     *
     * @return the length in bytes
     */
    public int recordLength() {
        return length;
    }

    /**
     * Returns the record version.
     *
     * @return the version byte
     */
    public byte version() {
        return buffer.getByte(offset + VERSION_OFFSET);
    }

    /**
     * Returns the body type.
     *
     * @return the kind of message
     */
    public BodyType bodyType() {
        return BodyType.fromCode(buffer.getByte(offset + BODY_TYPE_OFFSET));
    }

    /**
     * Returns JMSPriority.
     *
     * @return 0 to 9
     */
    public int priority() {
        return buffer.getByte(offset + PRIORITY_OFFSET);
    }

    /**
     * Returns the raw flags.
     *
     * @return the flags of {@link MessageRecordDescriptor}
     */
    public int flags() {
        return layout.flags;
    }

    /**
     * Tells the delivery mode.
     *
     * @return {@code true} for PERSISTENT, {@code false} for NON_PERSISTENT
     */
    public boolean isPersistent() {
        return hasFlag(PERSISTENT_FLAG);
    }

    /**
     * Returns the delivery count stored with the record (not the count of the current delivery,
     * which travels in the DELIVER frame).
     *
     * @return the stored count
     */
    public int deliveryCount() {
        return buffer.getInt(offset + DELIVERY_COUNT_OFFSET);
    }

    /**
     * Returns JMSTimestamp.
     *
     * @return epoch milliseconds, 0 when not set
     */
    public long timestamp() {
        return buffer.getLong(offset + TIMESTAMP_OFFSET);
    }

    /**
     * Returns JMSExpiration.
     *
     * @return epoch milliseconds, 0 for never
     */
    public long expiration() {
        return buffer.getLong(offset + EXPIRATION_OFFSET);
    }

    /**
     * Returns JMSDeliveryTime.
     *
     * @return epoch milliseconds, 0 when not set
     */
    public long deliveryTime() {
        return buffer.getLong(offset + DELIVERY_TIME_OFFSET);
    }

    /**
     * Tells whether the record has a message id.
     *
     * @return whether JMSMessageID is set
     */
    public boolean hasMessageId() {
        return layout.messageIdOffset != ABSENT;
    }

    /**
     * Decodes JMSMessageID.
     *
     * @return the id, or {@code null} when absent
     */
    public String messageId() {
        return layout.messageIdOffset == ABSENT ? null : Utf8Strings.read(buffer, layout.messageIdOffset);
    }

    /**
     * Returns the destination's kind.
     *
     * @return the kind, never {@link DestinationKind#UNKNOWN}
     */
    public DestinationKind destinationKind() {
        return DestinationKind.fromCode(buffer.getByte(layout.destinationOffset));
    }

    /**
     * Decodes the destination's name.
     *
     * @return the name
     */
    public String destinationName() {
        return Utf8Strings.read(buffer, layout.destinationOffset + 1);
    }

    /**
     * Tells whether the record has a correlation id.
     *
     * @return whether JMSCorrelationID is set, as a string or as bytes
     */
    public boolean hasCorrelationId() {
        return layout.correlationIdOffset != ABSENT;
    }

    /**
     * Tells whether the correlation id was set as bytes.
     *
     * @return whether it came from {@code setJMSCorrelationIDAsBytes}
     */
    public boolean isCorrelationIdBytes() {
        return hasCorrelationId() && hasFlag(CORRELATION_ID_IS_BYTES_FLAG);
    }

    /**
     * Decodes JMSCorrelationID as a string.
     *
     * @return the string, or {@code null} when absent or set as bytes
     */
    public String correlationId() {
        return hasCorrelationId() && !isCorrelationIdBytes() ? Utf8Strings.read(buffer, layout.correlationIdOffset) : null;
    }

    /**
     * Copies the correlation id's bytes: the raw bytes, or the UTF-8 of a string id.
     *
     * @return a new array, or {@code null} when absent
     */
    public byte[] correlationIdAsBytes() {
        if (!hasCorrelationId()) {
            return null;
        }
        final byte[] bytes = new byte[buffer.getInt(layout.correlationIdOffset)];
        buffer.getBytes(layout.correlationIdOffset + Integer.BYTES, bytes);
        return bytes;
    }

    /**
     * Tells whether the record has a reply-to destination.
     *
     * @return whether JMSReplyTo is set
     */
    public boolean hasReplyTo() {
        return layout.replyToOffset != ABSENT;
    }

    /**
     * Returns the reply-to destination's kind.
     *
     * @return the kind, or {@code null} when absent
     */
    public DestinationKind replyToKind() {
        return hasReplyTo() ? DestinationKind.fromCode(buffer.getByte(layout.replyToOffset)) : null;
    }

    /**
     * Decodes the reply-to destination's name.
     *
     * @return the name, or {@code null} when absent
     */
    public String replyToName() {
        return hasReplyTo() ? Utf8Strings.read(buffer, layout.replyToOffset + 1) : null;
    }

    /**
     * Decodes JMSType.
     *
     * @return the type, or {@code null} when absent
     */
    public String type() {
        return layout.typeOffset == ABSENT ? null : Utf8Strings.read(buffer, layout.typeOffset);
    }

    /**
     * Returns the number of properties.
     *
     * @return the count in the properties section
     */
    public int propertyCount() {
        return buffer.getInt(layout.propertiesOffset + Integer.BYTES);
    }

    /**
     * Tells whether a property is present (possibly with a {@code null} value).
     *
     * @param name the property name
     * @return whether the record has it
     */
    public boolean propertyExists(final String name) {
        return findPropertyValue(name) != ABSENT;
    }

    /**
     * Reads one property by name, comparing UTF-8 bytes without decoding the others.
     *
     * @param name the property name
     * @return the boxed value, or {@code null} when absent or set to {@code null}
     */
    public Object property(final String name) {
        final int tagOffset = findPropertyValue(name);
        return tagOffset == ABSENT ? null : ValueCodec.read(buffer, tagOffset);
    }

    /**
     * Reads every property, in encoded order.
     *
     * @param visitor receives each name and value
     */
    public void forEachProperty(final PropertyVisitor visitor) {
        PropertySection.forEach(buffer, layout.propertiesOffset, layout.propertiesEnd, visitor);
    }

    private int findPropertyValue(final String name) {
        return PropertySection.find(buffer, layout.propertiesOffset, layout.propertiesEnd, name);
    }

    /**
     * Returns the body's length.
     *
     * @return the length in bytes, or {@link MessageRecordDescriptor#NULL_BODY_LENGTH} for a
     *     {@code null} text or object
     */
    public int bodyLength() {
        return buffer.getInt(layout.bodyLengthOffset);
    }

    /**
     * Tells whether the body is a {@code null} text or object.
     *
     * @return whether the body length is {@link MessageRecordDescriptor#NULL_BODY_LENGTH}
     */
    public boolean isBodyNull() {
        return bodyLength() == NULL_BODY_LENGTH;
    }

    /**
     * Returns where the body's bytes start.
     *
     * @return the absolute index of the first body byte
     */
    public int bodyOffset() {
        return layout.bodyLengthOffset + BODY_HEADER_LENGTH;
    }

    /**
     * Returns the raw body bytes as a slice that shares the buffer's content and reference count.
     *
     * @return an unretained slice, empty for a {@code null} body; valid while the buffer is
     */
    public ByteBuf body() {
        return buffer.slice(bodyOffset(), Math.max(0, bodyLength()));
    }

    /**
     * Decodes a {@link BodyType#TEXT} body.
     *
     * @return the text, or {@code null} for a {@code null} text
     */
    public String text() {
        if (bodyType() != BodyType.TEXT) {
            throw new IllegalStateException("body type is " + bodyType() + ", not TEXT");
        }
        return isBodyNull() ? null : buffer.toString(bodyOffset(), bodyLength(), StandardCharsets.UTF_8);
    }
}
