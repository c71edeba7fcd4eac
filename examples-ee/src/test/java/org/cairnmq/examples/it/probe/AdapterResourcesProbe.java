package org.cairnmq.examples.it.probe;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Reports the resources the resource adapter's own {@code META-INF/ironjacamar.xml} binds when
 * {@code cairn-ra.rar} is deployed as it is, with no server configuration for it.
 */
@RequestScoped
@Path("adapter")
public class AdapterResourcesProbe {

    @Resource(lookup = "java:/jms/cairn/ConnectionFactory")
    private ConnectionFactory connectionFactory;

    @Resource(lookup = "java:/jms/cairn/DLQ")
    private Queue deadLetterQueue;

    @Resource(lookup = "java:/jms/cairn/ExpiryQueue")
    private Queue expiryQueue;

    /**
     * Names the bound queues and tells whether the factory's connections reach a broker.
     *
     * @return {@code <DLQ's queue name>,<ExpiryQueue's queue name>,<connected>}
     * @throws JMSException when a queue cannot tell its name
     */
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String describe() throws JMSException {
        try (var connection = connectionFactory.createConnection()) {
            return deadLetterQueue.getQueueName() + "," + expiryQueue.getQueueName() + ","
                + (connection.getMetaData() != null);
        }
    }
}
