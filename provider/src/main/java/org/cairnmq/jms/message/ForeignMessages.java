package org.cairnmq.jms.message;

import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import java.util.Enumeration;

import org.cairnmq.jms.destination.CairnDestination;
import org.cairnmq.jms.destination.CairnQueue;
import org.cairnmq.jms.destination.CairnTopic;

/**
 * Copies a message of another provider into the matching Cairn type, as the specification requires a
 * provider to accept "foreign" message objects in send.
 *
 * <p>The copy has the foreign message's header fields, properties and body and is writable. A
 * foreign {@code Queue} or {@code Topic} in {@code JMSReplyTo} or {@code JMSDestination} becomes the
 * Cairn destination of the same name; any other foreign destination is dropped, which the
 * specification allows. The foreign bytes and stream bodies are {@code reset()} before and after
 * being read, so they are left read-only at their start.
 */
public final class ForeignMessages {

    private ForeignMessages() {
    }

    /**
     * Returns the message itself when it is a Cairn message, otherwise a Cairn copy of it.
     *
     * @param message any {@code jakarta.jms.Message} implementation
     * @return a Cairn message with the same headers, properties and body
     * @throws JMSException if the foreign message cannot be read
     */
    public static CairnMessage toCairnMessage(Message message) throws JMSException {
        if (message instanceof CairnMessage cairnMessage) {
            return cairnMessage;
        }
        CairnMessage copy = copyBody(message);
        copyHeaders(message, copy);
        copyProperties(message, copy);
        return copy;
    }

    /**
     * Maps a destination to a Cairn destination: itself when it is one, the destination of the same
     * kind and name for a foreign queue or topic, otherwise null.
     *
     * @param destination any destination, or null
     * @return a Cairn destination, or null
     * @throws JMSException if the foreign destination's name cannot be read
     */
    public static CairnDestination toCairnDestination(Destination destination) throws JMSException {
        if (destination == null || destination instanceof CairnDestination) {
            return (CairnDestination) destination;
        }
        if (destination instanceof Queue queue) {
            return new CairnQueue(queue.getQueueName());
        }
        if (destination instanceof Topic topic) {
            return new CairnTopic(topic.getTopicName());
        }
        return null;
    }

    private static CairnMessage copyBody(Message message) throws JMSException {
        if (message instanceof BytesMessage bytes) {
            return copyBytes(bytes);
        }
        if (message instanceof TextMessage text) {
            return new CairnTextMessage(text.getText());
        }
        if (message instanceof MapMessage map) {
            return copyMap(map);
        }
        if (message instanceof StreamMessage stream) {
            return copyStream(stream);
        }
        if (message instanceof ObjectMessage object) {
            CairnObjectMessage copy = new CairnObjectMessage();
            copy.setObject(object.getObject());
            return copy;
        }
        return new CairnMessage();
    }

    private static CairnMessage copyBytes(BytesMessage bytes) throws JMSException {
        bytes.reset();
        byte[] body = new byte[Math.toIntExact(bytes.getBodyLength())];
        int offset = 0;
        byte[] chunk = new byte[Math.max(1, Math.min(body.length, 8192))];
        for (int read = bytes.readBytes(chunk); read > 0; read = bytes.readBytes(chunk)) {
            System.arraycopy(chunk, 0, body, offset, read);
            offset += read;
        }
        bytes.reset();
        CairnBytesMessage copy = new CairnBytesMessage();
        copy.writeBytes(body, 0, offset);
        return copy;
    }

    private static CairnMessage copyMap(MapMessage map) throws JMSException {
        CairnMapMessage copy = new CairnMapMessage();
        Enumeration<?> names = map.getMapNames();
        while (names.hasMoreElements()) {
            String name = (String) names.nextElement();
            copy.setObject(name, map.getObject(name));
        }
        return copy;
    }

    private static CairnMessage copyStream(StreamMessage stream) throws JMSException {
        CairnStreamMessage copy = new CairnStreamMessage();
        stream.reset();
        try {
            while (true) {
                copy.writeObject(stream.readObject());
            }
        } catch (MessageEOFException endOfStream) {
            stream.reset();
        }
        return copy;
    }

    private static void copyHeaders(Message from, CairnMessage to) throws JMSException {
        to.setJMSMessageID(from.getJMSMessageID());
        to.setJMSTimestamp(from.getJMSTimestamp());
        to.setJMSCorrelationID(from.getJMSCorrelationID());
        to.setJMSReplyTo(toCairnDestination(from.getJMSReplyTo()));
        to.setJMSDestination(toCairnDestination(from.getJMSDestination()));
        to.setJMSDeliveryMode(from.getJMSDeliveryMode());
        to.setJMSRedelivered(from.getJMSRedelivered());
        to.setJMSType(from.getJMSType());
        to.setJMSExpiration(from.getJMSExpiration());
        to.setJMSDeliveryTime(from.getJMSDeliveryTime());
        to.setJMSPriority(from.getJMSPriority());
    }

    private static void copyProperties(Message from, CairnMessage to) throws JMSException {
        Enumeration<?> names = from.getPropertyNames();
        while (names.hasMoreElements()) {
            String name = (String) names.nextElement();
            to.setObjectProperty(name, from.getObjectProperty(name));
        }
    }
}
