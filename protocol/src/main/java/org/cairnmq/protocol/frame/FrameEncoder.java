package org.cairnmq.protocol.frame;

import static org.cairnmq.protocol.frame.FrameDescriptor.HEADER_LENGTH;

import io.netty.buffer.ByteBuf;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.command.ErrorCode;

/**
 * Writes frames: a header with a placeholder length, the body written in place by the caller, and
 * the length patched in at the end.
 *
 * <pre>{@code
 * int start = FrameEncoder.beginFrame(out, CommandCode.ACK, FrameFlags.REQUEST, 42L, ErrorCode.OK);
 * out.writeLong(consumerId);            // the body, written straight into out
 * FrameEncoder.endFrame(out, start);
 * }</pre>
 *
 * <p>Design note: writing the body in place and patching the length avoids sizing the body twice
 * or copying it from a scratch buffer; the one pass is what makes the send path allocation free.
 */
public final class FrameEncoder {

    private FrameEncoder() {
    }

    /**
     * Writes a frame header at the writer index, with the length left to {@link #endFrame}.
     *
     * @param out the buffer to append to
     * @param command the command; not {@link CommandCode#UNKNOWN}
     * @param flags the {@link FrameFlags} bits
     * @param correlationId the correlation id, {@code 0} for none
     * @param status the status; {@link ErrorCode#OK} for requests
     * @return the index of the frame's first byte, to pass to {@link #endFrame}
     */
    public static int beginFrame(
        final ByteBuf out, final CommandCode command, final byte flags, final long correlationId,
        final ErrorCode status) {
        if (command == CommandCode.UNKNOWN || status == ErrorCode.UNKNOWN) {
            throw new IllegalArgumentException("UNKNOWN is not a wire value");
        }
        final int frameStart = out.writerIndex();
        out.ensureWritable(HEADER_LENGTH);
        out.writeInt(HEADER_LENGTH);
        out.writeByte(FrameDescriptor.CURRENT_VERSION);
        out.writeShort(command.code());
        out.writeByte(flags);
        out.writeLong(correlationId);
        out.writeShort(status.code());
        return frameStart;
    }

    /**
     * Patches the frame length of a frame begun with {@link #beginFrame}: everything from
     * {@code frameStart} to the writer index.
     *
     * @param out the buffer the frame was begun in
     * @param frameStart the value {@link #beginFrame} returned
     * @return the frame's length in bytes
     */
    public static int endFrame(final ByteBuf out, final int frameStart) {
        final int frameLengthBytes = out.writerIndex() - frameStart;
        if (frameLengthBytes < HEADER_LENGTH) {
            throw new IllegalStateException("frame at " + frameStart + " is shorter than its header");
        }
        out.setInt(frameStart + FrameDescriptor.FRAME_LENGTH_OFFSET, frameLengthBytes);
        return frameLengthBytes;
    }

    /**
     * Writes a whole frame whose body is already encoded.
     *
     * @param out the buffer to append to
     * @param command the command; not {@link CommandCode#UNKNOWN}
     * @param flags the {@link FrameFlags} bits
     * @param correlationId the correlation id, {@code 0} for none
     * @param status the status; {@link ErrorCode#OK} for requests
     * @param body the readable bytes to copy as the body; neither consumed nor released
     * @return the frame's length in bytes
     */
    public static int writeFrame(
        final ByteBuf out, final CommandCode command, final byte flags, final long correlationId,
        final ErrorCode status, final ByteBuf body) {
        final int frameStart = beginFrame(out, command, flags, correlationId, status);
        out.writeBytes(body, body.readerIndex(), body.readableBytes());
        return endFrame(out, frameStart);
    }
}
