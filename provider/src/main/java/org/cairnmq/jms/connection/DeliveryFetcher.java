package org.cairnmq.jms.connection;

import jakarta.jms.JMSException;
import java.util.concurrent.TimeUnit;
import org.cairnmq.client.session.BrokerChannel;
import org.cairnmq.client.session.ClientCommands;
import org.cairnmq.client.session.Delivery;
import org.cairnmq.protocol.command.CommandCode;

/**
 * Where a consumer's receive takes its next delivery from: the {@link PrefetchBuffer} when it holds
 * one, otherwise a wait on the buffer in slices (so that the receive checks the connection state in
 * between), or a PULL when the window is 0 or when {@code receiveNoWait} finds nothing prefetched.
 *
 * <p>Thread safety: the session's thread of control, as the receive that calls it.
 */
final class DeliveryFetcher {

    /** How long a blocked receive waits before it checks the connection state again. */
    private static final long WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    /** The longest PULL wait a receive asks the broker for. */
    private static final long MAX_PULL_WAIT_MS = 1_000;

    private final CairnSession session;
    private final BrokerChannel channel;
    private final long consumerId;
    private final PrefetchBuffer buffer;
    private final ConsumerCredits credits;

    DeliveryFetcher(final CairnSession session, final BrokerChannel channel, final long consumerId,
                    final PrefetchBuffer buffer, final ConsumerCredits credits) {
        this.session = session;
        this.channel = channel;
        this.consumerId = consumerId;
        this.buffer = buffer;
        this.credits = credits;
    }

    /**
     * Takes the next delivery, waiting at most one slice.
     *
     * @param deadlineNanos the {@link System#nanoTime()} the receive gives up at; {@code Long.MAX_VALUE} for never
     * @param noWait whether the receive must not wait (one PULL of wait 0 when nothing is prefetched)
     * @return the delivery, or {@code null} when none came in this slice
     * @throws JMSException if a PULL fails
     */
    Delivery next(final long deadlineNanos, final boolean noWait) throws JMSException {
        final Delivery prefetched = buffer.pollNow();
        if (prefetched != null) {
            return prefetched;
        }
        session.beforeWaiting();
        if (noWait) {
            return pull(0);
        }
        final long remainingNanos =
            deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE : deadlineNanos - System.nanoTime();
        if (credits.window() == 0) {
            return pull(Math.max(0, Math.min(MAX_PULL_WAIT_MS, TimeUnit.NANOSECONDS.toMillis(remainingNanos))));
        }
        return buffer.poll(Math.min(WAIT_SLICE_NANOS, Math.max(0, remainingNanos)));
    }

    private Delivery pull(final long waitMs) throws JMSException {
        final boolean delivered = Await.result(
            channel.request(CommandCode.PULL, ClientCommands.pull(consumerId, waitMs)),
            session.connection().config().requestTimeoutMs() + waitMs, ClientCommands::readPulled);
        final Delivery pulled = delivered ? buffer.pollNow() : null;
        credits.markPulled(pulled != null);
        return pulled;
    }
}
