package org.cairnmq.protocol.command;

import java.util.Objects;

/**
 * An unchecked failure of the wire protocol, categorised by an {@link ErrorCode}.
 *
 * <p>When a frame decoder raises one, {@link #correlationId()} names the rejected request when its
 * header could be read, and {@link #isStreamInSync()} says whether the decoder can go on with the
 * next frame (the server answers with an error response) or has given up on the stream (the server
 * answers if it can and closes the channel).
 */
public final class ProtocolException extends RuntimeException {

    /** The correlation id reported when the failing frame's header could not be read. */
    public static final long NO_CORRELATION_ID = 0L;

    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;
    private final long correlationId;
    private final boolean streamInSync;

    /**
     * Creates an exception that is not tied to a frame of a stream.
     *
     * @param errorCode the category, never {@code null}
     * @param message what went wrong
     */
    public ProtocolException(final ErrorCode errorCode, final String message) {
        this(errorCode, message, NO_CORRELATION_ID, true);
    }

    /**
     * Creates an exception about one frame of a stream.
     *
     * @param errorCode the category, never {@code null}
     * @param message what went wrong
     * @param correlationId the rejected frame's correlation id, or {@link #NO_CORRELATION_ID}
     * @param streamInSync whether the decoder skipped exactly the rejected frame and can go on
     */
    public ProtocolException(
        final ErrorCode errorCode, final String message, final long correlationId, final boolean streamInSync) {
        super(errorCode + ": " + message);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
        this.correlationId = correlationId;
        this.streamInSync = streamInSync;
    }

    /**
     * Returns the category.
     *
     * @return the error code to answer with
     */
    public ErrorCode errorCode() {
        return errorCode;
    }

    /**
     * Returns the correlation id of the rejected frame.
     *
     * @return the id, or {@link #NO_CORRELATION_ID} when it is not known
     */
    public long correlationId() {
        return correlationId;
    }

    /**
     * Tells whether the stream can go on after this failure.
     *
     * @return {@code true} when the next byte read starts the next frame; {@code false} when the
     *     stream is out of sync and the channel should be closed
     */
    public boolean isStreamInSync() {
        return streamInSync;
    }
}
