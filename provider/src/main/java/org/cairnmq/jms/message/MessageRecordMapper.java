package org.cairnmq.jms.message;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;

import java.util.List;
import java.util.Map;

import org.cairnmq.jms.destination.CairnDestination;
import org.cairnmq.protocol.record.DestinationKind;
import org.cairnmq.protocol.record.MapBodyCodec;
import org.cairnmq.protocol.record.MessageRecordFlyweight;
import org.cairnmq.protocol.record.MessageRecordWriter;
import org.cairnmq.protocol.record.StreamBodyCodec;

/**
 * Converts between the Cairn message types and the protocol's binary message record
 * ({@link org.cairnmq.protocol.record.MessageRecordDescriptor}).
 *
 * <p>{@link #encode} is the send path: headers, properties and body as they are now, in either body
 * mode, with the body type chosen by the message class. {@link #decode} is the receive path: it
 * copies everything out of the record (the buffer may be released afterwards) and returns the
 * message in the received state, properties and body read-only.
 *
 * <p>Reuses one writer and one flyweight, so an instance belongs to one thread (a session's).
 */
public final class MessageRecordMapper {

    /** The record's fixed part, ids, destination and a few properties, in a typical message. */
    private static final int TYPICAL_HEADER_BYTES = 256;

    private final MessageRecordWriter writer = new MessageRecordWriter();
    private final MessageRecordFlyweight flyweight = new MessageRecordFlyweight();

    /** Creates a mapper. */
    public MessageRecordMapper() {
    }

    /**
     * Encodes a message into a new heap buffer.
     *
     * @param message the message to send; its JMSDestination must be set
     * @return a buffer holding exactly the record; the caller owns (and releases) it
     * @throws JMSException if the message has no destination Cairn can name
     */
    public ByteBuf encode(CairnMessage message) throws JMSException {
        ByteBuf out = Unpooled.buffer(initialCapacity(message));
        encode(message, out);
        return out;
    }

    /** Room for the headers and properties of a typical message plus its body, so the buffer rarely grows. */
    private static int initialCapacity(CairnMessage message) {
        int body = 0;
        if (message instanceof CairnBytesMessage bytes) {
            body = bytes.bodyLength();
        } else if (message instanceof CairnTextMessage text && text.getText() != null) {
            body = text.getText().length();
        }
        return TYPICAL_HEADER_BYTES + body;
    }

    /**
     * Appends the record of a message to a buffer, as a frame encoder does.
     *
     * @param message the message to send; its JMSDestination must be set
     * @param out the buffer to write at its writer index
     * @return the record's length in bytes
     * @throws JMSException if the message has no destination Cairn can name
     */
    public int encode(CairnMessage message, ByteBuf out) throws JMSException {
        writer.reset();
        CairnDestination destination = ForeignMessages.toCairnDestination(message.getJMSDestination());
        if (destination == null) {
            throw new InvalidDestinationException(
                "CAIRN-M017: a message needs a Cairn queue or topic as JMSDestination to be encoded");
        }
        writer.destination(destination.kind(), destination.name());
        CairnDestination replyTo = ForeignMessages.toCairnDestination(message.getJMSReplyTo());
        if (replyTo != null) {
            writer.replyTo(replyTo.kind(), replyTo.name());
        }
        writeHeaders(message);
        for (Map.Entry<String, Object> property : message.propertyEntries()) {
            writer.putObjectProperty(property.getKey(), property.getValue());
        }
        writeBody(message);
        return writer.writeTo(out);
    }

    /**
     * Decodes a record into the matching Cairn message type, in the received state.
     *
     * @param record a buffer holding exactly one record between its reader and writer index; not
     *     consumed, retained or released
     * @return the message
     * @throws JMSException if a body value cannot be held by the message type
     * @throws org.cairnmq.protocol.command.ProtocolException if the record is malformed
     */
    public CairnMessage decode(ByteBuf record) throws JMSException {
        flyweight.wrap(record);
        CairnMessage message = decodeBody();
        decodeHeaders(message);
        flyweight.forEachProperty(message::putDecodedProperty);
        if (flyweight.deliveryCount() > 0) {
            message.setDeliveryCount(flyweight.deliveryCount());
        }
        message.markReceived();
        return message;
    }

