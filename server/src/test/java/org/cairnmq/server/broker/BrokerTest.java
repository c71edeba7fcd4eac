package org.cairnmq.server.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.cairnmq.protocol.codec.AckMode;
import org.cairnmq.protocol.codec.CreateConsumerCodec;
import org.cairnmq.protocol.codec.DestinationRef;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.record.DestinationKind;
import org.cairnmq.protocol.record.MessageRecordWriter;
import org.cairnmq.server.store.ConsumerOffsetStore;
import org.cairnmq.server.store.KeyIndexConfig;
import org.cairnmq.server.store.MessageKeyIndex;
import org.cairnmq.server.store.MessageStore;
import org.cairnmq.server.store.OffsetStoreConfig;
import org.cairnmq.server.store.StoreConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The broker core through its Java API, over a real store with tiny segments. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BrokerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path directory;

    private MessageStore store;
    private MessageKeyIndex keyIndex;
    private ConsumerOffsetStore offsets;
    private Broker broker;
    private BrokerConfig config;

    @BeforeEach
    void open() {
        config = BrokerConfig.defaults(directory.resolve("broker")).withDefaultQueueCount(1);
        openBroker();
    }

    private void openBroker() {
        keyIndex = MessageKeyIndex.open(new KeyIndexConfig(directory.resolve("index"), 1024, 4096));
        store = new MessageStore(StoreConfig.defaults(directory.resolve("store")).withCommitLogSegmentBytes(64 * 1024)
                .withConsumeQueueSegmentEntries(64).withCheckpointIntervalMs(20).withDiskFullReserveBytes(0));
        store.addDispatcher(keyIndex);
        store.start();
        offsets = ConsumerOffsetStore.open(OffsetStoreConfig.defaults(directory.resolve("offsets")));
        broker = new Broker(config, store, keyIndex, offsets);
        broker.start();
    }

    @AfterEach
    void closeAll() {
        broker.close();
        offsets.close();
        store.close();
        keyIndex.close();
    }

    private void restart() {
        closeAll();
        openBroker();
    }

    private static ByteBuf record(String queue, String messageId, int n) {
        ByteBuf out = Unpooled.buffer();
        new MessageRecordWriter().persistent(true).messageId(messageId).destination(DestinationKind.QUEUE, queue)
                .putIntProperty("n", n).textBody("m" + n).writeTo(out);
        return out;
    }

    private void send(RecordingLink link, long txId, String queue, String messageId, int n) {
        broker.send(link, txId, -1, record(queue, messageId, n)).join();
    }

    private void consumer(RecordingLink link, long consumerId, long sessionId, String queue, String selector,
            int credit) {
        broker.createConsumer(link, new CreateConsumerCodec.Request(consumerId, sessionId,
                new DestinationRef(DestinationKind.QUEUE, queue), selector, 0, null, credit)).join();
    }

    private static void await(String what, java.util.concurrent.Callable<Boolean> condition) {
        Awaitility.await(what).atMost(WAIT).pollInterval(Duration.ofMillis(5)).until(condition);
    }

    private static ErrorCode errorOf(CompletableFuture<?> future) {
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(future::join);
        assertThat(failure).isInstanceOf(CompletionException.class);
        return ((BrokerException) failure.getCause()).errorCode();
    }

    @Test
    void shouldGiveCompetingConsumersDistinctMessagesWithinTheirCredit() {
        RecordingLink link = new RecordingLink(1);
        for (int i = 0; i < 10; i++) {
            send(link, 0, "orders", "ID:" + i, i);
        }
        consumer(link, 1, 1, "orders", null, 3);
        consumer(link, 2, 1, "orders", null, 3);
        await("six deliveries", () -> link.delivered.size() == 6);
        assertThat(link.to(1)).hasSize(3);
        assertThat(link.to(2)).hasSize(3);
        assertThat(link.delivered).extracting(RecordingLink.Delivered::messageId).doesNotHaveDuplicates();

        broker.credit(1, 1, 10);
        await("all ten", () -> link.delivered.size() == 10);
        assertThat(link.delivered).extracting(RecordingLink.Delivered::messageId).doesNotHaveDuplicates();
        assertThat(link.delivered).allSatisfy(d -> assertThat(d.deliveryCount()).isEqualTo(1));
    }

    @Test
    void shouldLeaveMessagesNoSelectorMatchesForLaterConsumers() {
        RecordingLink link = new RecordingLink(1);
        for (int i = 0; i < 4; i++) {
            send(link, 0, "sel", "ID:" + i, i);
        }
        consumer(link, 1, 1, "sel", "n >= 2", 10);
        await("the two matching", () -> link.to(1).size() == 2);
        assertThat(link.to(1)).extracting(RecordingLink.Delivered::n).containsExactly(2, 3);

        consumer(link, 2, 2, "sel", null, 10);
        await("the two left", () -> link.to(2).size() == 2);
        assertThat(link.to(2)).extracting(RecordingLink.Delivered::n).containsExactly(0, 1);
    }

    @Test
    void shouldRedeliverOnlyUnacknowledgedMessagesAfterARestartFlaggedRedelivered() {
        RecordingLink link = new RecordingLink(1);
        for (int i = 0; i < 4; i++) {
            send(link, 0, "durable", "ID:" + i, i);
        }
        consumer(link, 1, 1, "durable", null, 10);
        await("four", () -> link.delivered.size() == 4);
        long first = link.delivered.get(0).deliveryId();
        long third = link.delivered.get(2).deliveryId();
        broker.ack(1, 1, 0, AckMode.INDIVIDUAL, new long[] {first, third}).join();

        restart();
        RecordingLink again = new RecordingLink(2);
        consumer(again, 1, 1, "durable", null, 10);
        await("the two unacked", () -> again.delivered.size() == 2);
        assertThat(again.delivered).extracting(RecordingLink.Delivered::n).containsExactly(1, 3);
        assertThat(again.delivered).allSatisfy(d -> assertThat(d.deliveryCount()).isGreaterThan(1));
    }

    @Test
    void shouldCountRedeliveriesOnRecoverButNotForUnconsumedMessagesOfAClosedConsumer() {
        RecordingLink link = new RecordingLink(1);
        for (int i = 0; i < 2; i++) {
            send(link, 0, "redo", "ID:" + i, i);
        }
        consumer(link, 1, 1, "redo", null, 10);
        await("two", () -> link.delivered.size() == 2);
        broker.recover(1, 1, link.deliveredIds()).join();
        await("two redelivered", () -> link.delivered.size() == 4);
        assertThat(link.delivered.subList(2, 4)).extracting(RecordingLink.Delivered::n).containsExactly(0, 1);
        assertThat(link.delivered.subList(2, 4)).allSatisfy(d -> assertThat(d.deliveryCount()).isEqualTo(2));

        long unconsumed = link.delivered.get(3).deliveryId();
        broker.closeConsumer(1, 1, new long[] {unconsumed}, Long.MAX_VALUE).join();
        consumer(link, 2, 2, "redo", null, 10);
        await("the unconsumed one", () -> link.to(2).size() == 1);
        assertThat(link.to(2).get(0).n()).isEqualTo(1);
        assertThat(link.to(2).get(0).deliveryCount()).isEqualTo(2);

        broker.closeSession(1, 1).join();
        await("the session's one", () -> link.to(2).size() == 2);
        assertThat(link.to(2).get(1).n()).isEqualTo(0);
        assertThat(link.to(2).get(1).deliveryCount()).isEqualTo(3);
    }

    @Test
    void shouldReturnTheDeliveriesStillOnTheWireWhenAConsumerCloses() {
        RecordingLink link = new RecordingLink(1);
        for (int i = 0; i < 2; i++) {
            send(link, 0, "wire", "ID:" + i, i);
        }
        consumer(link, 1, 1, "wire", null, 10);
        await("two", () -> link.delivered.size() == 2);
        long received = link.delivered.get(0).deliveryId();

        broker.closeConsumer(1, 1, new long[0], received).join();
        consumer(link, 2, 2, "wire", null, 10);

        await("the one on the wire", () -> link.to(2).size() == 1);
        assertThat(link.to(2).get(0).n()).isEqualTo(1);
        assertThat(link.to(2).get(0).deliveryCount()).isEqualTo(1);
    }

    @Test
    void shouldCountOnlyTheDeliveriesTheApplicationConsumedWhenASessionRecovers() {
        RecordingLink link = new RecordingLink(1);
        for (int i = 0; i < 2; i++) {
            send(link, 0, "seen", "ID:" + i, i);
        }
        consumer(link, 1, 1, "seen", null, 10);
        await("two", () -> link.delivered.size() == 2);
        long consumed = link.delivered.get(0).deliveryId();
        long prefetched = link.delivered.get(1).deliveryId();

        long highestReturned = broker.recover(1, 1, new long[] {consumed}).join();

        assertThat(highestReturned).isEqualTo(prefetched);
        await("two again", () -> link.delivered.size() == 4);
        assertThat(link.delivered.subList(2, 4)).extracting(RecordingLink.Delivered::n).containsExactly(0, 1);
        assertThat(link.delivered.subList(2, 4)).extracting(RecordingLink.Delivered::deliveryCount)
                .containsExactly(2, 1);
        assertThat(link.delivered.subList(2, 4)).allSatisfy(d -> assertThat(d.deliveryId()).isGreaterThan(prefetched));
    }

    @Test
    void shouldMakeTransactedSendsVisibleOnlyAtCommitAndRedeliverOnRollback() {
        RecordingLink link = new RecordingLink(1);
        consumer(link, 1, 1, "tx", null, 10);
        send(link, 7, "tx", "ID:a", 1);
        send(link, 7, "tx", "ID:b", 2);
        assertThat(broker.browse(link, DestinationKind.QUEUE, "tx", null, 0, 10).join().records()).isEmpty();
        assertThat(link.delivered).isEmpty();
        broker.commit(1, 2, 7).join();
        await("both", () -> link.delivered.size() == 2);

        broker.ack(1, 1, 9, AckMode.UP_TO, new long[] {link.delivered.get(1).deliveryId()}).join();
        broker.rollback(1, 1, 9, link.deliveredIds()).join();
        await("both again", () -> link.delivered.size() == 4);
        assertThat(link.delivered.subList(2, 4)).allSatisfy(d -> assertThat(d.deliveryCount()).isEqualTo(2));

        broker.ack(1, 1, 10, AckMode.UP_TO, new long[] {link.delivered.get(3).deliveryId()}).join();
        broker.commit(1, 1, 10).join();
        broker.recover(1, 1, link.deliveredIds()).join();
        assertThat(broker.browse(link, DestinationKind.QUEUE, "tx", null, 0, 10).join().records()).isEmpty();
    }

    @Test
    void shouldAnswerAResendWithinTheWindowWithoutStoringItAgain() {
        RecordingLink link = new RecordingLink(1);
        send(link, 0, "dedup", "ID:same", 1);
        send(link, 0, "dedup", "ID:same", 1);
        await("indexed", () -> keyIndex.indexedUpToCommitLogOffset() >= store.maxCommitLogOffset());
        send(link, 0, "dedup", "ID:same", 1);
        send(link, 0, "dedup", "ID:other", 2);
        await("dispatched", () -> store.dispatchedCommitLogOffset() >= store.maxCommitLogOffset());
        assertThat(broker.browse(link, DestinationKind.QUEUE, "dedup", null, 0, 10).join().records()).hasSize(2);
    }

    @Test
    void shouldLetOnlyTheOwningConnectionConsumeATemporaryQueueAndDeleteItWithTheConnection() {
        RecordingLink owner = new RecordingLink(1);
        RecordingLink other = new RecordingLink(2);
        broker.createDestination(owner, DestinationKind.TEMP_QUEUE, "reply-1", 0).join();
        CompletableFuture<Void> stranger = broker.createConsumer(other, new CreateConsumerCodec.Request(1, 1,
                new DestinationRef(DestinationKind.TEMP_QUEUE, "reply-1"), null, 0, null, 1));
        assertThat(errorOf(stranger)).isEqualTo(ErrorCode.ILLEGAL_STATE);

        broker.connectionClosed(1);
        CompletableFuture<Void> gone = broker.createConsumer(owner, new CreateConsumerCodec.Request(2, 1,
                new DestinationRef(DestinationKind.TEMP_QUEUE, "reply-1"), null, 0, null, 1));
        assertThat(errorOf(gone)).isEqualTo(ErrorCode.INVALID_DESTINATION);
    }

    @Test
    void shouldRefuseUnknownQueuesWhenAutoCreationIsOff() {
        broker.close();
        config = config.withAutoCreateDestinations(false);
        broker = new Broker(config, store, keyIndex, offsets);
        broker.start();
        RecordingLink link = new RecordingLink(1);
        assertThat(errorOf(broker.send(link, 0, -1, record("nope", "ID:1", 1))))
                .isEqualTo(ErrorCode.INVALID_DESTINATION);
        broker.createDestination(link, DestinationKind.QUEUE, "made", 2).join();
        send(link, 0, "made", "ID:2", 2);
        assertThat(broker.destinations().join()).contains(new DestinationInfo(DestinationKind.QUEUE, "made", 2));
    }

    @Test
    void shouldRefuseAMessageLargerThanTheMaximum() {
        broker.close();
        config = config.withMaxMessageBytes(64);
        broker = new Broker(config, store, keyIndex, offsets);
        broker.start();
        assertThat(errorOf(broker.send(new RecordingLink(1), 0, -1, record("big", "ID:" + "x".repeat(100), 1))))
                .isEqualTo(ErrorCode.MESSAGE_TOO_LARGE);
    }

    @Test
    void shouldBrowseInPagesWithASelectorShowingInFlightMessages() {
        RecordingLink link = new RecordingLink(1);
        for (int i = 0; i < 5; i++) {
            send(link, 0, "browse", "ID:" + i, i);
        }
        await("dispatched", () -> store.dispatchedCommitLogOffset() >= store.maxCommitLogOffset());
        consumer(link, 1, 1, "browse", null, 1);
        await("one in flight", () -> link.delivered.size() == 1);
        BrowsePage page = broker.browse(link, DestinationKind.QUEUE, "browse", "n <> 3", 0, 2).join();
        assertThat(page.records()).hasSize(2);
        assertThat(page.done()).isFalse();
        BrowsePage rest = broker.browse(link, DestinationKind.QUEUE, "browse", "n <> 3", page.nextCursor(), 10).join();
        assertThat(rest.records()).hasSize(2);
        assertThat(rest.done()).isTrue();
        assertThat(link.delivered).hasSize(1);
    }

    @Test
    void shouldAnswerAPullWithAMessageForAZeroWindowConsumer() {
        RecordingLink link = new RecordingLink(1);
        consumer(link, 1, 1, "pull", null, 0);
        assertThat(broker.pull(1, 1, 0).join()).isFalse();
        CompletableFuture<Boolean> waiting = broker.pull(1, 1, 5_000);
        send(link, 0, "pull", "ID:1", 1);
        assertThat(waiting.join()).isTrue();
        assertThat(link.delivered).hasSize(1);
        List<RecordingLink.Delivered> none = link.to(2);
        assertThat(none).isEmpty();
        assertThatThrownBy(() -> broker.pull(1, 99, 0).join()).hasCauseInstanceOf(BrokerException.class);
    }
}
