package org.cairnmq.protocol.frame;

import static org.cairnmq.protocol.frame.FrameDescriptor.COMMAND_CODE_OFFSET;
import static org.cairnmq.protocol.frame.FrameDescriptor.CORRELATION_ID_OFFSET;
import static org.cairnmq.protocol.frame.FrameDescriptor.FRAME_LENGTH_OFFSET;
import static org.cairnmq.protocol.frame.FrameDescriptor.HEADER_LENGTH;
import static org.cairnmq.protocol.frame.FrameDescriptor.VERSION_OFFSET;

import io.netty.buffer.ByteBuf;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.command.ProtocolException;

/**
 * Cuts a byte stream into frames: the framing logic of {@code FrameDecoder}, without the Netty
 * channel types, so that any reader of a cumulated {@link ByteBuf} can use it.
 *
 * <p>What it guarantees for every input:
 * <ul>
 *   <li>A frame is returned only once all of it has arrived, as a retained slice of the input.</li>
 *   <li>A length below {@link FrameDescriptor#HEADER_LENGTH} (negative included) is
 *       {@link ErrorCode#MALFORMED_FRAME}: the stream cannot be resynchronised, so the splitter
 *       fails and discards everything it is given from then on.</li>
 *   <li>A length above the maximum is {@link ErrorCode#FRAME_TOO_LARGE}, and a version other than
 *       {@link FrameDescriptor#CURRENT_VERSION} is {@link ErrorCode#UNSUPPORTED_VERSION}: the
 *       splitter reads the header (for the correlation id), then skips the frame's bytes as they
 *       arrive without buffering them, and the stream stays in sync.</li>
 *   <li>Failures are thrown as {@link ProtocolException} after the splitter's state is updated, so
 *       the next call carries on correctly; the input's bytes are owned and released by the
 *       caller.</li>
 * </ul>
 *
 * <p>Owned by one thread (a channel's event loop); not thread safe.
 */
public final class FrameSplitter {

    private final int maxFrameLengthBytes;
    private long bytesToDiscard;
    private boolean failed;

    /**
     * Creates a splitter.
     *
     * @param maxFrameLengthBytes the longest frame accepted, header included; at least
     *     {@link FrameDescriptor#HEADER_LENGTH}
     */
    public FrameSplitter(final int maxFrameLengthBytes) {
        if (maxFrameLengthBytes < HEADER_LENGTH) {
            throw new IllegalArgumentException("maxFrameLengthBytes " + maxFrameLengthBytes + " < " + HEADER_LENGTH);
        }
        this.maxFrameLengthBytes = maxFrameLengthBytes;
    }

    /**
     * Returns the maximum frame length.
     *
     * @return the longest frame accepted, in bytes
     */
    public int maxFrameLengthBytes() {
        return maxFrameLengthBytes;
    }

    /**
     * Tells whether the stream was given up on after a malformed length.
     *
     * @return {@code true} once every further byte is discarded
     */
    public boolean isFailed() {
        return failed;
    }

    /**
     * Takes the next complete frame from the readable bytes of {@code in}.
     *
     * @param in the cumulated input; its reader index moves past what was consumed or skipped
     * @return a retained slice holding one whole frame (the caller releases it), or {@code null}
     *     when more bytes are needed
     * @throws ProtocolException when a frame is rejected, see the class description
     */
    public ByteBuf next(final ByteBuf in) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return null;
        }
        if (bytesToDiscard > 0 && discard(in) > 0) {
            return null;
        }
        final int readable = in.readableBytes();
        if (readable < Integer.BYTES) {
            return null;
        }
        final int start = in.readerIndex();
        final int frameLengthBytes = in.getInt(start + FRAME_LENGTH_OFFSET);
        if (frameLengthBytes < HEADER_LENGTH) {
            failed = true;
            in.skipBytes(readable);
            throw new ProtocolException(ErrorCode.MALFORMED_FRAME,
                "frame length " + frameLengthBytes + " is less than the header length " + HEADER_LENGTH,
                ProtocolException.NO_CORRELATION_ID, false);
        }
        if (readable < HEADER_LENGTH) {
            return null;
        }
        final byte version = in.getByte(start + VERSION_OFFSET);
        if (frameLengthBytes > maxFrameLengthBytes) {
            throw reject(in, frameLengthBytes, ErrorCode.FRAME_TOO_LARGE,
                "frame length " + frameLengthBytes + " exceeds the maximum " + maxFrameLengthBytes);
        }
        if (version != FrameDescriptor.CURRENT_VERSION) {
            throw reject(in, frameLengthBytes, ErrorCode.UNSUPPORTED_VERSION,
                "protocol version " + version + " is not supported, this peer speaks "
                    + FrameDescriptor.CURRENT_VERSION);
        }
        if (readable < frameLengthBytes) {
            return null;
        }
        return in.readRetainedSlice(frameLengthBytes);
    }

    private ProtocolException reject(
        final ByteBuf in, final int frameLengthBytes, final ErrorCode errorCode, final String message) {
        final int start = in.readerIndex();
        final long correlationId = in.getLong(start + CORRELATION_ID_OFFSET);
        final CommandCode command = CommandCode.fromCode(in.getShort(start + COMMAND_CODE_OFFSET));
        bytesToDiscard = frameLengthBytes;
        discard(in);
        return new ProtocolException(errorCode, message + " (command " + command + ")", correlationId, true);
    }

    private long discard(final ByteBuf in) {
        final int skipped = (int) Math.min(bytesToDiscard, in.readableBytes());
        in.skipBytes(skipped);
        bytesToDiscard -= skipped;
        return bytesToDiscard;
    }
}
