package org.cairnmq.examples.orders;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.resource.AdministeredObjectDefinition;
import java.util.List;

/**
 * Sends orders to the {@code orders} queue through the resource adapter's pooled connection factory.
 *
 * <p>Each method runs in a container-managed transaction (REQUIRED): the adapter enlists the session in
 * it, so the messages of one call reach the queue together when the transaction commits, and not at
 * all when it rolls back.
 *
 * <p>Both resources are injected. The connection factory is the one the adapter's
 * {@code META-INF/ironjacamar.xml} binds; the queue is an administered object the application defines
 * for itself with {@link AdministeredObjectDefinition}, so the server needs no configuration for it.
 */
@AdministeredObjectDefinition(name = OrderSender.ORDERS_QUEUE, resourceAdapter = "cairn-ra",
    className = "org.cairnmq.ra.admin.CairnAdminQueue", interfaceName = "jakarta.jms.Queue",
    properties = "name=" + OrderSender.ORDERS_QUEUE_NAME)
@Stateless
public class OrderSender {

    /** JNDI name of the resource adapter's connection factory (the adapter's ironjacamar.xml). */
    public static final String CONNECTION_FACTORY = "java:/jms/cairn/ConnectionFactory";
    /** JNDI name of the orders queue, an administered object this application defines. */
    public static final String ORDERS_QUEUE = "java:app/jms/orders";
    /** The broker's name of the orders queue. */
    public static final String ORDERS_QUEUE_NAME = "orders";

    @Resource(lookup = CONNECTION_FACTORY)
    private ConnectionFactory connectionFactory;

    @Resource(lookup = ORDERS_QUEUE)
    private Queue orders;

    /**
     * Sends one order.
     *
     * @param order the order
     */
    public void send(final Order order) {
        sendAll(List.of(order));
    }

    /**
     * Sends orders in one transaction.
     *
     * @param batch the orders, sent in this order
     */
    public void sendAll(final List<Order> batch) {
        try (JMSContext context = connectionFactory.createContext()) {
            final JMSProducer producer = context.createProducer();
            for (final Order order : batch) {
                producer.send(orders, order.toMessage(context));
            }
        } catch (final JMSException e) {
            throw new JMSRuntimeException("cannot build an order message: " + e.getMessage(), e.getErrorCode(), e);
        }
    }
}
