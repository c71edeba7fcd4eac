package org.cairnmq.jms.connection;

import io.netty.buffer.ByteBuf;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.Queue;
import jakarta.jms.QueueSender;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;
import java.util.concurrent.CompletableFuture;
import org.cairnmq.client.session.BrokerChannel;
import org.cairnmq.client.session.ClientCommands;
import org.cairnmq.client.session.SendWindow;
import org.cairnmq.jms.destination.CairnDestination;
import org.cairnmq.jms.message.CairnMessage;
import org.cairnmq.jms.message.ForeignMessages;
import org.cairnmq.jms.message.MessageRecordMapper;
import org.cairnmq.protocol.codec.SubscriptionHeaders;
import org.cairnmq.protocol.command.CommandCode;

/**
 * A producer: sets the send-time headers (message id made on the client, timestamp, expiration,
 * delivery time), encodes the record and sends it.
 *
 * <p>Design note: a synchronous send of a PERSISTENT message, and every send of a transacted session,
 * waits for the broker's answer, so that a failed send surfaces as a {@link JMSException} from
 * {@code send} (a persistent send returns only once the message is durable). A synchronous
 * NON_PERSISTENT send outside a transaction goes unanswered (SEND_UNANSWERED), as Artemis sends it by
 * default: it returns once the message is written to the connection, and the broker answers nothing
 * when it succeeds. A byte window per broker connection ({@code producerWindowBytes}) bounds what is
 * on its way: the broker hands room back as it handles the sends, and holds a send it must delay, so
 * its flow control still blocks the producer once the window is full. A failure the broker reports
 * is thrown by the session's next send, or by closing the producer or the session (which wait until
 * the broker has handled every unanswered send of the session), and given to the connection's
 * {@link jakarta.jms.ExceptionListener}. Order is kept: one connection carries the sends in order.
 * The asynchronous {@code send(..., CompletionListener)} does not wait either; its listener runs on
 * the session's thread when the answer arrives ({@link SendCompletions}).
 *
 * <p>Thread safety: the session's thread of control.
 */
public final class CairnMessageProducer implements QueueSender, TopicPublisher {

    private final CairnSession session;
    private final CairnDestination destination;
    private final MessageRecordMapper mapper = new MessageRecordMapper();
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private int priority = Message.DEFAULT_PRIORITY;
    private long timeToLiveMs = Message.DEFAULT_TIME_TO_LIVE;
    private long deliveryDelayMs = Message.DEFAULT_DELIVERY_DELAY;
    private boolean disableMessageId;
    private boolean disableMessageTimestamp;
    private volatile boolean closed;

    CairnMessageProducer(final CairnSession session, final CairnDestination destination) {
        this.session = session;
        this.destination = destination;
    }

    // ---- settings

    @Override
    public void setDisableMessageID(final boolean value) throws JMSException {
        checkOpen();
        disableMessageId = value;
    }

    @Override
    public boolean getDisableMessageID() throws JMSException {
        checkOpen();
        return disableMessageId;
    }

    @Override
    public void setDisableMessageTimestamp(final boolean value) throws JMSException {
        checkOpen();
        disableMessageTimestamp = value;
    }

    @Override
    public boolean getDisableMessageTimestamp() throws JMSException {
        checkOpen();
        return disableMessageTimestamp;
    }

    @Override
    public void setDeliveryMode(final int newDeliveryMode) throws JMSException {
        checkOpen();
        deliveryMode = validDeliveryMode(newDeliveryMode);
    }

    @Override
    public int getDeliveryMode() throws JMSException {
        checkOpen();
        return deliveryMode;
    }

    @Override
    public void setPriority(final int newPriority) throws JMSException {
        checkOpen();
        priority = validPriority(newPriority);
    }

    @Override
    public int getPriority() throws JMSException {
        checkOpen();
        return priority;
    }

    @Override
    public void setTimeToLive(final long newTimeToLiveMs) throws JMSException {
        checkOpen();
        timeToLiveMs = newTimeToLiveMs;
    }

    @Override
    public long getTimeToLive() throws JMSException {
        checkOpen();
        return timeToLiveMs;
    }

    @Override
    public void setDeliveryDelay(final long newDeliveryDelayMs) throws JMSException {
        checkOpen();
        deliveryDelayMs = newDeliveryDelayMs;
    }

    @Override
    public long getDeliveryDelay() throws JMSException {
        checkOpen();
        return deliveryDelayMs;
    }

    @Override
    public Destination getDestination() throws JMSException {
        checkOpen();
        return destination;
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        return destination instanceof Queue queue ? queue : null;
    }

