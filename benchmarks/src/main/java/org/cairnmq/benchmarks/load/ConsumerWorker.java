package org.cairnmq.benchmarks.load;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One consumer with its own connection and AUTO_ACKNOWLEDGE session, receiving until all
 * consumers together have the expected count, the deadline passes, or nothing arrives for
 * the idle timeout.
 *
 * <p>Runs on one worker thread, which owns its connection, session, consumer and recorder; the
 * {@code received} and {@code expected} counters are shared with the other consumers.
 */
public final class ConsumerWorker implements Callable<WorkerOutcome> {

    private static final long POLL_MS = 100;

    private final JmsEndpoint endpoint;
    private final AtomicLong received;
    private final AtomicLong expected;
    private final Deadline deadline;
    private final long idleTimeoutNanos;
    private final StartGate gate;
    private final LatencyRecorder recorder;

    /**
     * @param endpoint where to connect and receive
     * @param received count of messages received by all consumers of the phase
     * @param expected count at which all consumers stop; may be lowered while they run
     * @param deadline the worker stops once it passes
     * @param idleTimeoutNanos the worker stops after this long without a message
     * @param gate start gate; the connection is started only once it opens
     * @param recorder records (receive nanoTime - send nanoTime) of each message, or null
     */
    public ConsumerWorker(JmsEndpoint endpoint, AtomicLong received, AtomicLong expected,
                          Deadline deadline, long idleTimeoutNanos, StartGate gate,
                          LatencyRecorder recorder) {
        this.endpoint = endpoint;
        this.received = received;
        this.expected = expected;
        this.deadline = deadline;
        this.idleTimeoutNanos = idleTimeoutNanos;
        this.gate = gate;
        this.recorder = recorder;
    }

    @Override
    public WorkerOutcome call() throws JMSException {
        try (Connection connection = endpoint.connect()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(endpoint.queue());
            gate.arrive();
            gate.awaitOpen();
            connection.start();
            return receiveAll(consumer);
        }
    }

    private WorkerOutcome receiveAll(MessageConsumer consumer) throws JMSException {
        long mine = 0;
        long lastNanos = 0;
        long lastProgressNanos = System.nanoTime();
        while (received.get() < expected.get() && !deadline.expired()) {
            Message message = consumer.receive(POLL_MS);
            long nowNanos = System.nanoTime();
            if (message == null) {
                if (nowNanos - lastProgressNanos > idleTimeoutNanos) {
                    break;
                }
                continue;
            }
            if (recorder != null && message.propertyExists(ProducerWorker.SEND_NANOS_PROPERTY)) {
                recorder.record(nowNanos - message.getLongProperty(ProducerWorker.SEND_NANOS_PROPERTY));
            }
            received.incrementAndGet();
            mine++;
            lastNanos = nowNanos;
            lastProgressNanos = nowNanos;
        }
        return new WorkerOutcome(mine, lastNanos, recorder);
    }
}
