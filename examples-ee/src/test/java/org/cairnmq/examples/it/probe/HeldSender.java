package org.cairnmq.examples.it.probe;

import jakarta.annotation.Resource;
import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import java.util.concurrent.Future;

/**
 * Sends messages in a container-managed transaction and holds the transaction open until the test
 * releases it, so the test can look at the queue while the sends are done but not committed.
 */
@Stateless
public class HeldSender {

    @Resource(lookup = "java:/jms/cairn/ConnectionFactory")
    private ConnectionFactory connectionFactory;

    @Resource
    private SessionContext session;

    @Inject
    private SendGates gates;

    /**
     * Sends {@code count} text messages ({@code <prefix>0} …) to a queue, reports them sent, waits for
     * the release and then commits or rolls back.
     *
     * @param queueName the queue
     * @param prefix the messages' bodies' prefix, also the gate's key
     * @param count how many messages
     * @param commit whether to commit after the release (else roll back)
     * @return "committed" or "rolled back" once the method returns (the container then ends the transaction)
     */
    @Asynchronous
    public Future<String> sendAndHold(final String queueName, final String prefix, final int count,
                                      final boolean commit) {
        final SendGates.Gate gate = gates.gate(prefix);
        try (JMSContext context = connectionFactory.createContext()) {
            final Queue queue = context.createQueue(queueName);
            final JMSProducer producer = context.createProducer();
            for (int i = 0; i < count; i++) {
                producer.send(queue, prefix + i);
            }
            gate.markSent();
            gate.awaitRelease();
        }
        if (!commit) {
            session.setRollbackOnly();
        }
        return new AsyncResult<>(commit ? "committed" : "rolled back");
    }
}
