package org.cairnmq.server.remoting.messaging;

import io.netty.buffer.ByteBuf;
import org.cairnmq.protocol.codec.DestinationCodec;
import org.cairnmq.protocol.codec.DestinationRef;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.frame.FrameHeader;
import org.cairnmq.server.remoting.CommandProcessor;
import org.cairnmq.server.remoting.RemotingConnection;

/** CREATE_DESTINATION and DELETE_DESTINATION. */
final class DestinationProcessor implements CommandProcessor {

    private final MessagingSupport support;

    DestinationProcessor(MessagingSupport support) {
        this.support = support;
    }

    @Override
    public void process(RemotingConnection connection, FrameHeader header, ByteBuf body) {
        if (header.command() == CommandCode.CREATE_DESTINATION) {
            DestinationCodec.CreateRequest request = DestinationCodec.decodeCreate(body);
            DestinationRef destination = request.destination();
            support.answerEmpty(connection, header, support.broker().createDestination(support.link(connection),
                    destination.kind(), destination.name(), request.queueCount()));
        } else {
            DestinationRef destination = DestinationCodec.decodeDelete(body);
            support.answerEmpty(connection, header, support.broker().deleteDestination(support.link(connection),
                    destination.kind(), destination.name()));
        }
    }
}
