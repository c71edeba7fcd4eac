package org.cairnmq.examples.it;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.jms.XAJMSContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import org.cairnmq.jms.CairnConnectionFactory;
import org.cairnmq.jms.CairnXAConnectionFactory;

/**
 * The test's own JMS view of the broker, beside WildFly: reads and writes queues directly, with every
 * wait bounded by a deadline.
 */
public final class BrokerQueues implements AutoCloseable {

    private final JMSContext context;

    /**
     * Connects to the test run's broker.
     */
    public BrokerQueues() {
        context = new CairnConnectionFactory(CairnBrokerExtension.url()).createContext(JMSContext.AUTO_ACKNOWLEDGE);
    }

    /**
     * Sends text messages in one local transaction.
     *
     * @param queue the queue
     * @param bodies the bodies, sent in this order
     * @param quantity an int property {@code quantity} on each
     */
    public void sendOrders(final String queue, final List<String> bodies, final int quantity) {
        try (JMSContext transacted = context.createContext(JMSContext.SESSION_TRANSACTED)) {
            final JMSProducer producer = transacted.createProducer().setProperty("quantity", quantity);
            bodies.forEach(body -> producer.send(transacted.createQueue(queue), body));
            transacted.commit();
        }
    }

    /**
     * Receives messages until {@code count} arrived or the deadline passed.
     *
     * @param queue the queue
     * @param count how many to wait for
     * @param deadline how long to wait in all
     * @return the text bodies received, in order (fewer than {@code count} when the deadline passed)
     */
    public List<String> receiveBodies(final String queue, final int count, final Duration deadline) {
        final List<String> bodies = new ArrayList<>();
        final long endNanos = System.nanoTime() + deadline.toNanos();
        try (JMSConsumer consumer = context.createConsumer(context.createQueue(queue))) {
            while (bodies.size() < count) {
                final long leftMs = (endNanos - System.nanoTime()) / 1_000_000;
                final Message message = leftMs <= 0 ? null : consumer.receive(leftMs);
                if (message == null) {
                    break;
                }
                bodies.add(body(message));
            }
        }
        return bodies;
    }

    /**
     * Receives from a queue until a message matches or the deadline passed; others are consumed and
     * dropped.
     *
     * @param queue the queue
     * @param match what is looked for
     * @param deadline how long to look
     * @return the first matching message
     */
    public Optional<Message> receiveFirst(final String queue, final Predicate<Message> match, final Duration deadline) {
        final long endNanos = System.nanoTime() + deadline.toNanos();
        try (JMSConsumer consumer = context.createConsumer(context.createQueue(queue))) {
            while (true) {
                final long leftMs = (endNanos - System.nanoTime()) / 1_000_000;
                final Message message = leftMs <= 0 ? null : consumer.receive(leftMs);
                if (message == null) {
                    return Optional.empty();
                }
                if (match.test(message)) {
                    return Optional.of(message);
                }
            }
        }
    }

    /**
     * Asks the broker, as a transaction manager's recovery would, which XA branches are prepared and not
     * yet committed or rolled back.
     *
     * @return the number of in-doubt branches the broker holds
     */
    public static int inDoubtBranches() {
        try (XAJMSContext xa = new CairnXAConnectionFactory(CairnBrokerExtension.url()).createXAContext()) {
            return xa.getXAResource().recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN).length;
        } catch (final XAException e) {
            throw new IllegalStateException("XA recover failed with error code " + e.errorCode, e);
        }
    }

    /**
     * Returns a text message's body.
     *
     * @param message a text message
     * @return its body
     */
    public static String body(final Message message) {
        try {
            return ((TextMessage) message).getText();
        } catch (final JMSException e) {
            throw new JMSRuntimeException("cannot read a text body: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
