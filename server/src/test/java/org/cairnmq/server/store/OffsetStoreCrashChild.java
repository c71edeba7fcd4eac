package org.cairnmq.server.store;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child JVM of {@link ConsumerOffsetStoreCrashIT}: acks offsets out of order on a few queues,
 * flushes every few acks, and after each flush prints the acks it covers, one
 * {@code group topic queueId queueOffset} line each. It stops by itself after {@code maxAcks} acks
 * or {@code maxRunMs}, whichever comes first, if nobody kills it before.
 */
public final class OffsetStoreCrashChild {

    static final int ACKS_PER_FLUSH = 5;
    static final int COMPACT_EVERY_JOURNAL_BYTES = 4 * 1_024;
    private static final String[] GROUPS = {"g1", "g2", "g3"};
    private static final int QUEUES = 2;
    private static final int BLOCK = 8;
    private static final int[] ORDER_IN_BLOCK = {3, 0, 1, 7, 2, 5, 4, 6};

    private OffsetStoreCrashChild() {
    }

    /**
     * @param args the store directory, the most acks to make, the longest run in milliseconds
     */
    public static void main(String[] args) {
        Path directory = Path.of(args[0]);
        long maxAcks = Long.parseLong(args[1]);
        long deadlineMs = System.currentTimeMillis() + Long.parseLong(args[2]);
        PrintStream out = System.out;
        List<String> pending = new ArrayList<>();
        try (ConsumerOffsetStore store = ConsumerOffsetStore.open(
                new OffsetStoreConfig(directory, COMPACT_EVERY_JOURNAL_BYTES))) {
            for (long ack = 0; ack < maxAcks && System.currentTimeMillis() < deadlineMs; ack++) {
                String group = GROUPS[(int) (ack % GROUPS.length)];
                int queueId = (int) ((ack / GROUPS.length) % QUEUES);
                long perQueue = ack / (GROUPS.length * QUEUES);
                long offset = perQueue - perQueue % BLOCK + ORDER_IN_BLOCK[(int) (perQueue % BLOCK)];
                store.ack(group, "crash-topic", queueId, offset);
                pending.add(group + " crash-topic " + queueId + " " + offset);
                if (pending.size() == ACKS_PER_FLUSH) {
                    store.flush();
                    pending.forEach(out::println);
                    out.flush();
                    pending.clear();
                }
            }
        }
    }
}
