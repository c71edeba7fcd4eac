package org.cairnmq.server.broker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.cairnmq.server.store.ConsumerOffsetStore;
import org.cairnmq.server.store.OffsetStoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Requests made before a flush starts share it; one made after gets a flush of its own. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OffsetFlushesTest {

    @TempDir
    Path directory;

    private final Queue<Runnable> flushThread = new ArrayDeque<>();

    @Test
    void shouldShareOneQueuedFlushAndMakeEveryAcknowledgementBeforeItDurable() {
        ConsumerOffsetStore offsets = ConsumerOffsetStore.open(OffsetStoreConfig.defaults(directory));
        OffsetFlushes flushes = new OffsetFlushes(offsets, flushThread::add);

        offsets.ack("group", "orders", 0, 0L);
        CompletableFuture<Void> first = flushes.request();
        offsets.ack("group", "orders", 0, 1L);
        CompletableFuture<Void> second = flushes.request();

        assertThat(second).isSameAs(first).isNotDone();
        assertThat(flushThread).hasSize(1);
        flushThread.poll().run();
        assertThat(first).isCompleted();

        offsets.ack("group", "orders", 0, 2L);
        CompletableFuture<Void> third = flushes.request();
        assertThat(third).isNotSameAs(first).isNotDone();
        flushThread.poll().run();
        assertThat(third).isCompleted();
        offsets.close();

        ConsumerOffsetStore reopened = ConsumerOffsetStore.open(OffsetStoreConfig.defaults(directory));
        try {
            assertThat(reopened.progress("group", "orders", 0).orElseThrow().ackedOffset()).as("every offset below it acknowledged").isEqualTo(3L);
        } finally {
            reopened.close();
        }
    }
}
