package org.cairnmq.jms.connection;

import io.netty.buffer.Unpooled;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.QueueReceiver;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;
import java.util.concurrent.TimeUnit;
import org.cairnmq.client.session.BrokerChannel;
import org.cairnmq.client.session.ClientCommands;
import org.cairnmq.client.session.ConsumerSpec;
import org.cairnmq.client.session.Delivery;
import org.cairnmq.jms.destination.CairnDestination;
import org.cairnmq.jms.message.CairnMessage;
import org.cairnmq.jms.message.MessageRecordMapper;
import org.cairnmq.protocol.codec.CreateConsumerCodec;
import org.cairnmq.protocol.command.CommandCode;

/**
 * A consumer of a queue (or topic) with a prefetch window: the broker pushes up to {@code prefetch}
 * messages (CREDIT grants the window), which wait in a {@link PrefetchBuffer} until {@code receive}
 * (through a {@link DeliveryFetcher}) or the listener takes them. Each message given to the
 * application earns the broker one credit back, sent in batches of half the window. A window of 0
 * makes every receive a PULL, and {@link #receiveNoWait()} PULLs when nothing is prefetched, so a
 * message waiting on the broker is always seen.
 *
 * <p>Thread safety: the session's thread of control receives; the connection's event loop adds
 * deliveries; {@link #close()} may come from any thread and wakes a blocked receive.
 */
public final class CairnMessageConsumer implements QueueReceiver, TopicSubscriber {

    private final CairnSession session;
    private final BrokerChannel channel;
    private final CairnDestination destination;
    private final ConsumerSpec spec;
    private final PrefetchBuffer buffer = new PrefetchBuffer();
    private final MessageRecordMapper mapper = new MessageRecordMapper();
    private final ConsumerCredits credits;
    private final DeliveryFetcher fetcher;
    private volatile MessageListener listener;
    private volatile boolean closed;
    /** Written on the connection's event loop only; read when the consumer closes. */
    private volatile long highestReceivedDeliveryId;

    private CairnMessageConsumer(final CairnSession session, final BrokerChannel channel,
                                 final CairnDestination destination, final ConsumerSpec spec, final int window) {
        this.session = session;
        this.channel = channel;
        this.destination = destination;
        this.spec = spec;
        this.credits = new ConsumerCredits(channel, spec.consumerId(), window);
        this.fetcher = new DeliveryFetcher(session, channel, spec.consumerId(), buffer, credits);
    }

    static CairnMessageConsumer open(final CairnSession session, final BrokerChannel channel,
                                     final CairnDestination destination, final String selector, final int flags,
                                     final String subscriptionName) throws JMSException {
        final CairnConnection connection = session.connection();
        final ConsumerSpec spec = new ConsumerSpec(connection.nextId(), session.sessionId(), destination.kind(),
            destination.name(), selector, flags, subscriptionName);
        final CairnMessageConsumer consumer = new CairnMessageConsumer(session, channel, destination, spec,
            connection.config().prefetch());
        consumer.create();
        return consumer;
    }

    private void create() throws JMSException {
        channel.register(spec.consumerId(), this::onDelivery);
        try {
            Await.done(channel.request(CommandCode.CREATE_CONSUMER,
                ClientCommands.createConsumer(spec, credits.window())), requestTimeoutMs());
        } catch (final JMSException refused) {
            channel.unregister(spec.consumerId());
            throw refused;
        }
    }

    // ---- jakarta.jms

