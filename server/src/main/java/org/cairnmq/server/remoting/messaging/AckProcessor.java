package org.cairnmq.server.remoting.messaging;

import io.netty.buffer.ByteBuf;
import org.cairnmq.protocol.codec.AckFlyweight;
import org.cairnmq.protocol.codec.RecoverCodec;
import org.cairnmq.protocol.codec.SessionCodec;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.frame.FrameHeader;
import org.cairnmq.server.remoting.CommandProcessor;
import org.cairnmq.server.remoting.RemotingConnection;

/** ACK (answered once durable), RECOVER (answered with the highest delivery id taken back) and CLOSE_SESSION. */
final class AckProcessor implements CommandProcessor {

    private final MessagingSupport support;

    AckProcessor(MessagingSupport support) {
        this.support = support;
    }

    @Override
    public void process(RemotingConnection connection, FrameHeader header, ByteBuf body) {
        long connectionId = support.link(connection).connectionId();
        if (header.command() == CommandCode.ACK) {
            AckFlyweight ack = new AckFlyweight().wrap(body);
            support.answerEmpty(connection, header, support.broker().ack(connectionId, ack.sessionId(), ack.txId(),
                    ack.mode(), ack.deliveryIds()));
        } else if (header.command() == CommandCode.RECOVER) {
            RecoverCodec.Request request = RecoverCodec.decode(body);
            support.answer(connection, header, support.broker().recover(connectionId, request.sessionId(),
                    request.consumedDeliveryIds()), RecoverCodec::response);
        } else {
            support.answerEmpty(connection, header,
                    support.broker().closeSession(connectionId, SessionCodec.decode(body)));
        }
    }
}
