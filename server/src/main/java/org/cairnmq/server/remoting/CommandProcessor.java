package org.cairnmq.server.remoting;

import io.netty.buffer.ByteBuf;
import org.cairnmq.protocol.frame.FrameHeader;

/**
 * Handles the commands of one family (sending, consuming, transactions, naming, ...). The remoting
 * layer registers one processor per command code and calls it for every request or one-way frame of
 * that code on an authenticated connection.
 *
 * <p>Owning thread: called on the connection's Netty event loop. A processor never blocks: work that
 * waits (a durable append, a long poll) completes later and answers through
 * {@link RemotingConnection#respond}, which may be called from any thread.
 */
@FunctionalInterface
public interface CommandProcessor {

    /**
     * Handles one frame.
     *
     * @param connection the connection the frame came on
     * @param header the frame's header; valid only during this call
     * @param body the frame's body; released by the caller when this call returns, so a processor
     *     that keeps it longer retains it (and releases it when done)
     * @throws org.cairnmq.protocol.command.ProtocolException for a bad request: the remoting layer
     *     answers it with the exception's error code (and closes the connection when the stream is out
     *     of sync)
     */
    void process(RemotingConnection connection, FrameHeader header, ByteBuf body);
}
