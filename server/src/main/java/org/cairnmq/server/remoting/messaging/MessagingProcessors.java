package org.cairnmq.server.remoting.messaging;

import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.server.broker.Broker;
import org.cairnmq.server.remoting.ProcessorRegistry;

/**
 * Registers the processors of the messaging commands (docs/PROTOCOL.md: destinations and sending,
 * consuming, CLOSE_SESSION, local and XA transactions, CLIENT_ID and UNSUBSCRIBE), all over one {@link Broker}.
 */
public final class MessagingProcessors {

    private MessagingProcessors() {
    }

    /**
     * Registers a processor for every messaging command.
     *
     * @param registry the registry, not yet frozen
     * @param broker the started broker
     */
    public static void registerAll(ProcessorRegistry registry, Broker broker) {
        MessagingSupport support = new MessagingSupport(broker);
        DestinationProcessor destinations = new DestinationProcessor(support);
        registry.register(CommandCode.CREATE_DESTINATION, destinations);
        registry.register(CommandCode.DELETE_DESTINATION, destinations);
        SendProcessor sends = new SendProcessor(support);
        registry.register(CommandCode.SEND, sends);
        registry.register(CommandCode.SEND_BATCH, sends);
        registry.register(CommandCode.SEND_UNANSWERED, new UnansweredSendProcessor(support));
        ConsumerProcessor consumers = new ConsumerProcessor(support);
        registry.register(CommandCode.CREATE_CONSUMER, consumers);
        registry.register(CommandCode.CLOSE_CONSUMER, consumers);
        registry.register(CommandCode.CREDIT, consumers);
        registry.register(CommandCode.PULL, consumers);
        AckProcessor acks = new AckProcessor(support);
        registry.register(CommandCode.ACK, acks);
        registry.register(CommandCode.RECOVER, acks);
        registry.register(CommandCode.CLOSE_SESSION, acks);
        TransactionProcessor transactions = new TransactionProcessor(support);
        registry.register(CommandCode.TX_COMMIT, transactions);
        registry.register(CommandCode.TX_ROLLBACK, transactions);
        XaProcessor xa = new XaProcessor(support);
        for (CommandCode command : new CommandCode[] {CommandCode.XA_START, CommandCode.XA_END, CommandCode.XA_PREPARE,
            CommandCode.XA_COMMIT, CommandCode.XA_ROLLBACK, CommandCode.XA_RECOVER, CommandCode.XA_FORGET}) {
            registry.register(command, xa);
        }
        registry.register(CommandCode.BROWSE, new BrowseProcessor(support));
        SubscriptionProcessor subscriptions = new SubscriptionProcessor(support);
        registry.register(CommandCode.CLIENT_ID, subscriptions);
        registry.register(CommandCode.UNSUBSCRIBE, subscriptions);
    }
}
