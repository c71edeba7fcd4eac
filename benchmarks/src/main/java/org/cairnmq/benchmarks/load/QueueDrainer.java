package org.cairnmq.benchmarks.load;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

/**
 * Empties the load queue, so that one run's leftovers never reach the next run.
 *
 * <p>Used from the coordinating thread only.
 */
public final class QueueDrainer {

    /** A receive that waits this long without a message ends the drain. */
    private static final long IDLE_RECEIVE_MS = 500;

    private QueueDrainer() {
    }

    /**
     * Receives and acknowledges messages until one receive times out, {@code maxMessages} have
     * been taken, or the deadline passes.
     *
     * @return how many messages were drained
     */
    public static long drain(JmsEndpoint endpoint, long maxMessages, Deadline deadline) {
        try (Connection connection = endpoint.connect()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(endpoint.queue());
            connection.start();
            long drained = 0;
            while (drained < maxMessages && !deadline.expired()
                    && consumer.receive(IDLE_RECEIVE_MS) != null) {
                drained++;
            }
            return drained;
        } catch (JMSException e) {
            throw new LoadToolException("draining " + endpoint.queue() + " failed: " + e, e);
        }
    }
}
