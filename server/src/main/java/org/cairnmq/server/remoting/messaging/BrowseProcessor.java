package org.cairnmq.server.remoting.messaging;

import io.netty.buffer.ByteBuf;
import org.cairnmq.protocol.codec.BrowseCodec;
import org.cairnmq.protocol.frame.FrameHeader;
import org.cairnmq.server.remoting.CommandProcessor;
import org.cairnmq.server.remoting.RemotingConnection;

/** BROWSE: one page of a queue, read without consuming. */
final class BrowseProcessor implements CommandProcessor {

    private final MessagingSupport support;

    BrowseProcessor(MessagingSupport support) {
        this.support = support;
    }

    @Override
    public void process(RemotingConnection connection, FrameHeader header, ByteBuf body) {
        BrowseCodec.Request request = BrowseCodec.decode(body);
        support.answer(connection, header, support.broker().browse(support.link(connection),
                request.destination().kind(), request.destination().name(), request.selector(), request.cursor(),
                request.maxCount()), page -> BrowseCodec.response(page.nextCursor(), page.done(), page.records()));
    }
}
