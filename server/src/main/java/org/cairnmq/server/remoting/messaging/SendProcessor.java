package org.cairnmq.server.remoting.messaging;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.cairnmq.protocol.codec.SendBatchCodec;
import org.cairnmq.protocol.codec.SendFlyweight;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.frame.FrameHeader;
import org.cairnmq.server.broker.ClientLink;
import org.cairnmq.server.remoting.CommandProcessor;
import org.cairnmq.server.remoting.RemotingConnection;

/**
 * SEND and SEND_BATCH. The record is handed to the broker as a retained slice of the frame body,
 * never copied here. A batch is answered when every message may be, or with the first failure.
 */
final class SendProcessor implements CommandProcessor {

    private final MessagingSupport support;

    SendProcessor(MessagingSupport support) {
        this.support = support;
    }

    @Override
    public void process(RemotingConnection connection, FrameHeader header, ByteBuf body) {
        ClientLink link = support.link(connection);
        if (header.command() == CommandCode.SEND) {
            SendFlyweight send = new SendFlyweight().wrap(body);
            support.answerEmpty(connection, header,
                    support.broker().send(link, send.txId(), send.queueId(), send.record().retain()));
            return;
        }
        SendBatchCodec.Batch batch = SendBatchCodec.decode(body);
        List<CompletableFuture<Void>> sends = new ArrayList<>(batch.entries().size());
        for (SendBatchCodec.Entry entry : batch.entries()) {
            sends.add(support.broker().send(link, batch.txId(), entry.queueId(), entry.record().retain()));
        }
        support.answerEmpty(connection, header, CompletableFuture.allOf(sends.toArray(new CompletableFuture<?>[0])));
    }
}