    private void writeHeaders(CairnMessage message) {
        writer.persistent(message.isPersistent())
            .priority(message.getJMSPriority())
            .timestamp(message.getJMSTimestamp())
            .expiration(message.getJMSExpiration())
            .deliveryTime(message.getJMSDeliveryTime())
            .messageId(message.getJMSMessageID())
            .type(message.getJMSType());
        if (message.isCorrelationIdBytes()) {
            writer.correlationIdBytes(message.getJMSCorrelationIDAsBytes());
        } else {
            writer.correlationId(message.getJMSCorrelationID());
        }
    }

    private void writeBody(CairnMessage message) {
        if (message instanceof CairnTextMessage text) {
            writer.textBody(text.getText());
        } else if (message instanceof CairnBytesMessage bytes) {
            writer.bytesBody(bytes.bodyBytes());
        } else if (message instanceof CairnMapMessage map) {
            writer.mapBody(map.entries());
        } else if (message instanceof CairnStreamMessage stream) {
            writer.streamBody(stream.fields());
        } else if (message instanceof CairnObjectMessage object) {
            writer.objectBody(object.getSerializedObject());
        } else {
            writer.noBody();
        }
    }

    private CairnMessage decodeBody() throws JMSException {
        return switch (flyweight.bodyType()) {
            case TEXT -> new CairnTextMessage(flyweight.text());
            case BYTES -> decodeBytes();
            case MAP -> decodeMap();
            case STREAM -> decodeStream();
            case OBJECT -> decodeObject();
            case MESSAGE, UNKNOWN -> new CairnMessage();
        };
    }

    private CairnMessage decodeBytes() throws JMSException {
        CairnBytesMessage message = new CairnBytesMessage();
        message.writeBytes(ByteBufUtil.getBytes(flyweight.body()));
        return message;
    }

    private CairnMessage decodeMap() throws JMSException {
        CairnMapMessage message = new CairnMapMessage();
        for (Map.Entry<String, Object> entry : MapBodyCodec.decode(flyweight.body()).entrySet()) {
            message.setObject(entry.getKey(), entry.getValue());
        }
        return message;
    }

    private CairnMessage decodeStream() throws JMSException {
        CairnStreamMessage message = new CairnStreamMessage();
        List<Object> fields = StreamBodyCodec.decode(flyweight.body());
        for (Object field : fields) {
            message.writeObject(field);
        }
        return message;
    }

    private CairnMessage decodeObject() throws JMSException {
        CairnObjectMessage message = new CairnObjectMessage();
        if (!flyweight.isBodyNull()) {
            message.setSerializedObject(ByteBufUtil.getBytes(flyweight.body()));
        }
        return message;
    }

    private void decodeHeaders(CairnMessage message) {
        message.setJMSMessageID(flyweight.messageId());
        message.setJMSTimestamp(flyweight.timestamp());
        if (flyweight.isCorrelationIdBytes()) {
            message.setJMSCorrelationIDAsBytes(flyweight.correlationIdAsBytes());
        } else {
            message.setJMSCorrelationID(flyweight.correlationId());
        }
        message.setJMSDestination(destination(flyweight.destinationKind(), flyweight.destinationName()));
        if (flyweight.hasReplyTo()) {
            message.setJMSReplyTo(destination(flyweight.replyToKind(), flyweight.replyToName()));
        }
        message.setJMSDeliveryMode(
            flyweight.isPersistent() ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT);
        message.setJMSType(flyweight.type());
        message.setJMSExpiration(flyweight.expiration());
        message.setJMSDeliveryTime(flyweight.deliveryTime());
        message.setJMSPriority(flyweight.priority());
    }

    private static Destination destination(DestinationKind kind, String name) {
        return kind == DestinationKind.UNKNOWN ? null : CairnDestination.of(kind, name);
    }
}
