package org.cairnmq.protocol.frame;

/**
 * Layout of a protocol frame. All integers are big-endian.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                      Frame Length                             |  0
 *  +---------------+-------------------------------+---------------+
 *  |    Version    |         Command Code          |     Flags     |  4
 *  +---------------+-------------------------------+---------------+
 *  |                      Correlation Id                           |  8
 *  |                                                               | 12
 *  +-------------------------------+-------------------------------+
 *  |          Status Code          |  Body ...                       16
 *  +-------------------------------+
 * </pre>
 *
 * <ul>
 *   <li>Frame Length: the whole frame in bytes, this field and the header included, so it is at
 *       least {@link #HEADER_LENGTH}.</li>
 *   <li>Version: {@link #CURRENT_VERSION} for frames this code writes.</li>
 *   <li>Command Code: a {@link org.cairnmq.protocol.command.CommandCode} wire value.</li>
 *   <li>Flags: {@link FrameFlags}.</li>
 *   <li>Correlation Id: chosen by the requester, echoed by the response; requesters start at 1
 *       and {@code 0} means "no request" (pushes, one-way frames).</li>
 *   <li>Status Code: an {@link org.cairnmq.protocol.command.ErrorCode} wire value in responses,
 *       {@code 0} (OK) in requests.</li>
 *   <li>Body: command specific, frame length minus header length bytes.</li>
 * </ul>
 */
public final class FrameDescriptor {

    /** Offset of the int frame length. */
    public static final int FRAME_LENGTH_OFFSET = 0;
    /** Offset of the byte protocol version. */
    public static final int VERSION_OFFSET = 4;
    /** Offset of the short command code. */
    public static final int COMMAND_CODE_OFFSET = 5;
    /** Offset of the byte flags. */
    public static final int FLAGS_OFFSET = 7;
    /** Offset of the long correlation id. */
    public static final int CORRELATION_ID_OFFSET = 8;
    /** Offset of the short status code. */
    public static final int STATUS_CODE_OFFSET = 16;
    /** Length of the header; the body starts here. */
    public static final int HEADER_LENGTH = 18;

    /** The protocol version this code writes and the only one it reads. */
    public static final byte CURRENT_VERSION = 1;

    /** Default maximum frame length: 16 MiB. */
    public static final int DEFAULT_MAX_FRAME_LENGTH_BYTES = 16 * 1024 * 1024;

    private FrameDescriptor() {
    }
}
