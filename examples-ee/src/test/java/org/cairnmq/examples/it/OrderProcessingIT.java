package org.cairnmq.examples.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.cairnmq.protocol.codec.SubscriptionHeaders;
import org.cairnmq.server.broker.DeliveryConfig;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The example application end to end on WildFly: orders sent through its REST sender (or by any JMS
 * client) are stored by the MDB, one row each; a refused order is dead-lettered after the broker's
 * configured attempts while the others are stored.
 */
@CairnEeTest
@RunAsClient
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class OrderProcessingIT {

    private static final Duration STORE_DEADLINE = Duration.ofSeconds(60);

    @Deployment(name = Deployments.RESOURCE_ADAPTER, order = 1, testable = false)
    static ResourceAdapterArchive resourceAdapter() {
        return Deployments.resourceAdapter();
    }

    @Deployment(name = Deployments.ORDERS_APP, order = 2, testable = false)
    static WebArchive ordersApp() {
        return Deployments.ordersApp();
    }

    @Test
    void shouldStoreEveryOrderSentThroughTheApplicationOnce() {
        final String prefix = Orders.uniquePrefix("batch");

        Orders.sendBatch(prefix, 25);

        Orders.awaitStoredRows(prefix, 25, STORE_DEADLINE);
        assertThat(Orders.duplicatedIds(prefix)).isZero();
    }

    @Test
    void shouldStoreOrdersThatAnyJmsClientPutOnTheQueue() {
        final String prefix = Orders.uniquePrefix("direct");
        final List<String> ids = IntStream.range(0, 10).mapToObj(i -> prefix + i).toList();
        try (BrokerQueues broker = new BrokerQueues()) {
            broker.sendOrders(CairnBrokerExtension.ORDERS_QUEUE, ids, 3);
        }

        Orders.awaitStoredRows(prefix, ids.size(), STORE_DEADLINE);
        assertThat(Orders.duplicatedIds(prefix)).isZero();
    }

    @Test
    void shouldDeadLetterARefusedOrderAfterItsAttemptsWhileTheOthersAreStored() throws JMSException {
        final String prefix = Orders.uniquePrefix("mixed");
        final String refused = Orders.uniquePrefix("refused") + "0";
        for (int i = 0; i < 5; i++) {
            Orders.send(prefix + i, 1);
        }
        Orders.send(refused, 0);
        for (int i = 5; i < 10; i++) {
            Orders.send(prefix + i, 2);
        }

        Orders.awaitStoredRows(prefix, 10, STORE_DEADLINE);
        final Optional<Message> deadLetter;
        try (BrokerQueues broker = new BrokerQueues()) {
            deadLetter = broker.receiveFirst(DeliveryConfig.DEFAULT_DEAD_LETTER_QUEUE,
                message -> refused.equals(BrokerQueues.body(message)), STORE_DEADLINE);
        }
        assertThat(deadLetter).as("the refused order on the DLQ").isPresent();
        assertThat(deadLetter.get().getStringProperty(SubscriptionHeaders.ORIGINAL_DESTINATION))
            .isEqualTo(CairnBrokerExtension.ORDERS_QUEUE);
        assertThat(deadLetter.get().getIntProperty(SubscriptionHeaders.DELIVERY_ATTEMPTS))
            .isEqualTo(CairnBrokerExtension.ORDERS_MAX_DELIVERY_ATTEMPTS);
        assertThat(Orders.storedRows(refused)).isZero();
        assertThat(Orders.duplicatedIds(prefix)).isZero();
    }
}
