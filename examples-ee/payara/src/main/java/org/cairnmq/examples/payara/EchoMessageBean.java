package org.cairnmq.examples.payara;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * Answers every request on the {@value #REQUESTS_QUEUE} queue with a reply to the request's
 * {@code JMSReplyTo}, through the Cairn resource adapter both ways.
 *
 * <p>Inbound, Payara finds the adapter by the {@code resourceAdapter} activation property (the name the
 * RAR was deployed under); the adapter's own {@code serverUrl} (set with
 * {@code create-resource-adapter-config}) tells the activation where the broker is. Outbound, the reply
 * goes through the pooled connection factory {@value #CONNECTION_FACTORY}, a connector resource over the
 * adapter's {@code jakarta.jms.ConnectionFactory} connection definition.
 *
 * <p>The delivery and the reply share one container-managed XA transaction: a request that carries the
 * boolean property {@value #FAIL_FIRST_DELIVERY} makes the bean throw after sending its reply on the first
 * delivery, so that reply is rolled back with the delivery and only the redelivery's reply reaches the
 * requester.
 *
 * <p>The reply is a text message {@value #REPLY_PREFIX}{@code <request text>} whose
 * {@code JMSCorrelationID} is the request's {@code JMSMessageID}, with the properties
 * {@value #REDELIVERED_PROPERTY} (the request's {@code JMSRedelivered}) and {@value #INSTANCE_PROPERTY}
 * (the name of the Payara instance that answered).
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = EchoMessageBean.RESOURCE_ADAPTER),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = EchoMessageBean.REQUESTS_QUEUE),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class EchoMessageBean implements MessageListener {

    /** The name the resource adapter is deployed under ({@code asadmin deploy --name cairn-ra}). */
    public static final String RESOURCE_ADAPTER = "cairn-ra";
    /** The queue the bean consumes. */
    public static final String REQUESTS_QUEUE = "payara.requests";
    /** The JNDI name of the connector resource the replies are sent through. */
    public static final String CONNECTION_FACTORY = "jms/cairnConnectionFactory";
    /** The start of every reply's text. */
    public static final String REPLY_PREFIX = "echo:";
    /** Boolean request property: throw after replying on the first delivery. */
    public static final String FAIL_FIRST_DELIVERY = "failFirstDelivery";
    /** Boolean reply property: whether the answered delivery was a redelivery. */
    public static final String REDELIVERED_PROPERTY = "redelivered";
    /** String reply property: the Payara instance that answered. */
    public static final String INSTANCE_PROPERTY = "instance";

    private static final String INSTANCE_NAME_PROPERTY = "com.sun.aas.instanceName";

    @Resource(lookup = CONNECTION_FACTORY)
    private ConnectionFactory connectionFactory;

    @Override
    public void onMessage(final Message request) {
        try {
            reply(request);
            if (request.getBooleanProperty(FAIL_FIRST_DELIVERY) && !request.getJMSRedelivered()) {
                throw new IllegalStateException("failing the first delivery of " + request.getJMSMessageID()
                    + " on request, after its reply was sent");
            }
        } catch (final JMSException e) {
            throw new IllegalStateException("cannot answer request: " + e.getMessage(), e);
        }
    }

    private void reply(final Message request) throws JMSException {
        final Destination replyTo = request.getJMSReplyTo();
        if (replyTo == null) {
            throw new IllegalArgumentException("request " + request.getJMSMessageID() + " has no JMSReplyTo");
        }
        try (Connection connection = connectionFactory.createConnection()) {
            final Session session = connection.createSession();
            final TextMessage reply = session.createTextMessage(REPLY_PREFIX + request.getBody(String.class));
            reply.setJMSCorrelationID(request.getJMSMessageID());
            reply.setBooleanProperty(REDELIVERED_PROPERTY, request.getJMSRedelivered());
            reply.setStringProperty(INSTANCE_PROPERTY, System.getProperty(INSTANCE_NAME_PROPERTY, "unknown"));
            session.createProducer(replyTo).send(reply);
        }
    }
}
