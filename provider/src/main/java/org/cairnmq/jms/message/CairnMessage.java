package org.cairnmq.jms.message;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;

import java.util.Enumeration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A message without a body, and the property, body-state and acknowledgement logic every Cairn
 * message type shares (the header fields are in {@link CairnMessageHeaders}).
 *
 * <p>State lives in plain fields; conversion to and from the wire record is a separate mapper's
 * job. A message is used by one thread at a time (the session's
 * thread, or the application's before send), so nothing is synchronized.
 *
 * <p>A message is created writable. {@link #markReceived()} puts it in the state the specification
 * gives a received message: properties and body read-only until {@link #clearProperties()} and
 * {@link #clearBody()}. Header fields are never read-only.
 */
public class CairnMessage extends CairnMessageHeaders {

    private final MessageProperties properties = new MessageProperties();
    private boolean bodyReadOnly;
    private volatile boolean sendInProgress;
    private MessageAcknowledger acknowledger = MessageAcknowledger.NONE;

    /** Creates an empty, writable message with the default delivery mode and priority. */
    public CairnMessage() {
    }

    @Override
    public void clearProperties() {
        properties.clear();
    }

    @Override
    public boolean propertyExists(String name) {
        return properties.exists(name);
    }

    @Override
    public boolean getBooleanProperty(String name) throws JMSException {
        return TypedValueConversions.toBoolean(properties.get(name));
    }

    @Override
    public byte getByteProperty(String name) throws JMSException {
        return TypedValueConversions.toByte(properties.get(name));
    }

    @Override
    public short getShortProperty(String name) throws JMSException {
        return TypedValueConversions.toShort(properties.get(name));
    }

    @Override
    public int getIntProperty(String name) throws JMSException {
        return TypedValueConversions.toInt(properties.get(name));
    }

    @Override
    public long getLongProperty(String name) throws JMSException {
        return TypedValueConversions.toLong(properties.get(name));
    }

    @Override
    public float getFloatProperty(String name) throws JMSException {
        return TypedValueConversions.toFloat(properties.get(name));
    }

    @Override
    public double getDoubleProperty(String name) throws JMSException {
        return TypedValueConversions.toDouble(properties.get(name));
    }

    @Override
    public String getStringProperty(String name) throws JMSException {
        return TypedValueConversions.toStringValue(properties.get(name));
    }

    @Override
    public Object getObjectProperty(String name) {
        return properties.get(name);
    }

    @Override
    public Enumeration<String> getPropertyNames() {
        return properties.names();
    }

    @Override
    public void setBooleanProperty(String name, boolean value) throws JMSException {
        checkNotSending();
        properties.set(name, value);
    }

    @Override
    public void setByteProperty(String name, byte value) throws JMSException {
        checkNotSending();
        properties.set(name, value);
    }

    @Override
    public void setShortProperty(String name, short value) throws JMSException {
        checkNotSending();
        properties.set(name, value);
    }

    @Override
    public void setIntProperty(String name, int value) throws JMSException {
        checkNotSending();
        properties.set(name, value);
    }

    @Override
    public void setLongProperty(String name, long value) throws JMSException {
        checkNotSending();
        properties.set(name, value);
    }

    @Override
    public void setFloatProperty(String name, float value) throws JMSException {
        checkNotSending();
        properties.set(name, value);
    }

    @Override
    public void setDoubleProperty(String name, double value) throws JMSException {
        checkNotSending();
        properties.set(name, value);
    }

    @Override
    public void setStringProperty(String name, String value) throws JMSException {
        checkNotSending();
        properties.set(name, value);
    }

    /**
     * Sets a property from its wrapper or {@code String} value.
     *
     * @throws MessageFormatException if the value is of any other class
     */
    @Override
    public void setObjectProperty(String name, Object value) throws JMSException {
        checkNotSending();
        properties.set(name, value);
    }

    /**
     * Sets {@code JMSXDeliveryCount}, as the provider does on receive, even when the properties are
     * read-only.
     *
     * @param deliveryCount how many times the message has been delivered, 1 on first delivery
     */
    public void setDeliveryCount(int deliveryCount) {
        properties.setByProvider(PropertyNames.JMSX_DELIVERY_COUNT, deliveryCount);
    }

    /** Adds a property read from a wire record, where the sender already validated it. */
    void putDecodedProperty(String name, Object value) {
        properties.setByProvider(name, value);
    }

    /**
     * Returns the properties in the order they were set, for encoding and copying.
     *
     * @return a read-only view of the property entries
     */
    public Set<Map.Entry<String, Object>> propertyEntries() {
        return properties.entries();
    }

    @Override
    public void acknowledge() throws JMSException {
        acknowledger.acknowledge(this);
    }

    /**
     * Installs what {@link #acknowledge()} calls; the consuming session does this on receive.
     *
     * @param acknowledger the callback, or {@link MessageAcknowledger#NONE}
     */
    public void setAcknowledger(MessageAcknowledger acknowledger) {
        this.acknowledger = Objects.requireNonNull(acknowledger, "acknowledger");
    }

    /**
     * Puts the message in the received state: properties and body read-only, and a
     * {@code BytesMessage} or {@code StreamMessage} body ready to be read from its start.
     */
    public void markReceived() {
        properties.makeReadOnly();
        bodyReadOnly = true;
        onBodyReadOnly();
    }

    /**
     * Whether the body is read-only: received and not cleared since, or (for bytes and stream
     * messages) in read mode after {@code reset()}.
     *
     * @return true when a write to the body would throw {@link MessageNotWriteableException}
     */
    public boolean isBodyReadOnly() {
        return bodyReadOnly;
    }

    /**
     * Whether the properties are read-only (received and not cleared since).
     *
     * @return true when setting a property would throw {@link MessageNotWriteableException}
     */
    public boolean isPropertiesReadOnly() {
        return properties.isReadOnly();
    }

    @Override
    public final void clearBody() {
        bodyReadOnly = false;
        clearBodyContent();
    }

    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        if (hasNoBody()) {
            return null;
        }
        Object body = bodyValue();
        if (!isAssignable(c, body)) {
            throw MessageErrors.bodyNotAssignable(body.getClass(), c);
        }
        return c.cast(body);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) throws JMSException {
        if (hasNoBody()) {
            return true;
        }
        try {
            return isAssignable(c, bodyValue());
        } catch (MessageFormatException e) {
            return false;
        }
    }

    /**
     * Whether the body is empty, in which case {@code getBody} returns null for any type. A plain
     * message never has a body.
     *
     * @return true when there is no body
     */
    protected boolean hasNoBody() {
        return true;
    }

    /**
     * Returns a copy of the body as {@code getBody} hands it out; only called when
     * {@link #hasNoBody()} is false.
     *
     * @return the body value
     * @throws JMSException if the body cannot be produced (an object that does not deserialize)
     */
    protected Object bodyValue() throws JMSException {
        return null;
    }

    /**
     * Whether a body value may be returned as the given type: by default, whether it is an instance.
     *
     * @param type the type asked for
     * @param body the value {@link #bodyValue()} returned
     * @return true when {@code getBody(type)} may return the body
     */
    protected boolean isAssignable(Class<?> type, Object body) {
        return type.isInstance(body);
    }

    /** Empties the body; the base class has already made it writable. */
    protected void clearBodyContent() {
    }

    /** Called when the body becomes read-only on receive, so that streams can rewind. */
    protected void onBodyReadOnly() {
    }

    /**
     * Sets the body's read-only state, for {@code reset()} of bytes and stream messages.
     *
     * @param readOnly the new state
     */
    protected final void setBodyReadOnly(boolean readOnly) {
        this.bodyReadOnly = readOnly;
    }

    /**
     * Throws unless the body may be written.
     *
     * @throws MessageNotWriteableException if the body is read-only
     * @throws IllegalStateException if an asynchronous send of the message has not completed
     */
    protected final void checkBodyWritable() throws JMSException {
        checkNotSending();
        if (bodyReadOnly) {
            throw MessageErrors.bodyReadOnly();
        }
    }

    /**
     * Marks the message as owned by an asynchronous send until it completes; meanwhile the
     * application must not modify it, and writes to its body or properties throw
     * {@link IllegalStateException}.
     *
     * @param inProgress whether a send of the message is outstanding
     */
    public void setSendInProgress(boolean inProgress) {
        this.sendInProgress = inProgress;
    }

    private void checkNotSending() throws IllegalStateException {
        if (sendInProgress) {
            throw new IllegalStateException("CAIRN-M020 The message belongs to an asynchronous send that has not "
                + "completed; it must not be modified until its CompletionListener is called", "ILLEGAL_STATE");
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[id=" + getJMSMessageID()
            + ", destination=" + getJMSDestination() + ", priority=" + getJMSPriority()
            + ", persistent=" + isPersistent() + "]";
    }
}
