package org.cairnmq.protocol.record;

import java.util.Objects;
import org.cairnmq.protocol.selector.PropertySource;

/**
 * What a message selector reads from an encoded record: the properties and the header fields a
 * selector may name, read in place through a {@link MessageRecordFlyweight}.
 *
 * <p>A correlation id set as bytes reads as {@code null}: a selector compares strings, and the
 * specification leaves a bytes id to the provider. JMSRedelivered and JMSXDeliveryCount are not
 * in the record (they travel in the DELIVER frame), so this source does not answer them.
 *
 * <p>Reads whatever record the flyweight is wrapped around at the time of the call, so one source
 * serves every record a dispatch thread filters.
 */
public final class MessageRecordPropertySource implements PropertySource {

    /** The selector identifier of the delivery mode. */
    public static final String JMS_DELIVERY_MODE = "JMSDeliveryMode";
    /** The selector identifier of the priority. */
    public static final String JMS_PRIORITY = "JMSPriority";
    /** The selector identifier of the message id. */
    public static final String JMS_MESSAGE_ID = "JMSMessageID";
    /** The selector identifier of the timestamp. */
    public static final String JMS_TIMESTAMP = "JMSTimestamp";
    /** The selector identifier of the correlation id. */
    public static final String JMS_CORRELATION_ID = "JMSCorrelationID";
    /** The selector identifier of the type. */
    public static final String JMS_TYPE = "JMSType";
    /** {@code JMSDeliveryMode} of a persistent message. */
    public static final String PERSISTENT = "PERSISTENT";
    /** {@code JMSDeliveryMode} of a non-persistent message. */
    public static final String NON_PERSISTENT = "NON_PERSISTENT";

    private final MessageRecordFlyweight record;

    /**
     * Creates a source over a flyweight.
     *
     * @param record the flyweight to read; wrapped by its owner before each {@link #get} call
     */
    public MessageRecordPropertySource(final MessageRecordFlyweight record) {
        this.record = Objects.requireNonNull(record, "record");
    }

    @Override
    public Object get(final String identifier) {
        return switch (identifier) {
            case JMS_DELIVERY_MODE -> record.isPersistent() ? PERSISTENT : NON_PERSISTENT;
            case JMS_PRIORITY -> record.priority();
            case JMS_MESSAGE_ID -> record.messageId();
            case JMS_TIMESTAMP -> record.timestamp();
            case JMS_CORRELATION_ID -> record.correlationId();
            case JMS_TYPE -> record.type();
            default -> record.property(identifier);
        };
    }
}
