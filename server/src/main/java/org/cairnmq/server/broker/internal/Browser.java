package org.cairnmq.server.broker.internal;

import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.cairnmq.protocol.command.ProtocolException;
import org.cairnmq.protocol.record.MessageRecordFlyweight;
import org.cairnmq.protocol.record.MessageRecordPropertySource;
import org.cairnmq.protocol.selector.Selector;
import org.cairnmq.server.broker.BrowsePage;
import org.cairnmq.server.store.GetResult;
import org.cairnmq.server.store.GetStatus;
import org.cairnmq.server.store.MessageStore;
import org.cairnmq.server.store.QueueProgress;
import org.cairnmq.server.store.StoredRecord;

/**
 * Pages through a destination's queues straight from the store: not consuming, not locking, showing
 * in-flight messages, skipping acknowledged, delayed and expired ones, honouring a selector. A topic
 * has nothing to browse.
 *
 * <pre>
 *  cursor (64 bits):  queueId (16) | queue offset (48)      0 = queue 0 from its first unacked offset
 * </pre>
 *
 * <p>Owning thread: the broker thread.
 */
final class Browser {

    private static final int QUEUE_ID_SHIFT = 48;
    private static final long OFFSET_MASK = (1L << QUEUE_ID_SHIFT) - 1;
    private static final int READ_BATCH = 64;

    private final MessageStore store;
    private final BrokerCore core;
    private final MessageRecordFlyweight flyweight = new MessageRecordFlyweight();
    private final MessageRecordPropertySource properties = new MessageRecordPropertySource(flyweight);

    Browser(MessageStore store, BrokerCore core) {
        this.store = store;
        this.core = core;
    }

    BrowsePage page(DestinationState destination, Selector selector, long cursor, int maxCount, long nowMs) {
        if (destination.queueGroup == null) {
            return new BrowsePage(cursor, true, List.of());
        }
        int queueId = (int) (cursor >>> QUEUE_ID_SHIFT);
        long offset = cursor & OFFSET_MASK;
        List<ByteBuffer> records = new ArrayList<>();
        while (queueId < destination.queueCount && records.size() < maxCount) {
            QueueState queue = destination.queueGroup.queues.get(queueId);
            QueueProgress progress = core.offsets.progress(queue.group, queue.topic, queueId).orElse(null);
            long start = Math.max(offset, store.minQueueOffset(queue.topic, queueId));
            start = progress == null ? start : Math.max(start, progress.ackedOffset());
            GetResult result = store.read(queue.topic, queueId, start, READ_BATCH);
            if (result.status() != GetStatus.FOUND || result.records().isEmpty()) {
                queueId++;
                offset = 0;
                continue;
            }
            offset = result.nextQueueOffset();
            for (StoredRecord record : result.records()) {
                if (records.size() == maxCount) {
                    offset = record.queueOffset();
                    break;
                }
                boolean acked = progress != null && progress.isAcked(record.queueOffset());
                if (!acked && visible(record, nowMs) && matches(selector, record)) {
                    records.add(record.payload());
                }
            }
        }
        boolean done = queueId >= destination.queueCount;
        return new BrowsePage(((long) queueId << QUEUE_ID_SHIFT) | offset, done, records);
    }

    /** A message whose delivery time has not come, or that expired, is not shown. */
    private boolean visible(StoredRecord record, long nowMs) {
        try {
            flyweight.wrap(Unpooled.wrappedBuffer(record.payload()));
            long expiration = flyweight.expiration();
            return flyweight.deliveryTime() <= nowMs && (expiration == 0 || expiration > nowMs);
        } catch (ProtocolException e) {
            return false;
        }
    }

    private boolean matches(Selector selector, StoredRecord record) {
        if (selector.isMatchAll()) {
            return true;
        }
        try {
            flyweight.wrap(Unpooled.wrappedBuffer(record.payload()));
            return selector.matches(properties);
        } catch (ProtocolException e) {
            return false;
        }
    }
}
