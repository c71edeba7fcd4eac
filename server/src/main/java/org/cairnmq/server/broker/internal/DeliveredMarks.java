package org.cairnmq.server.broker.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per store queue, one past the highest offset ever delivered, kept so that after a restart the
 * messages that may have been delivered before are flagged redelivered.
 *
 * <pre>
 *  delivered.marks (text):  line 1 "clean" | "running"
 *                           then  [group-hex:]topic-hex TAB queueId TAB mark   per group queue
 *                           (no group for a queue's implicit group, named after its topic)
 * </pre>
 *
 * <p>Design note: the marks are written only on a clean close; at start the file is rewritten as
 * "running". After a crash (file "running" or missing) every message present at start counts as
 * possibly delivered: that over-flags, which JMS allows, and never under-flags, without one write per
 * delivery.
 *
 * <p>Owning thread: the broker thread (and the thread that starts and closes the broker).
 */
final class DeliveredMarks {

    static final String FILE_NAME = "delivered.marks";
    private static final String CLEAN = "clean";
    private static final String RUNNING = "running";

    private final Path file;
    private final Map<String, Long> marks = new HashMap<>();
    private final boolean clean;

    DeliveredMarks(Path directory) {
        this.file = directory.resolve(FILE_NAME);
        boolean wasClean = false;
        try {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                wasClean = !lines.isEmpty() && CLEAN.equals(lines.get(0));
                for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                    String[] fields = line.split("\t");
                    marks.put(fields[0] + "\t" + fields[1], Long.parseLong(fields[2]));
                }
            }
            this.clean = wasClean;
            write(RUNNING, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * @param group the consumer group
     * @param topic the store topic
     * @param queueId the queue
     * @param maxQueueOffsetAtStart the queue's max offset now, the bound after a crash
     * @return offsets below this may have been delivered before
     */
    long deliveredBefore(String group, String topic, int queueId, long maxQueueOffsetAtStart) {
        if (!clean) {
            return maxQueueOffsetAtStart;
        }
        return Math.min(maxQueueOffsetAtStart, marks.getOrDefault(key(group, topic, queueId), 0L));
    }

    /**
     * Writes the exact marks and the clean flag.
     *
     * @param queues every queue of every destination
     */
    void writeClean(List<QueueState> queues) {
        List<String> lines = new ArrayList<>();
        for (QueueState queue : queues) {
            lines.add(key(queue.group, queue.topic, queue.queueId) + "\t" + queue.deliveredMark);
        }
        try {
            write(CLEAN, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private void write(String state, List<String> lines) throws IOException {
        List<String> all = new ArrayList<>();
        all.add(state);
        all.addAll(lines);
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        Files.write(temporary, all, StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String key(String group, String topic, int queueId) {
        String topicHex = HexNames.encode(topic);
        String name = group.equals(topic) ? topicHex : HexNames.encode(group) + ":" + topicHex;
        return name + "\t" + queueId;
    }
}
