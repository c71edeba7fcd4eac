package org.cairnmq.server.store;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.zip.CRC32;

/**
 * The child JVM of {@link StoreCrashIT}: opens the store in SYNC mode and appends from several
 * threads until it is killed, printing one line per completed append:
 * {@code ACK <queueId> <queueOffset> <commitLogOffset> <crc32> END}.
 */
public final class StoreCrashChild {

    static final String TOPIC = "crash";
    static final int SEGMENT_BYTES = 16 * 1024;
    private static final int IN_FLIGHT_PER_THREAD = 16;

    private StoreCrashChild() {
    }

    static StoreConfig config(Path directory) {
        return StoreConfig.defaults(directory).withCommitLogSegmentBytes(SEGMENT_BYTES)
                .withConsumeQueueSegmentEntries(64).withCheckpointIntervalMs(50).withDiskFullReserveBytes(0)
                .withFlushMode(FlushMode.SYNC).withKeyIndex(256, 1024);
    }

    static byte[] payload(int queueId, long queueOffset) {
        int length = 20 + (int) ((queueOffset * 31 + queueId * 7) % 280);
        byte[] payload = new byte[length];
        byte[] header = (queueId + ":" + queueOffset + ":").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(header, 0, payload, 0, header.length);
        for (int i = header.length; i < length; i++) {
            payload[i] = (byte) (queueOffset + i);
        }
        return payload;
    }

    static byte[] key(int queueId, long queueOffset) {
        return ("k-" + queueId + "-" + queueOffset).getBytes(StandardCharsets.UTF_8);
    }

    static long crc(byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(payload);
        return crc.getValue();
    }

    /**
     * @param args the data directory and the number of appending threads
     * @throws InterruptedException never in practice: the process is killed
     */
    public static void main(String[] args) throws InterruptedException {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        MessageStore store = new MessageStore(config(Path.of(args[0])));
        store.start();
        int threads = Integer.parseInt(args[1]);
        Thread[] appenders = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int queueId = t;
            appenders[t] = new Thread(() -> appendForever(store, queueId, out), "child-appender-" + t);
            appenders[t].start();
        }
        for (Thread appender : appenders) {
            appender.join();
        }
    }

    private static void appendForever(MessageStore store, int queueId, PrintStream out) {
        Semaphore inFlight = new Semaphore(IN_FLIGHT_PER_THREAD);
        long queueOffset = store.maxQueueOffset(TOPIC, queueId);
        while (!Thread.currentThread().isInterrupted()) {
            inFlight.acquireUninterruptibly();
            byte[] payload = payload(queueId, queueOffset);
            long expectedOffset = queueOffset++;
            store.append(new AppendRequest(TOPIC, queueId, 0L, 0, System.currentTimeMillis(),
                    key(queueId, expectedOffset),
                    ByteBuffer.wrap(payload))).thenAccept(result -> {
                        inFlight.release();
                        if (result.isOk() && result.queueOffset() == expectedOffset) {
                            out.println("ACK " + queueId + " " + result.queueOffset() + " " + result.commitLogOffset()
                                    + " " + crc(payload) + " END");
                        } else {
                            out.println("BAD " + queueId + " " + expectedOffset + " " + result);
                        }
                    });
        }
    }
}
