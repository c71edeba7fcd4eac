package org.cairnmq.server.remoting.messaging;

import io.netty.buffer.ByteBuf;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cairnmq.protocol.codec.MessagingBodyDescriptor;
import org.cairnmq.protocol.codec.SendFailedCodec;
import org.cairnmq.protocol.codec.UnansweredSendCodec;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.command.ProtocolException;
import org.cairnmq.protocol.frame.FrameHeader;
import org.cairnmq.server.remoting.CommandProcessor;
import org.cairnmq.server.remoting.RemotingConnection;

/**
 * SEND_UNANSWERED: a non-persistent send outside a transaction that the broker does not answer. The
 * broker handles it as a SEND; when that would have been answered OK, the body's bytes go back to the
 * client's send window ({@link SendCreditReturns}); when it fails, a SEND_FAILED names the session,
 * says why, and carries the bytes back itself. Every frame's bytes go back exactly once, even when its
 * body cannot be read, so a client's window never shrinks.
 */
final class UnansweredSendProcessor implements CommandProcessor {

    private final MessagingSupport support;
    private final Map<Long, SendCreditReturns> creditReturns = new ConcurrentHashMap<>();

    UnansweredSendProcessor(MessagingSupport support) {
        this.support = support;
    }

    @Override
    public void process(RemotingConnection connection, FrameHeader header, ByteBuf body) {
        int bytes = body.readableBytes();
        long sessionId = 0L;
        ByteBuf record;
        int queueId;
        try {
            sessionId = UnansweredSendCodec.sessionId(body);
            queueId = UnansweredSendCodec.queueId(body);
            record = UnansweredSendCodec.record(body);
        } catch (ProtocolException malformed) {
            fail(connection, sessionId, bytes, malformed);
            return;
        }
        long session = sessionId;
        support.broker().send(support.link(connection), MessagingBodyDescriptor.NO_TRANSACTION, queueId,
                record.retain()).whenComplete((ignored, failure) -> {
                    if (failure == null) {
                        creditReturnsOf(connection).handled(session, bytes);
                    } else {
                        fail(connection, session, bytes, failure);
                    }
                });
    }

    private static void fail(RemotingConnection connection, long sessionId, int bytes, Throwable failure) {
        MessagingSupport.Reason reason = MessagingSupport.reasonOf(connection, CommandCode.SEND_UNANSWERED, failure);
        connection.push(CommandCode.SEND_FAILED,
                SendFailedCodec.body(new SendFailedCodec.Failure(sessionId, bytes, reason.errorCode(), reason.message())));
    }

    private SendCreditReturns creditReturnsOf(RemotingConnection connection) {
        SendCreditReturns returns = creditReturns.get(connection.connectionId());
        if (returns != null) {
            return returns;
        }
        SendCreditReturns created = new SendCreditReturns(connection);
        SendCreditReturns raced = creditReturns.putIfAbsent(connection.connectionId(), created);
        if (raced != null) {
            return raced;
        }
        // Registered outside the map's update: on a closed connection the listener runs at once.
        long connectionId = connection.connectionId();
        connection.onClose(() -> creditReturns.remove(connectionId));
        return created;
    }
}