    @Override
    public String getMessageSelector() throws JMSException {
        checkOpen();
        return spec.selector();
    }

    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkOpen();
        return listener;
    }

    @Override
    public void setMessageListener(final MessageListener newListener) throws JMSException {
        checkOpen();
        listener = newListener;
        if (newListener != null) {
            credits.openForListener();
            buffer.wakeUp();
            session.scheduleDispatch(this);
        }
    }

    @Override
    public Message receive() throws JMSException {
        return receive(Long.MAX_VALUE, false, null);
    }

    @Override
    public Message receive(final long timeoutMs) throws JMSException {
        return receive(timeoutMs == 0 ? Long.MAX_VALUE : timeoutMs, false, null);
    }

    @Override
    public Message receiveNoWait() throws JMSException {
        return receive(0, true, null);
    }

    /**
     * Waits until a message is waiting for this consumer, without taking it. A resource adapter
     * begins a transaction only when there is a message to receive in it, instead of one empty
     * transaction per idle poll. A consumer whose prefetch window is 0 cannot know without asking the
     * broker for the message itself, so it answers {@code true} at once.
     *
     * @param timeoutMs how long to wait, in milliseconds
     * @return whether a message is waiting; false on timeout or when the consumer closes
     */
    public boolean awaitMessage(final long timeoutMs) {
        if (closed) {
            return false;
        }
        return credits.window() == 0 || buffer.awaitNotEmpty(TimeUnit.MILLISECONDS.toNanos(timeoutMs));
    }

    /**
     * Receives the next message and returns its body, as {@code JMSConsumer.receiveBody} does.
     *
     * @param type the class the body is asked as
     * @param timeoutMs how long to wait; 0 waits forever
     * @param <T> the body type
     * @return the body, or {@code null} on timeout, on close, or for a message whose body is empty
     * @throws MessageFormatException if the message has no body type (a plain {@code Message}) or its
     *     body cannot be assigned to {@code type}; in AUTO_ACKNOWLEDGE and DUPS_OK_ACKNOWLEDGE mode the
     *     message is then not acknowledged and is received again next, not flagged redelivered
     * @throws JMSException if the receive fails
     */
    public <T> T receiveBody(final Class<T> type, final long timeoutMs) throws JMSException {
        final Message message = receive(timeoutMs == 0 ? Long.MAX_VALUE : timeoutMs, false, type);
        return message == null ? null : message.getBody(type);
    }

    /**
     * Receives the next message if one is available at once and returns its body, as
     * {@code JMSConsumer.receiveBodyNoWait} does; the rules of {@link #receiveBody(Class, long)} apply.
     *
     * @param type the class the body is asked as
     * @param <T> the body type
     * @return the body, or {@code null}
     * @throws JMSException as {@link #receiveBody(Class, long)}
     */
    public <T> T receiveBodyNoWait(final Class<T> type) throws JMSException {
        final Message message = receive(0, true, type);
        return message == null ? null : message.getBody(type);
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

    @Override
    public boolean getNoLocal() throws JMSException {
        checkOpen();
        return (spec.flags() & CreateConsumerCodec.NO_LOCAL_FLAG) != 0;
    }

    /**
     * Closes the consumer. From another thread it first waits until a running listener returns; from
     * the session's own listener thread it closes at once (the listener call in progress completes
     * normally).
     */
    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        if (!session.isListenerThread()) {
            session.dispatcher().awaitIdle();
        }
        closeOnSessionClose(!session.connection().isClosed());
    }

    // ---- receive

    private Message receive(final long timeoutMs, final boolean noWait, final Class<?> bodyType)
        throws JMSException {
        checkOpen();
        if (listener != null) {
            throw new IllegalStateException("CAIRN-J040 receive is not allowed on a consumer with a message "
                + "listener", "ILLEGAL_STATE");
        }
        final long deadlineNanos = timeoutMs == Long.MAX_VALUE
            ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            if (closed || session.isClosed()) {
                return null;
            }
            session.connection().checkNotFailed();
            if (!session.connection().awaitStarted(noWait ? System.nanoTime() : deadlineNanos)) {
                return closedOrTimedOut();
            }
            final Delivery delivery = fetcher.next(deadlineNanos, noWait);
            if (delivery != null) {
                if (!session.connection().isStarted() || closed) {
                    buffer.putBack(delivery);
                    continue;
                }
                final CairnMessage message = session.toApplication(this, delivery, decodeFor(delivery, bodyType));
                session.afterConsumed(this, delivery);
                return message;
            }
            if (noWait || System.nanoTime() - deadlineNanos >= 0) {
                return null;
            }
        }
    }

    /**
     * Decodes a delivery and, for receiveBody, checks that its body can be given as the asked type;
     * when it cannot and the session acknowledges by itself, puts the delivery back to be received next.
     */
    private CairnMessage decodeFor(final Delivery delivery, final Class<?> bodyType) throws JMSException {
        final CairnMessage message = decode(delivery.record());
        if (bodyType == null || BodyCheck.canReceiveBody(message, bodyType)) {
            return message;
        }
        if (session.mode() == Session.AUTO_ACKNOWLEDGE || session.mode() == Session.DUPS_OK_ACKNOWLEDGE) {
            buffer.putBack(delivery);
        } else {
            session.toApplication(this, delivery, message);
        }
        throw BodyCheck.notReceivable(message, bodyType);
    }

    private Message closedOrTimedOut() throws JMSException {
        session.connection().checkNotFailed();
        return null;
    }

    // ---- what the session and the channel call

    private void onDelivery(final Delivery delivery) {
        if (closed) {
            return;
        }
        // Counted as received before it is buffered: the application may take it from the buffer at
        // once and close, and a consumed delivery must never be reported as still on the wire (the
        // broker would return it uncounted, without JMSRedelivered). A delivery refused by a buffer
        // closing meanwhile is then counted too, so it comes back flagged redelivered: allowed.
        highestReceivedDeliveryId = Math.max(highestReceivedDeliveryId, delivery.deliveryId());
        if (!buffer.add(delivery)) {
            return;
        }
        if (listener != null) {
            session.scheduleDispatch(this);
        }
    }

    CairnMessage decode(final byte[] record) throws JMSException {
        synchronized (mapper) {
            return mapper.decode(Unpooled.wrappedBuffer(record));
        }
    }

    /** Earns the broker credit back for a message given to the application ({@link ConsumerCredits}). */
    void onGivenToApplication() {
        credits.onGivenToApplication();
    }

    /** Drops the prefetched deliveries, counting them for {@link #regrantDropped()}. */
    void dropPrefetched() {
        credits.addDropped(buffer.drainIds().length);
    }

    /** Drops the prefetched deliveries the broker took back, counting them for {@link #regrantDropped()}. */
    void dropPrefetchedUpTo(final long highestReturnedDeliveryId) {
        credits.addDropped(buffer.drainUpTo(highestReturnedDeliveryId));
    }

    /** Gives the broker back the credit of the dropped deliveries. */
    void regrantDropped() {
        credits.regrantDropped(closed);
    }

    Delivery takeForListener() {
        return closed ? null : buffer.pollNow();
    }

    boolean isListening() {
        return listener != null && !closed;
    }

    MessageListener listener() {
        return listener;
    }

    BrokerChannel channel() {
        return channel;
    }

    CairnDestination destination() {
        return destination;
    }

    /** The name of the durable subscription this consumer uses, or {@code null}. */
    String durableSubscriptionName() {
        return (spec.flags() & CreateConsumerCodec.DURABLE_FLAG) != 0 ? spec.subscriptionName() : null;
    }

    void wakeUp() {
        buffer.wakeUp();
    }

    void onConnectionInterrupted() {
        buffer.drainIds();
        credits.reset();
    }

    void recreate() throws JMSException {
        if (closed) {
            return;
        }
        highestReceivedDeliveryId = 0L;
        buffer.drainIds();
        credits.reset();
        create();
        if (listener != null) {
            session.scheduleDispatch(this);
        }
    }

    /**
     * Closes the consumer, returning the never-seen prefetched deliveries to the broker.
     *
     * @param reachable whether to tell the broker (false when the connection is gone)
     */
    void closeOnSessionClose(final boolean reachable) throws JMSException {
        if (closed) {
            return;
        }
        closed = true;
        listener = null;
        // Closed first, drained second: a delivery arriving from now on is refused, is not counted
        // as received, and so lies above highestReceivedDeliveryId, which the broker returns too.
        buffer.close();
        final long[] neverSeen = buffer.drainIds();
        final long highestReceived = highestReceivedDeliveryId;
        session.removeConsumer(this);
        try {
            if (reachable && channel.isOpen()) {
                Await.done(channel.request(CommandCode.CLOSE_CONSUMER,
                    ClientCommands.closeConsumer(spec.consumerId(), neverSeen, highestReceived)), requestTimeoutMs());
            }
        } finally {
            channel.unregister(spec.consumerId());
        }
    }

    private long requestTimeoutMs() {
        return session.connection().config().requestTimeoutMs();
    }

    private void checkOpen() throws JMSException {
        if (closed) {
            throw new IllegalStateException("CAIRN-J041 The consumer is closed", "ILLEGAL_STATE");
        }
        session.checkOpen();
    }
}
