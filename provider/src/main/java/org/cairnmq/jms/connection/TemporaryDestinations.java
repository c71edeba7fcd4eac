package org.cairnmq.jms.connection;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cairnmq.client.session.BrokerChannel;
import org.cairnmq.client.session.ClientCommands;
import org.cairnmq.jms.destination.CairnDestination;
import org.cairnmq.jms.destination.CairnTemporaryQueue;
import org.cairnmq.jms.destination.CairnTemporaryTopic;
import org.cairnmq.protocol.command.CommandCode;

/**
 * The temporary queues and topics a connection created: made on the broker with CREATE_DESTINATION,
 * deleted with DELETE_DESTINATION (or by the broker when the connection closes). Only the owning
 * connection may consume from them.
 *
 * <p>Thread safety: any thread.
 */
final class TemporaryDestinations {

    private final CairnConnection connection;
    private final MessageIds names;
    private final List<CairnDestination> owned = new CopyOnWriteArrayList<>();

    TemporaryDestinations(final CairnConnection connection, final MessageIds names) {
        this.connection = connection;
        this.names = names;
    }

    CairnTemporaryQueue createQueue() throws JMSException {
        final CairnTemporaryQueue queue = new CairnTemporaryQueue(names.temporaryName("tmp.queue."), connection);
        create(queue);
        return queue;
    }

    CairnTemporaryTopic createTopic() throws JMSException {
        final CairnTemporaryTopic topic = new CairnTemporaryTopic(names.temporaryName("tmp.topic."), connection);
        create(topic);
        return topic;
    }

    private void create(final CairnDestination destination) throws JMSException {
        final BrokerChannel channel = connection.channelFor(destination);
        Await.done(channel.request(CommandCode.CREATE_DESTINATION,
                ClientCommands.createDestination(destination.kind(), destination.name(), 0)),
            connection.config().requestTimeoutMs());
        owned.add(destination);
    }

    /**
     * Deletes a temporary destination of the connection.
     *
     * @param destination the destination
     * @throws IllegalStateException if a consumer of the connection still reads from it
     * @throws JMSException if the broker cannot be reached
     */
    void delete(final CairnDestination destination) throws JMSException {
        if (connection.hasConsumerOn(destination)) {
            throw new IllegalStateException("CAIRN-J015 " + destination + " still has consumers", "ILLEGAL_STATE");
        }
        final BrokerChannel channel = connection.channelFor(destination);
        Await.done(channel.request(CommandCode.DELETE_DESTINATION,
                ClientCommands.deleteDestination(destination.kind(), destination.name())),
            connection.config().requestTimeoutMs());
        owned.remove(destination);
    }

    /** Whether the connection created a temporary destination and has not deleted it. */
    boolean owns(final CairnDestination destination) {
        return owned.contains(destination);
    }
}
