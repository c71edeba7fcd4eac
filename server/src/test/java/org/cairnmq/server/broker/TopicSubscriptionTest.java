package org.cairnmq.server.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairnmq.server.broker.BrokerFixture.await;
import static org.cairnmq.server.broker.BrokerFixture.errorOf;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.cairnmq.protocol.codec.AckMode;
import org.cairnmq.protocol.codec.CreateConsumerCodec;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.record.DestinationKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Topic subscriptions, client ids and UNSUBSCRIBE through the Broker API over a real store. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TopicSubscriptionTest {

    private static final int DURABLE = CreateConsumerCodec.DURABLE_FLAG;
    private static final int SHARED = CreateConsumerCodec.SHARED_FLAG;
    private static final int NO_LOCAL = CreateConsumerCodec.NO_LOCAL_FLAG;

    @TempDir
    Path directory;

    private BrokerFixture fixture;

    @BeforeEach
    void open() {
        fixture = BrokerFixture.start(directory);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void shouldGiveEverySubscriberEveryMessagePublishedAfterItSubscribed() {
        RecordingLink a = new RecordingLink(1);
        RecordingLink b = new RecordingLink(2);
        fixture.subscribe(a, 1, "news", 0, null, null).join();
        fixture.publish(a, "news", "ID:0", 0);
        await("a has the first", () -> a.delivered.size() == 1);
        fixture.subscribe(b, 1, "news", 0, null, null).join();
        fixture.publish(a, "news", "ID:1", 1);
        await("a has both", () -> a.delivered.size() == 2);
        await("b has the second", () -> b.delivered.size() == 1);
        assertThat(b.delivered.get(0).n()).isEqualTo(1);
        assertThat(a.delivered).extracting(RecordingLink.Delivered::n).containsExactly(0, 1);
    }

    @Test
    void shouldKeepMessagesForADurableSubscriptionAcrossDisconnectsAndRestarts() {
        RecordingLink link = new RecordingLink(1);
        fixture.broker.clientId(link, "app").join();
        fixture.subscribe(link, 1, "prices", DURABLE, "sub", "n > 0").join();
        fixture.broker.closeConsumer(1, 1, new long[0], Long.MAX_VALUE).join();
        fixture.broker.connectionClosed(1);
        RecordingLink publisher = new RecordingLink(9);
        for (int i = 0; i < 3; i++) {
            fixture.publish(publisher, "prices", "ID:" + i, i);
        }
        fixture.awaitDispatched();
        fixture.restart();

        RecordingLink again = new RecordingLink(2);
        fixture.broker.clientId(again, "app").join();
        fixture.subscribe(again, 1, "prices", DURABLE, "sub", "n > 0").join();
        await("the two matching", () -> again.delivered.size() == 2);
        assertThat(again.delivered).extracting(RecordingLink.Delivered::n).containsExactly(1, 2);
        assertThat(errorOf(fixture.subscribe(again, 2, "prices", DURABLE, "sub", "n > 0")))
                .isEqualTo(ErrorCode.ILLEGAL_STATE);
    }

    @Test
    void shouldRefuseAnUnsharedDurableSubscriptionWithoutClientId() {
        assertThat(errorOf(fixture.subscribe(new RecordingLink(1), 1, "t", DURABLE, "sub", null)))
                .isEqualTo(ErrorCode.ILLEGAL_STATE);
    }

    @Test
    void shouldReplaceAnInactiveDurableSubscriptionRecreatedWithAnotherSelector() {
        RecordingLink link = new RecordingLink(1);
        fixture.broker.clientId(link, "app").join();
        fixture.subscribe(link, 1, "t", DURABLE, "sub", null).join();
        fixture.broker.closeConsumer(1, 1, new long[0], Long.MAX_VALUE).join();
        fixture.publish(link, "t", "ID:old", 5);
        fixture.awaitDispatched();
        fixture.subscribe(link, 2, "t", DURABLE, "sub", "n > 1").join();
        fixture.publish(link, "t", "ID:new", 7);
        await("the new one", () -> link.to(2).size() == 1);
        assertThat(link.to(2).get(0).messageId()).isEqualTo("ID:new");
    }

    @Test
    void shouldShareADurableSubscriptionBetweenConnectionsWithoutClientId() {
        RecordingLink a = new RecordingLink(1);
        RecordingLink b = new RecordingLink(2);
        fixture.subscribe(a, 1, "work", DURABLE | SHARED, "pool", null).join();
        fixture.subscribe(b, 1, "work", DURABLE | SHARED, "pool", null).join();
        for (int i = 0; i < 6; i++) {
            fixture.publish(a, "work", "ID:" + i, i);
        }
        await("six in all", () -> a.delivered.size() + b.delivered.size() == 6);
        assertThat(a.delivered).isNotEmpty();
        assertThat(b.delivered).isNotEmpty();
        assertThat(errorOf(fixture.subscribe(b, 2, "other", DURABLE | SHARED, "pool", null)))
                .isEqualTo(ErrorCode.ILLEGAL_STATE);
    }

    @Test
    void shouldNotDeliverAConnectionsOwnMessagesToItsNoLocalSubscriber() {
        RecordingLink local = new RecordingLink(1);
        RecordingLink remote = new RecordingLink(2);
        fixture.subscribe(local, 1, "chat", NO_LOCAL, null, null).join();
        fixture.publish(local, "chat", "ID:mine", 1);
        fixture.publish(remote, "chat", "ID:theirs", 2);
        await("the remote one", () -> local.delivered.size() == 1);
        assertThat(local.delivered.get(0).messageId()).isEqualTo("ID:theirs");
    }

    @Test
    void shouldKeepClientIdsUniqueAmongLiveConnections() {
        fixture.broker.clientId(new RecordingLink(1), "c").join();
        assertThat(errorOf(fixture.broker.clientId(new RecordingLink(2), "c"))).isEqualTo(ErrorCode.INVALID_CLIENT_ID);
        assertThat(errorOf(fixture.broker.clientId(new RecordingLink(1), "d"))).isEqualTo(ErrorCode.ILLEGAL_STATE);
        fixture.broker.connectionClosed(1);
        fixture.broker.clientId(new RecordingLink(3), "c").join();
    }

    @Test
    void shouldUnsubscribeOnlyAKnownInactiveDurableSubscription() {
        RecordingLink link = new RecordingLink(1);
        fixture.broker.clientId(link, "app").join();
        assertThat(errorOf(fixture.broker.unsubscribe(link, "none"))).isEqualTo(ErrorCode.INVALID_DESTINATION);
        fixture.subscribe(link, 1, "t", DURABLE, "sub", null).join();
        assertThat(errorOf(fixture.broker.unsubscribe(link, "sub"))).isEqualTo(ErrorCode.ILLEGAL_STATE);
        fixture.publish(link, "t", "ID:1", 1);
        await("delivered", () -> link.delivered.size() == 1);
        fixture.broker.ack(1, 1, 0, AckMode.INDIVIDUAL, new long[] {link.delivered.get(0).deliveryId()}).join();
        fixture.broker.closeConsumer(1, 1, new long[0], Long.MAX_VALUE).join();
        fixture.broker.unsubscribe(link, "sub").join();
        assertThat(errorOf(fixture.broker.unsubscribe(link, "sub"))).isEqualTo(ErrorCode.INVALID_DESTINATION);
    }

    @Test
    void shouldListTopicsForTheRegistrarAndDeleteTemporaryTopicsWithTheirConnection() {
        RecordingLink link = new RecordingLink(1);
        fixture.broker.createDestination(link, DestinationKind.TOPIC, "listed", 2).join();
        fixture.broker.createDestination(link, DestinationKind.TEMP_TOPIC, "tmp", 0).join();
        fixture.subscribe(link, 1, "listed", 0, null, null).join();
        assertThat(fixture.broker.destinations().join())
                .contains(new DestinationInfo(DestinationKind.TOPIC, "listed", 2))
                .noneMatch(info -> info.name().equals("tmp"));
        fixture.broker.connectionClosed(1);
        RecordingLink other = new RecordingLink(2);
        assertThat(errorOf(fixture.broker.createConsumer(other, new CreateConsumerCodec.Request(1, 1,
                new org.cairnmq.protocol.codec.DestinationRef(DestinationKind.TEMP_TOPIC, "tmp"), null, 0, null, 1))))
                .isEqualTo(ErrorCode.INVALID_DESTINATION);
    }
}
