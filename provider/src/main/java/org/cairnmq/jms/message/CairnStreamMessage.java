package org.cairnmq.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.StreamMessage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A message whose body is a sequence of typed values, written in order and read back in order
 * through the conversion table of {@link TypedValueConversions}.
 *
 * <p>The body is write-only until {@link #reset()} (or receipt). A read that fails with
 * {@link MessageFormatException}, {@link NumberFormatException} or {@link NullPointerException}
 * leaves the position where it was, so the field can be read again as another type. A
 * {@code byte[]} field read with {@link #readBytes(byte[])} must be read to its end (the call that
 * returns less than the buffer, or -1) before the next field can be read.
 */
public class CairnStreamMessage extends CairnMessage implements StreamMessage {

    private final List<Object> fields = new ArrayList<>();
    private int position;
    private boolean insideBytesField;
    private int bytesFieldOffset;

    /** Creates an empty stream message in write-only mode. */
    public CairnStreamMessage() {
    }

    @Override
    public boolean readBoolean() throws JMSException {
        boolean value = TypedValueConversions.toBoolean(currentField());
        position++;
        return value;
    }

    @Override
    public byte readByte() throws JMSException {
        byte value = TypedValueConversions.toByte(currentField());
        position++;
        return value;
    }

    @Override
    public short readShort() throws JMSException {
        short value = TypedValueConversions.toShort(currentField());
        position++;
        return value;
    }

    @Override
    public char readChar() throws JMSException {
        char value = TypedValueConversions.toChar(currentField());
        position++;
        return value;
    }

    @Override
    public int readInt() throws JMSException {
        int value = TypedValueConversions.toInt(currentField());
        position++;
        return value;
    }

    @Override
    public long readLong() throws JMSException {
        long value = TypedValueConversions.toLong(currentField());
        position++;
        return value;
    }

    @Override
    public float readFloat() throws JMSException {
        float value = TypedValueConversions.toFloat(currentField());
        position++;
        return value;
    }

    @Override
    public double readDouble() throws JMSException {
        double value = TypedValueConversions.toDouble(currentField());
        position++;
        return value;
    }

    @Override
    public String readString() throws JMSException {
        String value = TypedValueConversions.toStringValue(currentField());
        position++;
        return value;
    }

    /**
     * Reads the current {@code byte[]} field in chunks of at most the buffer's length.
     *
     * @return the number of bytes read; 0 for an empty field; -1 for a null field, or when the
     *     previous call filled the buffer exactly and the field has no bytes left
     */
    @Override
    public int readBytes(byte[] value) throws JMSException {
        if (!insideBytesField) {
            Object field = currentField();
            if (field == null) {
                position++;
                return -1;
            }
            if (!(field instanceof byte[] bytes)) {
                throw MessageErrors.invalidConversion(field, "byte[]");
            }
            if (bytes.length == 0) {
                position++;
                return 0;
            }
            insideBytesField = true;
            bytesFieldOffset = 0;
        }
        return readBytesChunk(value);
    }

    /** Reads the current field as its wrapper, {@code String}, {@code byte[]} (a copy) or null. */
    @Override
    public Object readObject() throws JMSException {
        Object value = TypedValueConversions.copyOf(currentField());
        position++;
        return value;
    }

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        append(value);
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        append(value);
    }

    @Override
    public void writeShort(short value) throws JMSException {
        append(value);
    }

    @Override
    public void writeChar(char value) throws JMSException {
        append(value);
    }

    @Override
    public void writeInt(int value) throws JMSException {
        append(value);
    }

    @Override
    public void writeLong(long value) throws JMSException {
        append(value);
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        append(value);
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        append(value);
    }

    @Override
    public void writeString(String value) throws JMSException {
        append(value);
    }

    /** Writes a copy of the array as one field; a null array is written as a null field. */
    @Override
    public void writeBytes(byte[] value) throws JMSException {
        append(value == null ? null : value.clone());
    }

    /** Writes a copy of the given range of the array as one field. */
    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        checkBodyWritable();
        byte[] range = new byte[length];
        System.arraycopy(value, offset, range, 0, length);
        fields.add(range);
    }

    /**
     * Writes a wrapper, {@code String}, {@code byte[]} (copied) or null as one field.
     *
     * @throws MessageFormatException if the value is of any other class
     */
    @Override
    public void writeObject(Object value) throws JMSException {
        checkBodyWritable();
        if (!TypedValueConversions.isBodyValue(value)) {
            throw MessageErrors.unsupportedValueType(value);
        }
        fields.add(TypedValueConversions.copyOf(value));
    }

    /** Makes the body read-only and positions it at its first field. */
    @Override
    public void reset() {
        setBodyReadOnly(true);
        rewind();
    }

    /**
     * Always throws: the specification gives a stream body no {@code getBody} type.
     *
     * @throws MessageFormatException always
     */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        throw MessageErrors.streamBodyNotAssignable();
    }

    /** Always false: a stream body cannot be returned by {@code getBody}. */
    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) {
        return false;
    }

    /**
     * Returns the fields in order, for encoding; {@code byte[]} values are not copied.
     *
     * @return a read-only view of the fields
     */
    public List<Object> fields() {
        return Collections.unmodifiableList(fields);
    }

    @Override
    protected boolean hasNoBody() {
        return fields.isEmpty();
    }

    @Override
    protected void clearBodyContent() {
        fields.clear();
        rewind();
    }

    @Override
    protected void onBodyReadOnly() {
        rewind();
    }

    private void rewind() {
        position = 0;
        insideBytesField = false;
        bytesFieldOffset = 0;
    }

    private int readBytesChunk(byte[] buffer) {
        byte[] field = (byte[]) fields.get(position);
        int remaining = field.length - bytesFieldOffset;
        if (remaining == 0) {
            finishBytesField();
            return -1;
        }
        int count = Math.min(remaining, buffer.length);
        System.arraycopy(field, bytesFieldOffset, buffer, 0, count);
        bytesFieldOffset += count;
        if (count < buffer.length) {
            finishBytesField();
        }
        return count;
    }

    private void finishBytesField() {
        insideBytesField = false;
        bytesFieldOffset = 0;
        position++;
    }

    private Object currentField() throws JMSException {
        if (!isBodyReadOnly()) {
            throw MessageErrors.bodyWriteOnly();
        }
        if (insideBytesField) {
            throw MessageErrors.unfinishedBytesField();
        }
        if (position >= fields.size()) {
            throw MessageErrors.endOfBody();
        }
        return fields.get(position);
    }

    private void append(Object value) throws JMSException {
        checkBodyWritable();
        fields.add(value);
    }
}
