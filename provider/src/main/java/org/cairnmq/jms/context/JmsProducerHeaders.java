package org.cairnmq.jms.context;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;

/**
 * The message headers a {@link CairnJMSProducer} sets on every message it sends: JMSCorrelationID (as a
 * string or as bytes, whichever was set last), JMSType and JMSReplyTo. A header never set on the
 * producer leaves the message's own value alone.
 *
 * <p>Thread safety: the context's thread of control.
 */
final class JmsProducerHeaders {

    private String correlationId;
    private byte[] correlationIdBytes;
    private String type;
    private Destination replyTo;

    void setCorrelationId(final String newCorrelationId) {
        correlationId = newCorrelationId;
        correlationIdBytes = null;
    }

    void setCorrelationIdBytes(final byte[] newCorrelationIdBytes) {
        correlationIdBytes = newCorrelationIdBytes == null ? null : newCorrelationIdBytes.clone();
        correlationId = null;
    }

    String correlationId() {
        return correlationIdBytes != null
            ? new String(correlationIdBytes, StandardCharsets.UTF_8) : correlationId;
    }

    byte[] correlationIdBytes() {
        if (correlationIdBytes != null) {
            return correlationIdBytes.clone();
        }
        return correlationId == null ? null : correlationId.getBytes(StandardCharsets.UTF_8);
    }

    void setType(final String newType) {
        type = newType;
    }

    String type() {
        return type;
    }

    void setReplyTo(final Destination newReplyTo) {
        replyTo = newReplyTo;
    }

    Destination replyTo() {
        return replyTo;
    }

    /** Sets the headers that were set on the producer on a message about to be sent. */
    void applyTo(final Message message) throws JMSException {
        if (correlationIdBytes != null) {
            message.setJMSCorrelationIDAsBytes(correlationIdBytes.clone());
        } else if (correlationId != null) {
            message.setJMSCorrelationID(correlationId);
        }
        if (type != null) {
            message.setJMSType(type);
        }
        if (replyTo != null) {
            message.setJMSReplyTo(replyTo);
        }
    }
}
