package org.cairnmq.examples.orders;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.jboss.ejb3.annotation.ResourceAdapter;

/**
 * Stores every order that arrives on the {@code orders} queue, through the Cairn resource adapter.
 *
 * <p>The delivery and the insert share one container-managed XA transaction: the adapter's session
 * and the XA datasource are both enlisted, so the message is acknowledged if and only if its row is
 * committed. An order the database refuses (a quantity below 1) throws, which rolls both back; the
 * broker redelivers it and, after its configured number of attempts, moves it to its dead-letter queue,
 * while the other orders go on being stored.
 *
 * <p>{@link ResourceAdapter} names the adapter's deployment on WildFly; other servers take it from the
 * {@code resourceAdapter} activation property (Payara) or their deployment descriptor.
 *
 * <p>Design note: the queue is named ({@code destination}) rather than looked up: the adapter activates
 * the bean from its own threads, where the application's {@code java:app} names of
 * {@link OrderSender#ORDERS_QUEUE} are not reachable.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destination", propertyValue = OrderSender.ORDERS_QUEUE_NAME),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
@ResourceAdapter("cairn-ra.rar")
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class OrderMessageBean implements MessageListener {

    @Inject
    private OrderRepository repository;

    @Override
    public void onMessage(final Message message) {
        final Order order;
        try {
            order = Order.fromMessage(message);
        } catch (final JMSException e) {
            throw new IllegalArgumentException("unreadable order message: " + e.getMessage(), e);
        }
        repository.insert(order);
    }
}
