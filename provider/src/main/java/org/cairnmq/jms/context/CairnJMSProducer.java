package org.cairnmq.jms.context;

import static org.cairnmq.jms.context.Unchecked.call;
import static org.cairnmq.jms.context.Unchecked.run;

import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageProducer;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.cairnmq.jms.message.CairnMessage;

/**
 * The simplified API's {@link JMSProducer}: send settings, message properties and headers kept here
 * and applied to each message it sends through the context's one anonymous producer.
 *
 * <p>Design note: the properties live in a {@link CairnMessage} used only as their holder, so that
 * name validation and the type conversions of {@code get*Property} are exactly a message's.
 *
 * <p>Thread safety: the context's thread of control.
 */
final class CairnJMSProducer implements JMSProducer {

    private final CairnJMSContext context;
    private final CairnMessage properties = new CairnMessage();
    private final JmsProducerHeaders headers = new JmsProducerHeaders();
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private int priority = Message.DEFAULT_PRIORITY;
    private long timeToLiveMs = Message.DEFAULT_TIME_TO_LIVE;
    private long deliveryDelayMs = Message.DEFAULT_DELIVERY_DELAY;
    private boolean disableMessageId;
    private boolean disableMessageTimestamp;
    private CompletionListener completionListener;

    CairnJMSProducer(final CairnJMSContext context) {
        this.context = context;
    }

    // ---- send

    @Override
    public JMSProducer send(final Destination destination, final Message message) {
        if (message == null) {
            throw new MessageFormatRuntimeException("CAIRN-J082 The message to send must not be null",
                "MESSAGE_FORMAT");
        }
        run(() -> {
            applyTo(message);
            final MessageProducer producer = context.producer();
            producer.setDeliveryDelay(deliveryDelayMs);
            producer.setDisableMessageID(disableMessageId);
            producer.setDisableMessageTimestamp(disableMessageTimestamp);
            if (completionListener == null) {
                producer.send(destination, message, deliveryMode, priority, timeToLiveMs);
            } else {
                producer.send(destination, message, deliveryMode, priority, timeToLiveMs, completionListener);
            }
        });
        return this;
    }

    @Override
    public JMSProducer send(final Destination destination, final String body) {
        return send(destination, context.createTextMessage(body));
    }

    @Override
    public JMSProducer send(final Destination destination, final Map<String, Object> body) {
        final MapMessage message = context.createMapMessage();
        if (body != null) {
            run(() -> {
                for (final Map.Entry<String, Object> entry : body.entrySet()) {
                    message.setObject(entry.getKey(), entry.getValue());
                }
            });
        }
        return send(destination, message);
    }

    @Override
    public JMSProducer send(final Destination destination, final byte[] body) {
        final BytesMessage message = context.createBytesMessage();
        if (body != null) {
            run(() -> message.writeBytes(body));
        }
        return send(destination, message);
    }

    @Override
    public JMSProducer send(final Destination destination, final Serializable body) {
        return send(destination, context.createObjectMessage(body));
    }

    private void applyTo(final Message message) throws JMSException {
        for (final Map.Entry<String, Object> property : properties.propertyEntries()) {
            message.setObjectProperty(property.getKey(), property.getValue());
        }
        headers.applyTo(message);
    }

    // ---- settings

    @Override
    public JMSProducer setDisableMessageID(final boolean value) {
        disableMessageId = value;
        return this;
    }

    @Override
    public boolean getDisableMessageID() {
        return disableMessageId;
    }

    @Override
    public JMSProducer setDisableMessageTimestamp(final boolean value) {
        disableMessageTimestamp = value;
        return this;
    }

    @Override
    public boolean getDisableMessageTimestamp() {
        return disableMessageTimestamp;
    }

    @Override
    public JMSProducer setDeliveryMode(final int newDeliveryMode) {
        if (newDeliveryMode != DeliveryMode.PERSISTENT && newDeliveryMode != DeliveryMode.NON_PERSISTENT) {
            throw new JMSRuntimeException("CAIRN-J055 Invalid delivery mode " + newDeliveryMode);
        }
        deliveryMode = newDeliveryMode;
        return this;
    }

    @Override
    public int getDeliveryMode() {
        return deliveryMode;
    }

    @Override
    public JMSProducer setPriority(final int newPriority) {
        if (newPriority < 0 || newPriority > 9) {
            throw new JMSRuntimeException("CAIRN-J056 A priority must be between 0 and 9, not " + newPriority);
        }
        priority = newPriority;
        return this;
    }

