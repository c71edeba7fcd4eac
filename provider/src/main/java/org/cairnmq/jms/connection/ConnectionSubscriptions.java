package org.cairnmq.jms.connection;

import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import java.util.List;
import org.cairnmq.client.session.BrokerChannel;
import org.cairnmq.client.session.ClientCommands;
import org.cairnmq.protocol.codec.CreateConsumerCodec;
import org.cairnmq.protocol.command.CommandCode;

/**
 * The rules of durable subscriptions that a connection checks before it asks a broker, and
 * {@code unsubscribe}. The broker keeps the subscriptions and enforces the rest (one active consumer
 * on an unshared durable subscription across connections, shared and unshared names apart).
 *
 * <p>Thread safety: any thread; it holds no state of its own.
 */
final class ConnectionSubscriptions {

    private final CairnConnection connection;

    ConnectionSubscriptions(final CairnConnection connection) {
        this.connection = connection;
    }

    /**
     * Checks that a consumer may be created on a named subscription.
     *
     * @param name the subscription name
     * @param flags the CREATE_CONSUMER flags
     * @throws IllegalStateException if an unshared durable subscription is asked for without a client id
     * @throws JMSException if a consumer of this connection already uses that unshared durable subscription
     */
    void checkCanSubscribe(final String name, final int flags) throws JMSException {
        final boolean durable = (flags & CreateConsumerCodec.DURABLE_FLAG) != 0;
        final boolean shared = (flags & CreateConsumerCodec.SHARED_FLAG) != 0;
        if (!durable || shared) {
            return;
        }
        if (connection.clientIdOrNull() == null) {
            throw new IllegalStateException("CAIRN-J060 An unshared durable subscription needs a client id; set "
                + "one with setClientID or the clientId URL option", "ILLEGAL_STATE");
        }
        if (connection.hasDurableSubscriber(name)) {
            throw new JMSException("CAIRN-J061 The durable subscription '" + name + "' already has an active "
                + "consumer", "ILLEGAL_STATE");
        }
    }

    /**
     * Deletes a durable subscription on the brokers this connection uses.
     *
     * @param name the subscription name
     * @throws IllegalStateException if a consumer of this connection still uses it
     * @throws InvalidDestinationException if no broker has it
     * @throws JMSException if a broker refuses for another reason (an active consumer elsewhere)
     */
    void unsubscribe(final String name) throws JMSException {
        if (connection.hasDurableSubscriber(name)) {
            throw new IllegalStateException("CAIRN-J062 The durable subscription '" + name + "' has an active "
                + "consumer; close it before unsubscribing", "ILLEGAL_STATE");
        }
        final List<BrokerChannel> channels = connection.brokerChannels();
        JMSException refusal = null;
        for (final BrokerChannel channel : channels) {
            try {
                Await.done(channel.request(CommandCode.UNSUBSCRIBE, ClientCommands.unsubscribe(name)),
                    connection.config().requestTimeoutMs());
                return;
            } catch (final InvalidDestinationException unknownHere) {
                refusal = refusal == null ? unknownHere : refusal;
            } catch (final JMSException refused) {
                refusal = refusal instanceof InvalidDestinationException || refusal == null ? refused : refusal;
            }
        }
        throw refusal != null ? refusal : new InvalidDestinationException("CAIRN-J063 There is no durable "
            + "subscription '" + name + "'", "INVALID_DESTINATION");
    }
}
