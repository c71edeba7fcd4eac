package org.cairnmq.server.remoting.messaging;

import io.netty.buffer.ByteBuf;
import org.cairnmq.protocol.codec.CodecSupport;
import org.cairnmq.protocol.codec.XaCodec;
import org.cairnmq.protocol.frame.FrameHeader;
import org.cairnmq.server.broker.XaTransactions;
import org.cairnmq.server.remoting.CommandProcessor;
import org.cairnmq.server.remoting.RemotingConnection;

/** The XA_* commands (docs/PROTOCOL.md, "XA transactions"). */
final class XaProcessor implements CommandProcessor {

    private final MessagingSupport support;

    XaProcessor(MessagingSupport support) {
        this.support = support;
    }

    @Override
    public void process(RemotingConnection connection, FrameHeader header, ByteBuf body) {
        XaTransactions broker = support.broker().xa();
        switch (header.command()) {
            case XA_START -> support.answerEmpty(connection, header,
                    broker.start(support.link(connection), decoded(XaCodec.decodeStart(body), body)));
            case XA_END -> support.answerEmpty(connection, header,
                    broker.end(support.link(connection), decoded(XaCodec.decodeEnd(body), body)));
            case XA_PREPARE -> support.answer(connection, header,
                    broker.prepare(decoded(XaCodec.decodeXid(body), body)), XaCodec::prepareResponse);
            case XA_COMMIT -> {
                XaCodec.CommitRequest request = decoded(XaCodec.decodeCommit(body), body);
                support.answerEmpty(connection, header, broker.commit(request.xid(), request.onePhase()));
            }
            case XA_ROLLBACK -> support.answerEmpty(connection, header,
                    broker.rollback(decoded(XaCodec.decodeXid(body), body)));
            case XA_FORGET -> support.answerEmpty(connection, header,
                    broker.forget(decoded(XaCodec.decodeXid(body), body)));
            case XA_RECOVER -> support.answer(connection, header, broker.recover(), XaCodec::recoverResponse);
            default -> throw new IllegalArgumentException("not an XA command: " + header.command());
        }
    }

    private static <T> T decoded(T request, ByteBuf body) {
        CodecSupport.requireFullyRead(body);
        return request;
    }
}