    @Override
    public Topic getTopic() throws JMSException {
        checkOpen();
        return destination instanceof Topic topic ? topic : null;
    }

    /**
     * Closes the producer after the session's outstanding asynchronous sends have completed.
     *
     * @throws IllegalStateException if called from a completion listener of the session
     */
    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        session.completions().checkNotInCallback("close");
        session.completions().awaitAll(session.connection().config().requestTimeoutMs());
        markClosed();
        session.removeProducer(this);
        session.connection().awaitUnansweredSends(session.sessionId());
        session.completions().throwUnansweredFailure();
    }

    void markClosed() {
        closed = true;
    }

    // ---- send

    @Override
    public void send(final Message message) throws JMSException {
        send(message, deliveryMode, priority, timeToLiveMs);
    }

    @Override
    public void send(final Message message, final int mode, final int messagePriority, final long ttlMs)
        throws JMSException {
        checkOpen();
        sendNow(ownDestination(), message, mode, messagePriority, ttlMs, null);
    }

    @Override
    public void send(final Destination target, final Message message) throws JMSException {
        send(target, message, deliveryMode, priority, timeToLiveMs);
    }

    @Override
    public void send(final Destination target, final Message message, final int mode, final int messagePriority,
                     final long ttlMs) throws JMSException {
        checkOpen();
        sendNow(explicitDestination(target), message, mode, messagePriority, ttlMs, null);
    }

    @Override
    public void send(final Message message, final CompletionListener completionListener) throws JMSException {
        send(message, deliveryMode, priority, timeToLiveMs, completionListener);
    }

    @Override
    public void send(final Message message, final int mode, final int messagePriority, final long ttlMs,
                     final CompletionListener completionListener) throws JMSException {
        checkOpen();
        sendNow(ownDestination(), message, mode, messagePriority, ttlMs, requireListener(completionListener));
    }

    @Override
    public void send(final Destination target, final Message message, final CompletionListener completionListener)
        throws JMSException {
        send(target, message, deliveryMode, priority, timeToLiveMs, completionListener);
    }

    @Override
    public void send(final Destination target, final Message message, final int mode, final int messagePriority,
                     final long ttlMs, final CompletionListener completionListener) throws JMSException {
        checkOpen();
        sendNow(explicitDestination(target), message, mode, messagePriority, ttlMs,
            requireListener(completionListener));
    }

    @Override
    public void send(final Queue queue, final Message message) throws JMSException {
        send((Destination) queue, message);
    }

    @Override
    public void send(final Queue queue, final Message message, final int mode, final int messagePriority,
                     final long ttlMs) throws JMSException {
        send((Destination) queue, message, mode, messagePriority, ttlMs);
    }

    @Override
    public void publish(final Message message) throws JMSException {
        send(message);
    }

    @Override
    public void publish(final Message message, final int mode, final int messagePriority, final long ttlMs)
        throws JMSException {
        send(message, mode, messagePriority, ttlMs);
    }

    @Override
    public void publish(final Topic topic, final Message message) throws JMSException {
        send(topic, message);
    }

    @Override
    public void publish(final Topic topic, final Message message, final int mode, final int messagePriority,
                        final long ttlMs) throws JMSException {
        send(topic, message, mode, messagePriority, ttlMs);
    }

    private void sendNow(final CairnDestination target, final Message message, final int mode,
                         final int messagePriority, final long ttlMs, final CompletionListener completionListener)
        throws JMSException {
        if (message == null) {
            throw new MessageFormatException("CAIRN-J050 The message to send must not be null", "MESSAGE_FORMAT");
        }
        validDeliveryMode(mode);
        validPriority(messagePriority);
        final CairnMessage cairnMessage = ForeignMessages.toCairnMessage(message);
        stampHeaders(cairnMessage, target, mode, messagePriority, ttlMs);
        if (cairnMessage != message) {
            copyHeadersBack(cairnMessage, message);
        }
        final BrokerChannel channel = session.connection().channelFor(target);
        final long txId = session.txIdForSend(channel);
        final long timeoutMs = session.connection().config().requestTimeoutMs();
        final boolean unanswered = completionListener == null && mode == DeliveryMode.NON_PERSISTENT
            && txId == ClientCommands.NO_TRANSACTION && session.connection().config().producerWindowBytes() > 0;
        session.completions().throwUnansweredFailure();
        final CompletableFuture<ByteBuf> response;
        final ByteBuf record = mapper.encode(cairnMessage);
        try {
            if (unanswered) {
                sendUnanswered(channel, record, queueFor(cairnMessage, target), timeoutMs);
                return;
            }
            response = channel.request(CommandCode.SEND, ClientCommands.send(txId, queueFor(cairnMessage, target),
                record));
        } finally {
            record.release();
        }
        if (completionListener == null) {
            Await.done(response, timeoutMs);
        } else {
            session.completions().track(response, cairnMessage, message, completionListener);
        }
    }

    /** Sends without an answer, once the session's send window on that connection has room. */
    private void sendUnanswered(final BrokerChannel channel, final ByteBuf record, final int queueId,
                                final long timeoutMs) throws JMSException {
        try {
            channel.sendUnanswered(session.sessionId(), queueId, record, timeoutMs);
        } catch (final InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new JMSException("CAIRN-J002 Interrupted while waiting for the broker");
        } catch (final SendWindow.WindowTimeoutException full) {
            final ResourceAllocationException failure =
                new ResourceAllocationException("CAIRN-J230 " + full.getMessage(), "RESOURCE_ALLOCATION");
            failure.initCause(full);
            throw failure;
        }
    }

    /**
     * The store queue of a grouped message: its JMSXGroupID hashed as the broker hashes it, so that a
     * group keeps its order; the broker's choice for everything else.
     */
    private int queueFor(final CairnMessage message, final CairnDestination target) {
        final int queueCount = session.connection().queueCountOf(target);
        if (queueCount > 0 && message.getObjectProperty(SubscriptionHeaders.GROUP_ID) instanceof String groupId) {
            return SubscriptionHeaders.queueOfGroup(groupId, queueCount);
        }
        return ClientCommands.ANY_QUEUE;
    }

    private void stampHeaders(final CairnMessage message, final CairnDestination target, final int mode,
                              final int messagePriority, final long ttlMs) {
        final long nowMs = System.currentTimeMillis();
        message.setJMSDestination(target);
        message.setJMSDeliveryMode(mode);
        message.setJMSPriority(messagePriority);
        message.setJMSTimestamp(disableMessageTimestamp ? 0L : nowMs);
        message.setJMSExpiration(ttlMs > 0 ? nowMs + ttlMs : 0L);
        message.setJMSDeliveryTime(nowMs + Math.max(0L, deliveryDelayMs));
        message.setJMSMessageID(disableMessageId ? null : session.connection().nextMessageId());
    }

    private static void copyHeadersBack(final CairnMessage sent, final Message original) throws JMSException {
        original.setJMSDestination(sent.getJMSDestination());
        original.setJMSDeliveryMode(sent.getJMSDeliveryMode());
        original.setJMSPriority(sent.getJMSPriority());
        original.setJMSTimestamp(sent.getJMSTimestamp());
        original.setJMSExpiration(sent.getJMSExpiration());
        original.setJMSDeliveryTime(sent.getJMSDeliveryTime());
        original.setJMSMessageID(sent.getJMSMessageID());
    }

    private CairnDestination ownDestination() {
        if (destination == null) {
            throw new UnsupportedOperationException(
                "CAIRN-J051 This producer has no destination; name one in send");
        }
        return destination;
    }

    private CairnDestination explicitDestination(final Destination target) throws JMSException {
        if (destination != null) {
            throw new UnsupportedOperationException("CAIRN-J052 This producer sends to " + destination
                + "; use send without a destination");
        }
        if (target == null) {
            throw new InvalidDestinationException("CAIRN-J053 The destination must not be null",
                "INVALID_DESTINATION");
        }
        return SessionArguments.cairnDestination(target);
    }

    private static CompletionListener requireListener(final CompletionListener completionListener) {
        if (completionListener == null) {
            throw new IllegalArgumentException("CAIRN-J054 The completion listener must not be null");
        }
        return completionListener;
    }

    private static int validDeliveryMode(final int mode) throws JMSException {
        if (mode != DeliveryMode.PERSISTENT && mode != DeliveryMode.NON_PERSISTENT) {
            throw new JMSException("CAIRN-J055 Invalid delivery mode " + mode);
        }
        return mode;
    }

    private static int validPriority(final int value) throws JMSException {
        if (value < 0 || value > 9) {
            throw new JMSException("CAIRN-J056 A priority must be between 0 and 9, not " + value);
        }
        return value;
    }

    private void checkOpen() throws JMSException {
        if (closed) {
            throw new IllegalStateException("CAIRN-J057 The producer is closed", "ILLEGAL_STATE");
        }
        session.checkOpen();
    }
}
