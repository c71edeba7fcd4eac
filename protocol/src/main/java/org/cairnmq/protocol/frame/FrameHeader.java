package org.cairnmq.protocol.frame;

import static org.cairnmq.protocol.frame.FrameDescriptor.COMMAND_CODE_OFFSET;
import static org.cairnmq.protocol.frame.FrameDescriptor.CORRELATION_ID_OFFSET;
import static org.cairnmq.protocol.frame.FrameDescriptor.FLAGS_OFFSET;
import static org.cairnmq.protocol.frame.FrameDescriptor.FRAME_LENGTH_OFFSET;
import static org.cairnmq.protocol.frame.FrameDescriptor.HEADER_LENGTH;
import static org.cairnmq.protocol.frame.FrameDescriptor.STATUS_CODE_OFFSET;
import static org.cairnmq.protocol.frame.FrameDescriptor.VERSION_OFFSET;

import io.netty.buffer.ByteBuf;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.command.ErrorCode;

/**
 * Flyweight over a frame header in a {@link ByteBuf}: reads and writes the fields of
 * {@link FrameDescriptor} at absolute indexes, leaving the buffer's reader and writer indexes alone.
 *
 * <p>One instance is meant to be re-wrapped for every frame by the thread that owns it (a channel's
 * event loop), so decoding a frame header creates no objects. It is not thread safe.
 */
public final class FrameHeader {

    private ByteBuf buffer;
    private int offset;

    /**
     * Points this flyweight at a frame.
     *
     * @param buffer the buffer that holds the frame
     * @param offset the absolute index of the frame's first byte (its length field)
     * @return this
     */
    public FrameHeader wrap(final ByteBuf buffer, final int offset) {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    /**
     * Returns the wrapped buffer.
     *
     * @return the buffer, or {@code null} before the first {@link #wrap}
     */
    public ByteBuf buffer() {
        return buffer;
    }

    /**
     * Returns where the frame starts.
     *
     * @return the absolute index of the frame in {@link #buffer()}
     */
    public int offset() {
        return offset;
    }

    /**
     * Reads the frame length.
     *
     * @return the whole frame's length in bytes, header included
     */
    public int frameLength() {
        return buffer.getInt(offset + FRAME_LENGTH_OFFSET);
    }

    /**
     * Writes the frame length.
     *
     * @param frameLengthBytes the whole frame's length in bytes, header included
     * @return this
     */
    public FrameHeader frameLength(final int frameLengthBytes) {
        buffer.setInt(offset + FRAME_LENGTH_OFFSET, frameLengthBytes);
        return this;
    }

    /**
     * Reads the protocol version.
     *
     * @return the version byte
     */
    public byte version() {
        return buffer.getByte(offset + VERSION_OFFSET);
    }

    /**
     * Writes the protocol version.
     *
     * @param version the version byte
     * @return this
     */
    public FrameHeader version(final byte version) {
        buffer.setByte(offset + VERSION_OFFSET, version);
        return this;
    }

    /**
     * Reads the raw command code.
     *
     * @return the 16-bit code as written
     */
    public short commandCodeValue() {
        return buffer.getShort(offset + COMMAND_CODE_OFFSET);
    }

    /**
     * Reads the command.
     *
     * @return the command, or {@link CommandCode#UNKNOWN}
     */
    public CommandCode command() {
        return CommandCode.fromCode(commandCodeValue());
    }

    /**
     * Writes the command code.
     *
     * @param command the command; not {@link CommandCode#UNKNOWN}
     * @return this
     */
    public FrameHeader command(final CommandCode command) {
        if (command == CommandCode.UNKNOWN) {
            throw new IllegalArgumentException("UNKNOWN is not a wire command");
        }
        buffer.setShort(offset + COMMAND_CODE_OFFSET, command.code());
        return this;
    }

    /**
     * Reads the flags.
     *
     * @return the flags byte, see {@link FrameFlags}
     */
    public byte flags() {
        return buffer.getByte(offset + FLAGS_OFFSET);
    }

    /**
     * Writes the flags.
     *
     * @param flags the flags byte, see {@link FrameFlags}
     * @return this
     */
    public FrameHeader flags(final byte flags) {
        buffer.setByte(offset + FLAGS_OFFSET, flags);
        return this;
    }

    /**
     * Tells whether the frame is a request.
     *
     * @return whether {@link FrameFlags#REQUEST} is set
     */
    public boolean isRequest() {
        return FrameFlags.isSet(flags(), FrameFlags.REQUEST);
    }

    /**
     * Tells whether the frame is a response.
     *
     * @return whether {@link FrameFlags#RESPONSE} is set
     */
    public boolean isResponse() {
        return FrameFlags.isSet(flags(), FrameFlags.RESPONSE);
    }

    /**
     * Tells whether the frame is one-way.
     *
     * @return whether {@link FrameFlags#ONE_WAY} is set
     */
    public boolean isOneWay() {
        return FrameFlags.isSet(flags(), FrameFlags.ONE_WAY);
    }

    /**
     * Reads the correlation id.
     *
     * @return the id, {@code 0} for none
     */
    public long correlationId() {
        return buffer.getLong(offset + CORRELATION_ID_OFFSET);
    }

    /**
     * Writes the correlation id.
     *
     * @param correlationId the id, {@code 0} for none
     * @return this
     */
    public FrameHeader correlationId(final long correlationId) {
        buffer.setLong(offset + CORRELATION_ID_OFFSET, correlationId);
        return this;
    }

    /**
     * Reads the raw status code.
     *
     * @return the 16-bit status as written
     */
    public short statusCodeValue() {
        return buffer.getShort(offset + STATUS_CODE_OFFSET);
    }

    /**
     * Reads the status.
     *
     * @return the status, or {@link ErrorCode#UNKNOWN}
     */
    public ErrorCode status() {
        return ErrorCode.fromCode(statusCodeValue());
    }

    /**
     * Writes the status.
     *
     * @param status the status; not {@link ErrorCode#UNKNOWN}
     * @return this
     */
    public FrameHeader status(final ErrorCode status) {
        if (status == ErrorCode.UNKNOWN) {
            throw new IllegalArgumentException("UNKNOWN is not a wire status");
        }
        buffer.setShort(offset + STATUS_CODE_OFFSET, status.code());
        return this;
    }

    /**
     * Returns where the body starts.
     *
     * @return the absolute index of the body's first byte
     */
    public int bodyOffset() {
        return offset + HEADER_LENGTH;
    }

    /**
     * Returns the body's length, from the frame length.
     *
     * @return the body's length in bytes
     */
    public int bodyLength() {
        return frameLength() - HEADER_LENGTH;
    }

    /**
     * Returns the body as a slice that shares the buffer's content and reference count.
     *
     * @return an unretained slice of {@link #bodyLength()} bytes; valid while the buffer is
     */
    public ByteBuf body() {
        return buffer.slice(bodyOffset(), bodyLength());
    }
}
