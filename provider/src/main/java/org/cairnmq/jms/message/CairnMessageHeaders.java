package org.cairnmq.jms.message;

import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.Message;

import java.nio.charset.StandardCharsets;

/**
 * The header fields of a Cairn message. Header fields are never read-only, so they are plain
 * accessors; the properties, the body state and acknowledgement are in {@link CairnMessage}.
 *
 * <p>Design note: this is a separate class only to keep each file to one concern; applications see
 * {@link CairnMessage} and its subtypes.
 */
public abstract class CairnMessageHeaders implements Message {

    private String messageId;
    private long timestampMs;
    private String correlationId;
    private byte[] correlationIdBytes;
    private Destination replyTo;
    private Destination destination;
    private int deliveryMode = Message.DEFAULT_DELIVERY_MODE;
    private boolean redelivered;
    private String type;
    private long expirationMs;
    private long deliveryTimeMs;
    private int priority = Message.DEFAULT_PRIORITY;

    /** Creates headers with the default delivery mode and priority and everything else unset. */
    protected CairnMessageHeaders() {
    }

    @Override
    public String getJMSMessageID() {
        return messageId;
    }

    @Override
    public void setJMSMessageID(String id) {
        this.messageId = id;
    }

    @Override
    public long getJMSTimestamp() {
        return timestampMs;
    }

    @Override
    public void setJMSTimestamp(long timestamp) {
        this.timestampMs = timestamp;
    }

    /**
     * Returns the correlation id; one set as bytes is returned as those bytes decoded as UTF-8.
     */
    @Override
    public String getJMSCorrelationID() {
        if (correlationIdBytes != null) {
            return new String(correlationIdBytes, StandardCharsets.UTF_8);
        }
        return correlationId;
    }

    @Override
    public void setJMSCorrelationID(String correlationID) {
        this.correlationId = correlationID;
        this.correlationIdBytes = null;
    }

    /**
     * Returns a copy of the correlation id as bytes; one set as a String is returned UTF-8 encoded.
     */
    @Override
    public byte[] getJMSCorrelationIDAsBytes() {
        if (correlationIdBytes != null) {
            return correlationIdBytes.clone();
        }
        return correlationId == null ? null : correlationId.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void setJMSCorrelationIDAsBytes(byte[] correlationID) {
        this.correlationIdBytes = correlationID == null ? null : correlationID.clone();
        this.correlationId = null;
    }

    /**
     * Whether the correlation id was last set as bytes (the wire record keeps the two forms apart).
     *
     * @return true when {@link #setJMSCorrelationIDAsBytes(byte[])} set the current value
     */
    public boolean isCorrelationIdBytes() {
        return correlationIdBytes != null;
    }

    @Override
    public Destination getJMSReplyTo() {
        return replyTo;
    }

    @Override
    public void setJMSReplyTo(Destination replyTo) {
        this.replyTo = replyTo;
    }

    @Override
    public Destination getJMSDestination() {
        return destination;
    }

    @Override
    public void setJMSDestination(Destination destination) {
        this.destination = destination;
    }

    @Override
    public int getJMSDeliveryMode() {
        return deliveryMode;
    }

    @Override
    public void setJMSDeliveryMode(int deliveryMode) {
        this.deliveryMode = deliveryMode;
    }

    @Override
    public boolean getJMSRedelivered() {
        return redelivered;
    }

    @Override
    public void setJMSRedelivered(boolean redelivered) {
        this.redelivered = redelivered;
    }

    @Override
    public String getJMSType() {
        return type;
    }

    @Override
    public void setJMSType(String type) {
        this.type = type;
    }

    @Override
    public long getJMSExpiration() {
        return expirationMs;
    }

    @Override
    public void setJMSExpiration(long expiration) {
        this.expirationMs = expiration;
    }

    @Override
    public long getJMSDeliveryTime() {
        return deliveryTimeMs;
    }

    @Override
    public void setJMSDeliveryTime(long deliveryTime) {
        this.deliveryTimeMs = deliveryTime;
    }

    @Override
    public int getJMSPriority() {
        return priority;
    }

    @Override
    public void setJMSPriority(int priority) {
        this.priority = priority;
    }

    /**
     * Whether the message is persistent, the one delivery-mode question the wire record asks.
     *
     * @return true for {@link DeliveryMode#PERSISTENT}
     */
    public boolean isPersistent() {
        return deliveryMode == DeliveryMode.PERSISTENT;
    }
}
