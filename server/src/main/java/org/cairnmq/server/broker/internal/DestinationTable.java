package org.cairnmq.server.broker.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cairnmq.protocol.record.DestinationKind;
import org.cairnmq.protocol.selector.Selector;
import org.cairnmq.server.broker.BrokerErrors;
import org.cairnmq.server.store.CommitLogRecordDescriptor;
import org.cairnmq.server.store.ConsumerOffsetStore;
import org.cairnmq.server.store.MessageStore;
import org.cairnmq.server.store.QueueProgress;
import org.cairnmq.server.store.TopicQueue;

/**
 * The registry of destinations, persisted in {@code destinations.registry} so that destinations
 * survive restarts (temporary ones are never persisted).
 *
 * <pre>
 *  destinations.registry (text): one line per destination: kind code TAB queueCount TAB name-hex
 * </pre>
 *
 * <p>Owning thread: the broker thread. Design note: the file is small and rewritten (temp file,
 * force, atomic rename) on the broker thread at each create or delete; both are rare admin-like
 * operations, so the short block is accepted rather than adding another thread.
 */
final class DestinationTable {

    static final String FILE_NAME = "destinations.registry";

    private final Map<String, DestinationState> byTopic = new LinkedHashMap<>();
    private final Path file;
    private final MessageStore store;
    private final ConsumerOffsetStore offsets;
    private final DeliveredMarks marks;

    DestinationTable(Path directory, MessageStore store, ConsumerOffsetStore offsets, DeliveredMarks marks) {
        this.file = directory.resolve(FILE_NAME);
        this.store = store;
        this.offsets = offsets;
        this.marks = marks;
    }

    /** Loads the registry file, then adds the queues the store holds that the file does not name. */
    void load() {
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] fields = line.split("\t");
                    DestinationKind kind = DestinationKind.fromCode(Integer.parseInt(fields[0]));
                    register(kind, HexNames.decode(fields[2]), Integer.parseInt(fields[1]), DestinationState.NO_OWNER);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, Integer> storeQueues = new HashMap<>();
        for (TopicQueue topicQueue : store.topicQueues()) {
            storeQueues.merge(topicQueue.topic(), topicQueue.queueId() + 1, Math::max);
        }
        storeQueues.forEach((topic, count) -> {
            if (topic.startsWith("q.") && !byTopic.containsKey(topic)) {
                register(DestinationKind.QUEUE, topic.substring(2), count, DestinationState.NO_OWNER);
            }
        });
        save();
    }

    DestinationState find(DestinationKind kind, String name) {
        return byTopic.get(DestinationState.topicOf(kind, name));
    }

    List<DestinationState> all() {
        return List.copyOf(byTopic.values());
    }

    /**
     * Creates a destination (persisting it unless temporary).
     *
     * @param kind the kind
     * @param name the name
     * @param queueCount how many queues
     * @param owner the owning connection of a temporary destination, else NO_OWNER
     * @return the new destination
     */
    DestinationState create(DestinationKind kind, String name, int queueCount, long owner) {
        if (name.isEmpty()) {
            throw BrokerErrors.invalidDestination("an empty name");
        }
        String topic = DestinationState.topicOf(kind, name);
        if (topic.getBytes(StandardCharsets.UTF_8).length > CommitLogRecordDescriptor.MAX_TOPIC_BYTES) {
            throw BrokerErrors.invalidDestination("name longer than "
                    + (CommitLogRecordDescriptor.MAX_TOPIC_BYTES - 3) + " UTF-8 bytes");
        }
        DestinationState destination = register(kind, name, queueCount, owner);
        if (!destination.isTemporary()) {
            save();
        }
        return destination;
    }

    /**
     * Deletes a destination: each persistent group moves past every stored message (a queue of the
     * same name starts empty); its subscriptions go with it.
     *
     * @param destination the destination
     */
    void delete(DestinationState destination) {
        byTopic.remove(destination.topic);
        destination.deleted = true;
        for (Subscription subscription : destination.subscriptions) {
            subscription.deleted = true;
            if (subscription.kind == Subscription.Kind.QUEUE) {
                for (QueueState queue : subscription.queues) {
                    offsets.resetTo(queue.group, queue.topic, queue.queueId,
                            store.maxQueueOffset(queue.topic, queue.queueId));
                }
            } else if (subscription.kind.persistent()) {
                offsets.removeGroup(subscription.group);
            }
        }
        if (!destination.isTemporary()) {
            save();
        }
    }

    private DestinationState register(DestinationKind kind, String name, int queueCount, long owner) {
        String topic = DestinationState.topicOf(kind, name);
        DestinationState destination = new DestinationState(kind, name, topic, owner, queueCount);
        if (!kind.isTopic()) {
            List<QueueState> queues = new ArrayList<>(queueCount);
            for (int queueId = 0; queueId < queueCount; queueId++) {
                queues.add(persistentQueue(topic, topic, queueId));
            }
            Subscription group = new Subscription(Subscription.Kind.QUEUE, topic, destination, null, null, null,
                    Selector.matchAll(), false, 0L, queues);
            destination.queueGroup = group;
            destination.subscriptions.add(group);
        }
        byTopic.put(topic, destination);
        return destination;
    }

    /**
     * A queue of a group that keeps its progress in the offset store, resuming where it stopped (from
     * the queue's first message when it never started).
     *
     * @param group the group
     * @param topic the store topic
     * @param queueId the queue
     * @return the queue state
     */
    QueueState persistentQueue(String group, String topic, int queueId) {
        QueueProgress progress = offsets.progress(group, topic, queueId).orElse(null);
        long min = store.minQueueOffset(topic, queueId);
        if (progress == null && min > 0) {
            offsets.resetTo(group, topic, queueId, min);
        }
        long start = progress == null ? min : Math.max(min, progress.ackedOffset());
        long deliveredBefore = marks.deliveredBefore(group, topic, queueId, store.maxQueueOffset(topic, queueId));
        return new QueueState(topic, queueId, group, progress, start, deliveredBefore);
    }

    /**
     * The queues of a new group that starts at the tail; a persistent one records that position
     * durably before this returns.
     *
     * @param group the group
     * @param topic the store topic
     * @param queueCount how many queues
     * @param persistent whether the group keeps progress in the offset store
     * @return the queue states
     */
    List<QueueState> queuesAtTail(String group, String topic, int queueCount, boolean persistent) {
        List<QueueState> queues = new ArrayList<>(queueCount);
        for (int queueId = 0; queueId < queueCount; queueId++) {
            long max = store.maxQueueOffset(topic, queueId);
            if (persistent) {
                offsets.resetTo(group, topic, queueId, max);
            }
            queues.add(new QueueState(topic, queueId, group, null, max, max));
        }
        if (persistent) {
            offsets.flush();
        }
        return queues;
    }

    private void save() {
        List<String> lines = new ArrayList<>();
        for (DestinationState destination : byTopic.values()) {
            if (!destination.isTemporary()) {
                lines.add(destination.kind.code() + "\t" + destination.queueCount + "\t"
                        + HexNames.encode(destination.name));
            }
        }
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
