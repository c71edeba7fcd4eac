package org.cairnmq.jms.connection;

import io.netty.buffer.ByteBuf;
import jakarta.jms.JMSException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.cairnmq.client.ConnectionLostException;
import org.cairnmq.jms.internal.JmsExceptions;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.command.ProtocolException;

/**
 * Waits for a protocol response on behalf of a JMS call and turns its failure into the JMS exception
 * {@link JmsExceptions} chooses.
 */
final class Await {

    private Await() {
    }

    /**
     * Waits for a response and reads it.
     *
     * @param future the pending response
     * @param timeoutMs how long to wait
     * @param reader reads the body; the body is released afterwards
     * @param <T> the result type
     * @return what the reader returned
     * @throws JMSException if the request failed, timed out or the thread was interrupted
     */
    static <T> T result(final CompletableFuture<ByteBuf> future, final long timeoutMs,
                        final Function<ByteBuf, T> reader) throws JMSException {
        final ByteBuf body = body(future, timeoutMs);
        try {
            return reader.apply(body);
        } catch (final ProtocolException malformed) {
            throw JmsExceptions.toJmsException(malformed);
        } finally {
            body.release();
        }
    }

    /**
     * Waits for a response whose body is empty.
     *
     * @param future the pending response
     * @param timeoutMs how long to wait
     * @throws JMSException if the request failed, timed out or the thread was interrupted
     */
    static void done(final CompletableFuture<ByteBuf> future, final long timeoutMs) throws JMSException {
        body(future, timeoutMs).release();
    }

    private static ByteBuf body(final CompletableFuture<ByteBuf> future, final long timeoutMs) throws JMSException {
        try {
            return future.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (final InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            future.thenAccept(ByteBuf::release);
            throw linked(new JMSException("CAIRN-J002 Interrupted while waiting for the broker"), interrupted);
        } catch (final TimeoutException timeout) {
            future.thenAccept(ByteBuf::release);
            throw linked(new JMSException("CAIRN-J003 The broker did not answer within " + timeoutMs + " ms"),
                timeout);
        } catch (final ExecutionException failed) {
            throw toJms(failed.getCause());
        }
    }

    /**
     * Converts the failure of a request.
     *
     * @param failure a {@link ProtocolException}, a {@link ConnectionLostException} or anything else
     * @return the JMS exception to throw
     */
    static JMSException toJms(final Throwable failure) {
        final Throwable cause = failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause() : failure;
        if (cause instanceof ProtocolException protocolException) {
            return JmsExceptions.toJmsException(protocolException);
        }
        if (cause instanceof ConnectionLostException) {
            return linked(JmsExceptions.toJmsException(ErrorCode.UNKNOWN,
                "CAIRN-J004 The connection to the broker was lost: " + cause.getMessage()), cause);
        }
        return linked(new JMSException("CAIRN-J005 The request failed: " + cause), cause);
    }

    private static JMSException linked(final JMSException exception, final Throwable cause) {
        exception.setLinkedException(cause instanceof Exception e ? e : null);
        exception.initCause(cause);
        return exception;
    }
}
