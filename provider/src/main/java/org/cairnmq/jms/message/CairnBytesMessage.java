package org.cairnmq.jms.message;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UTFDataFormatException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * A message whose body is a stream of uninterpreted bytes, written and read in the big-endian
 * {@link java.io.DataOutput} format (strings in modified UTF-8, as {@code writeUTF} writes them).
 *
 * <p>The body is write-only until {@link #reset()} (or receipt) makes it read-only and positions it
 * at its start; {@link #clearBody()} empties it and makes it write-only again. A read that fails
 * (end of body, malformed UTF-8) does not move the position.
 */
public class CairnBytesMessage extends CairnMessage implements BytesMessage {

    private ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final DataOutputStream writer = new DataOutputStream(new ForwardingOutput());
    private ByteBuffer readable;

    /** Creates an empty bytes message in write-only mode. */
    public CairnBytesMessage() {
    }

    @Override
    public long getBodyLength() throws JMSException {
        return readableBody().limit();
    }

    @Override
    public boolean readBoolean() throws JMSException {
        return readableBytes(Byte.BYTES).get() != 0;
    }

    @Override
    public byte readByte() throws JMSException {
        return readableBytes(Byte.BYTES).get();
    }

    @Override
    public int readUnsignedByte() throws JMSException {
        return Byte.toUnsignedInt(readableBytes(Byte.BYTES).get());
    }

    @Override
    public short readShort() throws JMSException {
        return readableBytes(Short.BYTES).getShort();
    }

    @Override
    public int readUnsignedShort() throws JMSException {
        return Short.toUnsignedInt(readableBytes(Short.BYTES).getShort());
    }

    @Override
    public char readChar() throws JMSException {
        return readableBytes(Character.BYTES).getChar();
    }

    @Override
    public int readInt() throws JMSException {
        return readableBytes(Integer.BYTES).getInt();
    }

    @Override
    public long readLong() throws JMSException {
        return readableBytes(Long.BYTES).getLong();
    }

    @Override
    public float readFloat() throws JMSException {
        return readableBytes(Float.BYTES).getFloat();
    }

    @Override
    public double readDouble() throws JMSException {
        return readableBytes(Double.BYTES).getDouble();
    }

    @Override
    public String readUTF() throws JMSException {
        ByteBuffer body = readableBody();
        ByteArrayInputStream remaining =
            new ByteArrayInputStream(body.array(), body.position(), body.remaining());
        try {
            String value = new DataInputStream(remaining).readUTF();
            body.position(body.limit() - remaining.available());
            return value;
        } catch (EOFException e) {
            throw MessageErrors.endOfBody();
        } catch (IOException e) {
            throw MessageErrors.malformedUtf(e);
        }
    }

    @Override
    public int readBytes(byte[] value) throws JMSException {
        return readBytes(value, value.length);
    }

    /**
     * Reads up to {@code length} bytes; returns -1 once the body has no bytes left.
     *
     * @throws IndexOutOfBoundsException if {@code length} is negative or exceeds the array
     */
    @Override
    public int readBytes(byte[] value, int length) throws JMSException {
        if (length < 0 || length > value.length) {
            throw new IndexOutOfBoundsException(
                "CAIRN-M014: length " + length + " is outside an array of " + value.length);
        }
        ByteBuffer body = readableBody();
        if (!body.hasRemaining()) {
            return -1;
        }
        int count = Math.min(length, body.remaining());
        body.get(value, 0, count);
        return count;
    }

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        write(() -> writer.writeBoolean(value));
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        write(() -> writer.writeByte(value));
    }

    @Override
    public void writeShort(short value) throws JMSException {
        write(() -> writer.writeShort(value));
    }

    @Override
    public void writeChar(char value) throws JMSException {
        write(() -> writer.writeChar(value));
    }

    @Override
    public void writeInt(int value) throws JMSException {
        write(() -> writer.writeInt(value));
    }

    @Override
    public void writeLong(long value) throws JMSException {
        write(() -> writer.writeLong(value));
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        write(() -> writer.writeFloat(value));
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        write(() -> writer.writeDouble(value));
    }

    /**
     * Writes a string in modified UTF-8 with a two-byte length prefix.
     *
     * @throws MessageFormatException if the encoded string is longer than 65535 bytes
     */
    @Override
    public void writeUTF(String value) throws JMSException {
        write(() -> writer.writeUTF(value));
    }

    @Override
    public void writeBytes(byte[] value) throws JMSException {
        write(() -> writer.write(value));
    }

    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        write(() -> writer.write(value, offset, length));
    }

    /**
     * Writes a wrapper as its primitive, a {@code String} with {@code writeUTF}, or a {@code byte[]}.
     *
     * @throws NullPointerException if the value is null (a bytes message has no null)
     * @throws MessageFormatException if the value is of any other class
     */
    @Override
    public void writeObject(Object value) throws JMSException {
        if (value == null) {
            throw new NullPointerException("CAIRN-M015: a BytesMessage cannot hold a null value");
        }
        if (value instanceof String s) {
            writeUTF(s);
        } else if (value instanceof byte[] bytes) {
            writeBytes(bytes);
        } else if (value instanceof Character c) {
            writeChar(c);
        } else if (value instanceof Boolean b) {
            writeBoolean(b);
        } else if (!writeNumber(value)) {
            checkBodyWritable();
            throw MessageErrors.unsupportedValueType(value);
        }
    }

    /** Makes the body read-only and positions it at its first byte. */
    @Override
    public void reset() {
        if (!isBodyReadOnly()) {
            readable = ByteBuffer.wrap(written.toByteArray());
            written = new ByteArrayOutputStream();
            setBodyReadOnly(true);
        }
        readable.rewind();
    }

    /**
     * Returns the body as {@code byte[]}; as the specification says, the message is reset before and
     * after, so it is left read-only at its start.
     */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        reset();
        T body = super.getBody(c);
        reset();
        return body;
    }

    /**
     * Returns the body's length in either mode, without copying it.
     *
     * @return the bytes written so far (write-only mode) or the body's length (read-only mode)
     */
    public int bodyLength() {
        return isBodyReadOnly() ? readable.limit() : written.size();
    }

    /**
     * Returns a copy of the whole body in either mode, for encoding and copying.
     *
     * @return the bytes written so far (write-only mode) or the body (read-only mode)
     */
    public byte[] bodyBytes() {
        if (isBodyReadOnly()) {
            byte[] copy = new byte[readable.limit()];
            readable.get(0, copy);
            return copy;
        }
        return written.toByteArray();
    }

    @Override
    protected boolean hasNoBody() {
        return isBodyReadOnly() ? readable.limit() == 0 : written.size() == 0;
    }

    @Override
    protected Object bodyValue() {
        return bodyBytes();
    }

    @Override
    protected void clearBodyContent() {
        written = new ByteArrayOutputStream();
        readable = null;
    }

    @Override
    protected void onBodyReadOnly() {
        if (readable == null) {
            readable = ByteBuffer.wrap(written.toByteArray());
            written = new ByteArrayOutputStream();
        }
        readable.rewind();
    }

    private boolean writeNumber(Object value) throws JMSException {
        if (value instanceof Byte b) {
            writeByte(b);
        } else if (value instanceof Short s) {
            writeShort(s);
        } else if (value instanceof Integer i) {
            writeInt(i);
        } else if (value instanceof Long l) {
            writeLong(l);
        } else if (value instanceof Float f) {
            writeFloat(f);
        } else if (value instanceof Double d) {
            writeDouble(d);
        } else {
            return false;
        }
        return true;
    }

    private ByteBuffer readableBody() throws MessageNotReadableException {
        if (!isBodyReadOnly()) {
            throw MessageErrors.bodyWriteOnly();
        }
        return readable;
    }

    private ByteBuffer readableBytes(int count) throws JMSException {
        ByteBuffer body = readableBody();
        if (body.remaining() < count) {
            throw MessageErrors.endOfBody();
        }
        return body;
    }

    private void write(BodyWrite operation) throws JMSException {
        checkBodyWritable();
        try {
            operation.run();
        } catch (UTFDataFormatException e) {
            throw MessageErrors.stringTooLong(e);
        } catch (IOException e) {
            throw new UncheckedIOException("CAIRN-M016: writing to memory failed", e);
        }
    }

    @FunctionalInterface
    private interface BodyWrite {
        void run() throws IOException;
    }

    /**
     * Lets the one {@link DataOutputStream} write into whichever buffer is current after
     * {@link #clearBody()} replaced it.
     */
    private final class ForwardingOutput extends OutputStream {
        @Override
        public void write(int b) {
            written.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            written.write(b, off, len);
        }
    }
}
