package org.cairnmq.server.remoting.messaging;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.cairnmq.protocol.codec.BodyWriter;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.command.ProtocolException;
import org.cairnmq.protocol.frame.FrameHeader;
import org.cairnmq.server.broker.Broker;
import org.cairnmq.server.broker.BrokerException;
import org.cairnmq.server.broker.ClientLink;
import org.cairnmq.server.remoting.RemotingConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the messaging processors share: one {@link ClientLink} per connection (registering the
 * broker's clean-up on the connection's close) and the mapping of a broker future to a response.
 *
 * <p>Thread safety: any thread; the link table is concurrent.
 */
final class MessagingSupport {

    private static final Logger LOG = LoggerFactory.getLogger(MessagingSupport.class);

    private final Broker broker;
    private final Map<Long, ClientLink> links = new ConcurrentHashMap<>();

    MessagingSupport(Broker broker) {
        this.broker = broker;
    }

    Broker broker() {
        return broker;
    }

    /** The connection's link; the first call registers the broker's clean-up on close. */
    ClientLink link(RemotingConnection connection) {
        return links.computeIfAbsent(connection.connectionId(), id -> {
            connection.onClose(() -> {
                links.remove(id);
                broker.connectionClosed(id);
            });
            return new RemotingClientLink(connection);
        });
    }

    /** Answers the request when the future completes: OK with the body, or an error response. */
    <T> void answer(RemotingConnection connection, FrameHeader header, CompletableFuture<T> future,
            Function<T, BodyWriter> body) {
        long correlationId = header.correlationId();
        CommandCode command = header.command();
        future.whenComplete((value, failure) -> {
            if (failure == null) {
                connection.respond(correlationId, command, body.apply(value));
            } else {
                respondError(connection, correlationId, command, failure);
            }
        });
    }

    /** Answers an empty OK body when the future completes. */
    void answerEmpty(RemotingConnection connection, FrameHeader header, CompletableFuture<Void> future) {
        answer(connection, header, future, ignored -> BodyWriter.EMPTY);
    }

    private static void respondError(RemotingConnection connection, long correlationId, CommandCode command,
            Throwable failure) {
        Reason reason = reasonOf(connection, command, failure);
        connection.respondError(correlationId, command, reason.errorCode(), reason.message());
    }

    /** Why a request failed, as an error response or a SEND_FAILED says it. */
    record Reason(ErrorCode errorCode, String message) {
    }

    /** The error code and message of a broker future's failure; an unexpected one is logged. */
    static Reason reasonOf(RemotingConnection connection, CommandCode command, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof BrokerException e) {
            return new Reason(e.errorCode(), e.getMessage());
        }
        if (cause instanceof ProtocolException e) {
            return new Reason(e.errorCode(), e.getMessage());
        }
        LOG.error("{} failed on connection {}", command, connection.connectionId(), cause);
        return new Reason(ErrorCode.INTERNAL, "CAIRN-2999 Internal broker error: " + cause);
    }
}
