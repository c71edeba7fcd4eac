package org.cairnmq.benchmarks.load;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/**
 * One producer with its own connection and session, sending a bounded number of BytesMessages
 * either as fast as it can or paced at a fixed period.
 *
 * <p>Runs on one worker thread, which owns its connection, session and producer.
 */
public final class ProducerWorker implements Callable<WorkerOutcome> {

    /** Long property holding the sender's {@link System#nanoTime()} at send, for round-trip latency. */
    public static final String SEND_NANOS_PROPERTY = "cairnLoadSendNanos";

    private final JmsEndpoint endpoint;
    private final boolean persistent;
    private final long messageCount;
    private final byte[] payload;
    private final long periodNanos;
    private final long startOffsetNanos;
    private final Deadline deadline;
    private final StartGate gate;

    /**
     * @param endpoint where to connect and send
     * @param persistent delivery mode
     * @param messageCount messages to send
     * @param payload body of every message; read only
     * @param periodNanos time between sends, or 0 to send as fast as possible
     * @param startOffsetNanos delay of the first paced send after the gate opens
     * @param deadline the worker stops sending once it passes
     * @param gate start gate shared with the other workers of the phase
     */
    public ProducerWorker(JmsEndpoint endpoint, boolean persistent, long messageCount, byte[] payload,
                          long periodNanos, long startOffsetNanos, Deadline deadline, StartGate gate) {
        this.endpoint = endpoint;
        this.persistent = persistent;
        this.messageCount = messageCount;
        this.payload = payload;
        this.periodNanos = periodNanos;
        this.startOffsetNanos = startOffsetNanos;
        this.deadline = deadline;
        this.gate = gate;
    }

    @Override
    public WorkerOutcome call() throws JMSException {
        try (Connection connection = endpoint.connect()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(endpoint.queue());
            producer.setDeliveryMode(persistent ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT);
            gate.arrive();
            gate.awaitOpen();
            return sendAll(session, producer, gate.openedAtNanos() + startOffsetNanos);
        }
    }

    private WorkerOutcome sendAll(Session session, MessageProducer producer, long firstSendNanos)
            throws JMSException {
        long sent = 0;
        long lastNanos = 0;
        while (sent < messageCount && !deadline.expired()) {
            if (periodNanos > 0 && !waitUntil(firstSendNanos + sent * periodNanos)) {
                break;
            }
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(payload);
            message.setLongProperty(SEND_NANOS_PROPERTY, System.nanoTime());
            producer.send(message);
            sent++;
            lastNanos = System.nanoTime();
        }
        return new WorkerOutcome(sent, lastNanos, null);
    }

    /** Parks until {@code dueNanos}; false when the deadline comes first or the thread is interrupted. */
    private boolean waitUntil(long dueNanos) {
        long waitNanos;
        while ((waitNanos = dueNanos - System.nanoTime()) > 0) {
            if (deadline.expired() || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(Math.min(waitNanos, deadline.remainingNanos()));
        }
        return true;
    }
}
