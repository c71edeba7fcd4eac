package org.cairnmq.server.remoting.messaging;

import io.netty.buffer.ByteBuf;
import org.cairnmq.protocol.codec.RecoverCodec;
import org.cairnmq.protocol.codec.TxCodec;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.frame.FrameHeader;
import org.cairnmq.server.remoting.CommandProcessor;
import org.cairnmq.server.remoting.RemotingConnection;

/** TX_COMMIT and TX_ROLLBACK of local transactions. */
final class TransactionProcessor implements CommandProcessor {

    private final MessagingSupport support;

    TransactionProcessor(MessagingSupport support) {
        this.support = support;
    }

    @Override
    public void process(RemotingConnection connection, FrameHeader header, ByteBuf body) {
        long connectionId = support.link(connection).connectionId();
        if (header.command() == CommandCode.TX_COMMIT) {
            TxCodec.Request request = TxCodec.decode(body);
            support.answerEmpty(connection, header,
                    support.broker().commit(connectionId, request.sessionId(), request.txId()));
        } else {
            RecoverCodec.Request request = RecoverCodec.decode(body);
            support.answer(connection, header, support.broker().rollback(connectionId, request.sessionId(),
                    request.txId(), request.consumedDeliveryIds()), RecoverCodec::response);
        }
    }
}
