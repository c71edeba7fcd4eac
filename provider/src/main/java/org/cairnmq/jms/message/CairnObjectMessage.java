package org.cairnmq.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * A message whose body is one serializable object, held in its serialized form.
 *
 * <p>The object is serialized when it is set, so later changes to it by the application do not
 * change the message, and every {@link #getObject()} deserializes a fresh copy (with the thread
 * context class loader, then this class's own loader; see {@link ContextObjectInputStream}).
 *
 * <p>Design note: deserializing untrusted data is dangerous; the JVM-wide
 * {@code jdk.serialFilter} applies to every {@code getObject()}; Cairn adds no allow list of its own.
 */
public class CairnObjectMessage extends CairnMessage implements ObjectMessage {

    private byte[] serializedObject;

    /** Creates an object message with no object. */
    public CairnObjectMessage() {
    }

    @Override
    public void setObject(Serializable object) throws JMSException {
        checkBodyWritable();
        this.serializedObject = object == null ? null : serialize(object);
    }

    @Override
    public Serializable getObject() throws JMSException {
        if (serializedObject == null) {
            return null;
        }
        try (ContextObjectInputStream in =
                 new ContextObjectInputStream(new ByteArrayInputStream(serializedObject))) {
            return (Serializable) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw MessageErrors.serializationFailed("deserialization", e);
        }
    }

    /**
     * Returns a copy of the serialized form of the object, for encoding.
     *
     * @return the Java serialization bytes, or null when there is no object
     */
    public byte[] getSerializedObject() {
        return serializedObject == null ? null : serializedObject.clone();
    }

    /**
     * Sets the body from an already serialized object, as decoding a received record does.
     *
     * @param serialized Java serialization bytes, or null for no object
     * @throws JMSException if the body is read-only
     */
    public void setSerializedObject(byte[] serialized) throws JMSException {
        checkBodyWritable();
        this.serializedObject = serialized == null ? null : serialized.clone();
    }

    @Override
    protected boolean hasNoBody() {
        return serializedObject == null;
    }

    @Override
    protected Object bodyValue() throws JMSException {
        return getObject();
    }

    @Override
    protected void clearBodyContent() {
        serializedObject = null;
    }

    private static byte[] serialize(Serializable object) throws MessageFormatException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        } catch (IOException e) {
            throw MessageErrors.serializationFailed("serialization", e);
        }
        return bytes.toByteArray();
    }
}
