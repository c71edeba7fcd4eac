package org.cairnmq.server.remoting;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.cairnmq.protocol.codec.BodyWriter;
import org.cairnmq.protocol.codec.CodecSupport;
import org.cairnmq.protocol.codec.ErrorBodyCodec;
import org.cairnmq.protocol.codec.HandshakeCodec;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.frame.FrameFlags;

/**
 * A blocking socket client that speaks raw frames, independent of the server's Netty code, so that
 * tests can send exactly the bytes they mean (garbage included).
 */
final class RawClient implements AutoCloseable {

    /** A frame read from the server. */
    record Frame(CommandCode command, byte flags, long correlationId, ErrorCode status, byte[] body) {

        String errorMessage() {
            final ByteBuf in = Unpooled.wrappedBuffer(body);
            try {
                return ErrorBodyCodec.decode(in);
            } finally {
                in.release();
            }
        }

        HandshakeCodec.Response handshakeResponse() {
            final ByteBuf in = Unpooled.wrappedBuffer(body);
            try {
                return HandshakeCodec.decodeResponse(in);
            } finally {
                in.release();
            }
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private long nextCorrelationId = 1;

    RawClient(final int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    long request(final CommandCode command, final BodyWriter body) throws IOException {
        final long correlationId = nextCorrelationId++;
        write(command, FrameFlags.REQUEST, correlationId, body);
        return correlationId;
    }

    void write(final CommandCode command, final byte flags, final long correlationId, final BodyWriter body)
        throws IOException {
        final ByteBuf frame = CodecSupport.encodeFrame(UnpooledByteBufAllocator.DEFAULT, command, flags, correlationId,
            ErrorCode.OK, body);
        try {
            writeRaw(ByteBufUtil.getBytes(frame));
        } finally {
            frame.release();
        }
    }

    void writeRaw(final byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    Frame handshake(final String user, final String password) throws IOException {
        request(CommandCode.HANDSHAKE, new HandshakeCodec.Request(user, password, "test"));
        return read();
    }

    Frame read() throws IOException {
        final int length = in.readInt();
        final byte[] rest = new byte[length - Integer.BYTES];
        in.readFully(rest);
        final ByteBuf header = Unpooled.wrappedBuffer(rest);
        try {
            header.skipBytes(1);
            final CommandCode command = CommandCode.fromCode(header.readShort());
            final byte flags = header.readByte();
            final long correlationId = header.readLong();
            final ErrorCode status = ErrorCode.fromCode(header.readShort());
            final byte[] body = new byte[header.readableBytes()];
            header.readBytes(body);
            return new Frame(command, flags, correlationId, status, body);
        } finally {
            header.release();
        }
    }

    /** Reads until the server closes the connection, skipping frames; fails on timeout. */
    boolean awaitClosedByServer() throws IOException {
        try {
            while (true) {
                read();
            }
        } catch (final EOFException | SocketException e) {
            return true;
        } catch (final SocketTimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
