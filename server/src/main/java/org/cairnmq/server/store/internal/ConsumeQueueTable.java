package org.cairnmq.server.store.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.cairnmq.server.store.CommitLogDispatcher;
import org.cairnmq.server.store.DispatchRequest;
import org.cairnmq.server.store.StoreException;

/**
 * Every ConsumeQueue, by topic and queue id, under {@code consumequeue/<topic>/<queueId>/}. As a
 * {@link CommitLogDispatcher} it adds one entry per dispatched record.
 *
 * <p>Owning threads: queues are created and written by the dispatch thread (or by recovery before it
 * starts); the map is concurrent so that any thread may look a queue up.
 */
public final class ConsumeQueueTable implements CommitLogDispatcher {

    private final Path root;
    private final int entriesPerSegment;
    private final ConcurrentMap<String, ConcurrentMap<Integer, ConsumeQueue>> queues = new ConcurrentHashMap<>();

    /**
     * @param root the {@code consumequeue} directory
     * @param entriesPerSegment entries per segment file
     */
    public ConsumeQueueTable(Path root, int entriesPerSegment) {
        this.root = root;
        this.entriesPerSegment = entriesPerSegment;
    }

    /**
     * @return whether the {@code consumequeue} directory exists
     */
    public boolean rootExists() {
        return Files.isDirectory(root);
    }

    /**
     * Maps every queue found on disk. Recovery only.
     *
     * @param commitLogMinOffset the CommitLog's oldest offset
     * @param commitLogEndOffset where the recovered CommitLog ends
     */
    public void load(long commitLogMinOffset, long commitLogEndOffset) {
        try {
            Files.createDirectories(root);
            try (DirectoryStream<Path> topics = Files.newDirectoryStream(root, Files::isDirectory)) {
                for (Path topicDirectory : topics) {
                    loadTopic(topicDirectory, commitLogMinOffset, commitLogEndOffset);
                }
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot list " + root, e);
        }
    }

    private void loadTopic(Path topicDirectory, long commitLogMinOffset, long commitLogEndOffset) throws IOException {
        String topic = TopicDirectoryNames.decode(topicDirectory.getFileName().toString());
        try (DirectoryStream<Path> queueDirectories = Files.newDirectoryStream(topicDirectory, Files::isDirectory)) {
            for (Path queueDirectory : queueDirectories) {
                int queueId = parseQueueId(queueDirectory.getFileName().toString());
                if (queueId >= 0) {
                    ConsumeQueue queue = new ConsumeQueue(topic, queueId, queueDirectory, entriesPerSegment);
                    queue.load(commitLogMinOffset, commitLogEndOffset);
                    queues.computeIfAbsent(topic, t -> new ConcurrentHashMap<>()).put(queueId, queue);
                }
            }
        }
    }

    private static int parseQueueId(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * @param topic a topic
     * @param queueId a queue id
     * @return the queue, or null if nothing was ever dispatched to it
     */
    public ConsumeQueue find(String topic, int queueId) {
        ConcurrentMap<Integer, ConsumeQueue> byId = queues.get(topic);
        return byId == null ? null : byId.get(queueId);
    }

    /**
     * @return every queue, in no particular order
     */
    public List<ConsumeQueue> all() {
        List<ConsumeQueue> all = new ArrayList<>();
        for (ConcurrentMap<Integer, ConsumeQueue> byId : queues.values()) {
            all.addAll(byId.values());
        }
        return all;
    }

    @Override
    public void dispatch(DispatchRequest request) {
        ConsumeQueue queue = find(request.topic(), request.queueId());
        if (queue == null) {
            Path directory = root.resolve(TopicDirectoryNames.encode(request.topic()))
                    .resolve(Integer.toString(request.queueId()));
            queue = new ConsumeQueue(request.topic(), request.queueId(), directory, entriesPerSegment);
            queues.computeIfAbsent(request.topic(), t -> new ConcurrentHashMap<>()).put(request.queueId(), queue);
        }
        queue.put(request.queueOffset(), request.commitLogOffset(), request.sizeBytes(), request.flags(),
                request.tagsCode(), request.storeTimestampMs());
    }

    /**
     * Forces every queue's new entries. Dispatch thread only.
     */
    public void flushAll() {
        for (ConcurrentMap<Integer, ConsumeQueue> byId : queues.values()) {
            for (ConsumeQueue queue : byId.values()) {
                queue.flush();
            }
        }
    }

    /**
     * Drops entries below the CommitLog's new oldest offset. Housekeeping thread only.
     *
     * @param commitLogMinOffset the CommitLog's oldest offset
     */
    public void deleteBelow(long commitLogMinOffset) {
        for (ConcurrentMap<Integer, ConsumeQueue> byId : queues.values()) {
            for (ConsumeQueue queue : byId.values()) {
                queue.deleteBelow(commitLogMinOffset);
            }
        }
    }
}
