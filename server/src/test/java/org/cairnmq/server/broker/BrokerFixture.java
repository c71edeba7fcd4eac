package org.cairnmq.server.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.cairnmq.protocol.codec.CreateConsumerCodec;
import org.cairnmq.protocol.codec.DestinationRef;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.record.DestinationKind;
import org.cairnmq.protocol.record.MessageRecordWriter;
import org.cairnmq.server.store.MessageStore;
import org.cairnmq.server.store.StoreConfig;

/** A broker over a real store with tiny segments in a test's directory, restartable. */
final class BrokerFixture implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    private final Path directory;
    private final BrokerConfig config;
    MessageStore store;
    Broker broker;

    BrokerFixture(Path directory, BrokerConfig config) {
        this.directory = directory;
        this.config = config;
        open();
    }

    static BrokerFixture start(Path directory) {
        return new BrokerFixture(directory, BrokerConfig.defaults(directory.resolve("broker")).withDefaultQueueCount(1));
    }

    private void open() {
        store = new MessageStore(StoreConfig.defaults(directory.resolve("store")).withCommitLogSegmentBytes(64 * 1024)
                .withConsumeQueueSegmentEntries(64).withCheckpointIntervalMs(20).withDiskFullReserveBytes(0));
        store.start();
        broker = new Broker(config, store);
        broker.start();
    }

    void restart() {
        close();
        open();
    }

    @Override
    public void close() {
        broker.close();
        store.close();
    }

    static ByteBuf record(DestinationKind kind, String name, String messageId, int n, Consumer<MessageRecordWriter> extra) {
        ByteBuf out = Unpooled.buffer();
        MessageRecordWriter writer = new MessageRecordWriter().persistent(true).messageId(messageId)
                .destination(kind, name).putIntProperty("n", n).textBody("m" + n);
        extra.accept(writer);
        writer.writeTo(out);
        return out;
    }

    void publish(RecordingLink link, String topic, String messageId, int n) {
        broker.send(link, 0, -1, record(DestinationKind.TOPIC, topic, messageId, n, w -> { })).join();
    }

    void sendToQueue(RecordingLink link, String queue, String messageId, int n, Consumer<MessageRecordWriter> extra) {
        broker.send(link, 0, -1, record(DestinationKind.QUEUE, queue, messageId, n, extra)).join();
    }

    CompletableFuture<Void> subscribe(RecordingLink link, long consumerId, String topic, int flags, String name,
            String selector) {
        return broker.createConsumer(link, new CreateConsumerCodec.Request(consumerId, consumerId,
                new DestinationRef(DestinationKind.TOPIC, topic), selector, flags, name, 100));
    }

    void consume(RecordingLink link, long consumerId, String queue, int credit) {
        broker.createConsumer(link, new CreateConsumerCodec.Request(consumerId, consumerId,
                new DestinationRef(DestinationKind.QUEUE, queue), null, 0, null, credit)).join();
    }

    void awaitDispatched() {
        await("dispatched", () -> store.dispatchedCommitLogOffset() >= store.maxCommitLogOffset());
    }

    static void await(String what, Callable<Boolean> condition) {
        Awaitility.await(what).atMost(WAIT).pollInterval(Duration.ofMillis(5)).until(condition);
    }

    static ErrorCode errorOf(CompletableFuture<?> future) {
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(future::join);
        assertThat(failure).isInstanceOf(CompletionException.class);
        return ((BrokerException) failure.getCause()).errorCode();
    }
}