    @Override
    public int getPriority() {
        return priority;
    }

    @Override
    public JMSProducer setTimeToLive(final long newTimeToLiveMs) {
        timeToLiveMs = newTimeToLiveMs;
        return this;
    }

    @Override
    public long getTimeToLive() {
        return timeToLiveMs;
    }

    @Override
    public JMSProducer setDeliveryDelay(final long newDeliveryDelayMs) {
        deliveryDelayMs = newDeliveryDelayMs;
        return this;
    }

    @Override
    public long getDeliveryDelay() {
        return deliveryDelayMs;
    }

    @Override
    public JMSProducer setAsync(final CompletionListener listener) {
        completionListener = listener;
        return this;
    }

    @Override
    public CompletionListener getAsync() {
        return completionListener;
    }

    // ---- properties

    @Override
    public JMSProducer setProperty(final String name, final boolean value) {
        return setProperty(name, (Object) value);
    }

    @Override
    public JMSProducer setProperty(final String name, final byte value) {
        return setProperty(name, (Object) value);
    }

    @Override
    public JMSProducer setProperty(final String name, final short value) {
        return setProperty(name, (Object) value);
    }

    @Override
    public JMSProducer setProperty(final String name, final int value) {
        return setProperty(name, (Object) value);
    }

    @Override
    public JMSProducer setProperty(final String name, final long value) {
        return setProperty(name, (Object) value);
    }

    @Override
    public JMSProducer setProperty(final String name, final float value) {
        return setProperty(name, (Object) value);
    }

    @Override
    public JMSProducer setProperty(final String name, final double value) {
        return setProperty(name, (Object) value);
    }

    @Override
    public JMSProducer setProperty(final String name, final String value) {
        return setProperty(name, (Object) value);
    }

    @Override
    public JMSProducer setProperty(final String name, final Object value) {
        run(() -> properties.setObjectProperty(name, value));
        return this;
    }

    @Override
    public JMSProducer clearProperties() {
        properties.clearProperties();
        return this;
    }

    @Override
    public boolean propertyExists(final String name) {
        return properties.propertyExists(name);
    }

    @Override
    public boolean getBooleanProperty(final String name) {
        return call(() -> properties.getBooleanProperty(name));
    }

    @Override
    public byte getByteProperty(final String name) {
        return call(() -> properties.getByteProperty(name));
    }

    @Override
    public short getShortProperty(final String name) {
        return call(() -> properties.getShortProperty(name));
    }

    @Override
    public int getIntProperty(final String name) {
        return call(() -> properties.getIntProperty(name));
    }

    @Override
    public long getLongProperty(final String name) {
        return call(() -> properties.getLongProperty(name));
    }

    @Override
    public float getFloatProperty(final String name) {
        return call(() -> properties.getFloatProperty(name));
    }

    @Override
    public double getDoubleProperty(final String name) {
        return call(() -> properties.getDoubleProperty(name));
    }

    @Override
    public String getStringProperty(final String name) {
        return call(() -> properties.getStringProperty(name));
    }

    @Override
    public Object getObjectProperty(final String name) {
        return properties.getObjectProperty(name);
    }

    @Override
    public Set<String> getPropertyNames() {
        final Set<String> names = new LinkedHashSet<>();
        for (final Map.Entry<String, Object> property : properties.propertyEntries()) {
            names.add(property.getKey());
        }
        return Collections.unmodifiableSet(names);
    }

    // ---- headers

    @Override
    public JMSProducer setJMSCorrelationIDAsBytes(final byte[] correlationId) {
        headers.setCorrelationIdBytes(correlationId);
        return this;
    }

    @Override
    public byte[] getJMSCorrelationIDAsBytes() {
        return headers.correlationIdBytes();
    }

    @Override
    public JMSProducer setJMSCorrelationID(final String correlationId) {
        headers.setCorrelationId(correlationId);
        return this;
    }

    @Override
    public String getJMSCorrelationID() {
        return headers.correlationId();
    }

    @Override
    public JMSProducer setJMSType(final String type) {
        headers.setType(type);
        return this;
    }

    @Override
    public String getJMSType() {
        return headers.type();
    }

    @Override
    public JMSProducer setJMSReplyTo(final Destination replyTo) {
        headers.setReplyTo(replyTo);
        return this;
    }

    @Override
    public Destination getJMSReplyTo() {
        return headers.replyTo();
    }
}
