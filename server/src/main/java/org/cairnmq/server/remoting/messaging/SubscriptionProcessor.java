package org.cairnmq.server.remoting.messaging;

import io.netty.buffer.ByteBuf;
import org.cairnmq.protocol.codec.ClientIdCodec;
import org.cairnmq.protocol.codec.UnsubscribeCodec;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.frame.FrameHeader;
import org.cairnmq.server.remoting.CommandProcessor;
import org.cairnmq.server.remoting.RemotingConnection;

/** CLIENT_ID and UNSUBSCRIBE. */
final class SubscriptionProcessor implements CommandProcessor {

    private final MessagingSupport support;

    SubscriptionProcessor(MessagingSupport support) {
        this.support = support;
    }

    @Override
    public void process(RemotingConnection connection, FrameHeader header, ByteBuf body) {
        if (header.command() == CommandCode.CLIENT_ID) {
            support.answerEmpty(connection, header,
                    support.broker().clientId(support.link(connection), ClientIdCodec.decode(body)));
        } else {
            support.answerEmpty(connection, header,
                    support.broker().unsubscribe(support.link(connection), UnsubscribeCodec.decode(body)));
        }
    }
}
