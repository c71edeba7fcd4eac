package org.cairnmq.server.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairnmq.server.broker.BrokerFixture.await;

import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cairnmq.protocol.codec.SubscriptionHeaders;
import org.cairnmq.protocol.record.DestinationKind;
import org.cairnmq.protocol.record.MessageRecordFlyweight;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Priority, delivery delay, expiry, redelivery to the DLQ, message groups and the duplicate key. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeliveryRulesTest {

    @TempDir
    Path directory;

    private BrokerFixture fixture;

    @AfterEach
    void close() {
        fixture.close();
    }

    private void start(int maxDeliveryAttempts) {
        DeliveryConfig delivery = DeliveryConfig.defaults().withRedelivery(
                Map.of("*", new RedeliveryPolicy(0L, 1.0, 0L, maxDeliveryAttempts)));
        fixture = new BrokerFixture(directory, BrokerConfig.defaults(directory.resolve("broker"))
                .withDefaultQueueCount(1).withDelivery(delivery));
    }

    private List<MessageRecordFlyweight> browse(String queue) {
        RecordingLink link = new RecordingLink(99);
        List<ByteBuffer> records = fixture.broker.browse(link, DestinationKind.QUEUE, queue, null, 0, 100).join().records();
        return records.stream().map(r -> new MessageRecordFlyweight().wrap(Unpooled.wrappedBuffer(r))).toList();
    }

    @Test
    void shouldDeliverHigherPrioritiesFirstAndEqualOnesInOrder() {
        start(10);
        RecordingLink link = new RecordingLink(1);
        int[] priorities = {1, 9, 4, 9, 1};
        for (int i = 0; i < priorities.length; i++) {
            int priority = priorities[i];
            fixture.sendToQueue(link, "prio", "ID:" + i, i, w -> w.priority(priority));
        }
        fixture.awaitDispatched();
        fixture.consume(link, 1, "prio", 10);
        await("five", () -> link.delivered.size() == 5);
        assertThat(link.delivered).extracting(RecordingLink.Delivered::n).containsExactly(1, 3, 2, 0, 4);
    }

    @Test
    void shouldDeliverHigherPrioritiesFirstAcrossTheQueuesOfADestination() {
        fixture = new BrokerFixture(directory, BrokerConfig.defaults(directory.resolve("broker"))
                .withDefaultQueueCount(2));
        RecordingLink link = new RecordingLink(1);
        int[] priorities = {1, 9, 4, 9, 1, 0};
        for (int i = 0; i < priorities.length; i++) {
            int priority = priorities[i];
            fixture.broker.send(link, 0, i % 2, BrokerFixture.record(DestinationKind.QUEUE, "prio.two", "ID:" + i, i,
                    w -> w.priority(priority))).join();
        }
        fixture.awaitDispatched();
        fixture.consume(link, 1, "prio.two", 10);
        await("six", () -> link.delivered.size() == 6);
        assertThat(link.delivered).extracting(RecordingLink.Delivered::n).containsExactly(1, 3, 2, 0, 4, 5);
    }

    @Test
    void shouldHoldADelayedMessageUntilItsDeliveryTimeAcrossARestart() {
        start(10);
        RecordingLink link = new RecordingLink(1);
        long deliveryTime = System.currentTimeMillis() + 1_500;
        fixture.sendToQueue(link, "later", "ID:late", 1, w -> w.deliveryTime(deliveryTime));
        fixture.sendToQueue(link, "later", "ID:now", 2, w -> { });
        fixture.consume(link, 1, "later", 10);
        await("the undelayed one", () -> link.delivered.size() == 1);
        assertThat(link.delivered.get(0).messageId()).isEqualTo("ID:now");
        fixture.broker.ack(1, 1, 0, org.cairnmq.protocol.codec.AckMode.UP_TO,
                new long[] {link.delivered.get(0).deliveryId()}).join();

        fixture.restart();
        RecordingLink again = new RecordingLink(2);
        fixture.consume(again, 1, "later", 10);
        if (System.currentTimeMillis() < deliveryTime - 200) {
            assertThat(again.delivered).isEmpty();
        }
        await("the delayed one", () -> again.delivered.size() == 1);
        assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(deliveryTime);
        assertThat(again.delivered.get(0).messageId()).isEqualTo("ID:late");
    }

    @Test
    void shouldMoveAnExpiredMessageToTheExpiryQueueInsteadOfDeliveringIt() {
        start(10);
        RecordingLink link = new RecordingLink(1);
        fixture.sendToQueue(link, "fresh", "ID:old", 1, w -> w.expiration(System.currentTimeMillis() - 1));
        fixture.sendToQueue(link, "fresh", "ID:ok", 2, w -> { });
        fixture.consume(link, 1, "fresh", 10);
        await("the live one", () -> link.delivered.size() == 1);
        await("one expired copy", () -> browse(DeliveryConfig.DEFAULT_EXPIRY_QUEUE).size() == 1);
        MessageRecordFlyweight copy = browse(DeliveryConfig.DEFAULT_EXPIRY_QUEUE).get(0);
        assertThat(copy.messageId()).isEqualTo("ID:old");
        assertThat(copy.expiration()).isZero();
        assertThat(copy.property(SubscriptionHeaders.DEAD_LETTER_REASON)).isEqualTo(SubscriptionHeaders.REASON_EXPIRED);
        assertThat(copy.property(SubscriptionHeaders.ORIGINAL_DESTINATION)).isEqualTo("fresh");
        assertThat(link.delivered.get(0).messageId()).isEqualTo("ID:ok");
    }

    @Test
    void shouldDeadLetterAMessageAfterItsMaximumDeliveriesWithoutBlockingTheOthers() {
        start(2);
        RecordingLink link = new RecordingLink(1);
        fixture.sendToQueue(link, "poison", "ID:bad", 1, w -> { });
        fixture.consume(link, 1, "poison", 10);
        await("first", () -> link.delivered.size() == 1);
        fixture.broker.recover(1, 1, link.deliveredIds()).join();
        await("second", () -> link.delivered.size() == 2);
        fixture.broker.recover(1, 1, link.deliveredIds()).join();
        await("dead-lettered", () -> browse(DeliveryConfig.DEFAULT_DEAD_LETTER_QUEUE).size() == 1);
        MessageRecordFlyweight copy = browse(DeliveryConfig.DEFAULT_DEAD_LETTER_QUEUE).get(0);
        assertThat(copy.property(SubscriptionHeaders.DEAD_LETTER_REASON))
                .isEqualTo(SubscriptionHeaders.REASON_MAX_DELIVERIES);
        assertThat(copy.property(SubscriptionHeaders.ORIGINAL_DESTINATION)).isEqualTo("poison");
        assertThat(copy.property(SubscriptionHeaders.DELIVERY_ATTEMPTS)).isEqualTo(2);
        assertThat(copy.text()).isEqualTo("m1");
        fixture.sendToQueue(link, "poison", "ID:good", 2, w -> { });
        await("the next one", () -> link.delivered.size() == 3);
        assertThat(link.delivered.get(2).messageId()).isEqualTo("ID:good");
        assertThat(browse("poison")).extracting(MessageRecordFlyweight::messageId).containsExactly("ID:good");
    }

    @Test
    void shouldKeepAMessageGroupOnOneConsumerUntilItCloses() {
        start(10);
        RecordingLink link = new RecordingLink(1);
        fixture.consume(link, 1, "grouped", 100);
        fixture.consume(link, 2, "grouped", 100);
        for (int i = 0; i < 6; i++) {
            fixture.sendToQueue(link, "grouped", "ID:" + i, i, w -> w.putStringProperty("JMSXGroupID", "g"));
        }
        await("six", () -> link.delivered.size() == 6);
        long owner = link.delivered.get(0).consumerId();
        assertThat(link.delivered).allSatisfy(d -> assertThat(d.consumerId()).isEqualTo(owner));
        assertThat(link.delivered).extracting(RecordingLink.Delivered::n).containsExactly(0, 1, 2, 3, 4, 5);

        fixture.broker.closeConsumer(1, owner, new long[0], Long.MAX_VALUE).join();
        fixture.sendToQueue(link, "grouped", "ID:6", 6, w -> w.putStringProperty("JMSXGroupID", "g"));
        await("seventh", () -> link.delivered.size() == 7);
        assertThat(link.delivered.get(6).consumerId()).isNotEqualTo(owner);
    }

    @Test
    void shouldUseTheDuplicateIdPropertyAsTheDuplicateKey() {
        start(10);
        RecordingLink link = new RecordingLink(1);
        fixture.sendToQueue(link, "dups", "ID:1", 1, w -> w.putStringProperty(SubscriptionHeaders.DUPLICATE_ID, "k"));
        fixture.sendToQueue(link, "dups", "ID:2", 2, w -> w.putStringProperty(SubscriptionHeaders.DUPLICATE_ID, "k"));
        fixture.sendToQueue(link, "dups", "ID:1", 3, w -> { });
        fixture.awaitDispatched();
        assertThat(browse("dups")).extracting(MessageRecordFlyweight::messageId).containsExactly("ID:1", "ID:1");
    }
}
