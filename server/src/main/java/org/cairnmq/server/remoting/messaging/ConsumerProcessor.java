package org.cairnmq.server.remoting.messaging;

import io.netty.buffer.ByteBuf;
import org.cairnmq.protocol.codec.CloseConsumerCodec;
import org.cairnmq.protocol.codec.CreateConsumerCodec;
import org.cairnmq.protocol.codec.CreditCodec;
import org.cairnmq.protocol.codec.PullCodec;
import org.cairnmq.protocol.frame.FrameHeader;
import org.cairnmq.server.remoting.CommandProcessor;
import org.cairnmq.server.remoting.RemotingConnection;

/** CREATE_CONSUMER, CLOSE_CONSUMER, CREDIT (one-way) and PULL. */
final class ConsumerProcessor implements CommandProcessor {

    private final MessagingSupport support;

    ConsumerProcessor(MessagingSupport support) {
        this.support = support;
    }

    @Override
    public void process(RemotingConnection connection, FrameHeader header, ByteBuf body) {
        long connectionId = support.link(connection).connectionId();
        switch (header.command()) {
            case CREATE_CONSUMER -> support.answerEmpty(connection, header,
                    support.broker().createConsumer(support.link(connection), CreateConsumerCodec.decode(body)));
            case CLOSE_CONSUMER -> {
                CloseConsumerCodec.Request request = CloseConsumerCodec.decode(body);
                support.answerEmpty(connection, header, support.broker().closeConsumer(connectionId,
                        request.consumerId(), request.unconsumedDeliveryIds(), request.highestReceivedDeliveryId()));
            }
            case CREDIT -> {
                CreditCodec.Credit credit = CreditCodec.decode(body);
                support.broker().credit(connectionId, credit.consumerId(), credit.credit());
            }
            default -> {
                PullCodec.Request request = PullCodec.decode(body);
                support.answer(connection, header,
                        support.broker().pull(connectionId, request.consumerId(), request.timeoutMs()),
                        PullCodec::response);
            }
        }
    }
}
