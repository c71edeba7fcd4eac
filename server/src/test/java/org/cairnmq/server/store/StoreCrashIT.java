package org.cairnmq.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairnmq.server.store.StoreTestSupport.bytes;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM that appends in SYNC mode at a random moment, then checks that every append the
 * child saw complete is stored intact at its offset and that nothing past a torn record is served.
 */
@Timeout(240)
class StoreCrashIT {

    private static final int THREADS = 3;
    private static final int ROUNDS = 3;

    @TempDir
    Path directory;

    @Test
    void shouldKeepEveryCompletedAppendAcrossKilledProcesses() throws Exception {
        Random random = new Random();
        for (int round = 0; round < ROUNDS; round++) {
            List<long[]> acknowledged = runChildUntilKilled(200 + random.nextInt(600));
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(200);
            try (MessageStore store = new MessageStore(StoreCrashChild.config(directory))) {
                store.start();
                assertThat(store.recoveredFromCrash()).isTrue();
                for (long[] ack : acknowledged) {
                    GetResult result = store.read(StoreCrashChild.TOPIC, (int) ack[0], ack[1], 1);
                    assertThat(result.status()).as("ack %d/%d", ack[0], ack[1]).isEqualTo(GetStatus.FOUND);
                    StoredRecord record = result.records().get(0);
                    assertThat(record.commitLogOffset()).isEqualTo(ack[2]);
                    assertThat(StoreCrashChild.crc(bytes(record.payload()))).isEqualTo(ack[3]);
                    assertThat(store.lookupByKey(StoreCrashChild.key((int) ack[0], ack[1]), Long.MIN_VALUE, 4))
                            .as("key of ack %d/%d", ack[0], ack[1])
                            .extracting(StoredRecord::commitLogOffset).containsExactly(ack[2]);
                }
                assertNoIndexEntryPastTheEnd(store);
                assertEveryServedRecordIsIntact(store);
            }
        }
    }

    private static void assertNoIndexEntryPastTheEnd(MessageStore store) {
        for (int queueId = 0; queueId < THREADS; queueId++) {
            long max = store.maxQueueOffset(StoreCrashChild.TOPIC, queueId);
            for (long offset = max; offset < max + 64; offset++) {
                long[] candidates = store.keyIndex().lookup(StoreCrashChild.key(queueId, offset), Long.MIN_VALUE, 16);
                for (long candidate : candidates) {
                    assertThat(candidate).isLessThan(store.maxCommitLogOffset());
                }
            }
        }
    }

    private static void assertEveryServedRecordIsIntact(MessageStore store) {
        for (int queueId = 0; queueId < THREADS; queueId++) {
            long max = store.maxQueueOffset(StoreCrashChild.TOPIC, queueId);
            long offset = 0;
            while (offset < max) {
                GetResult result = store.read(StoreCrashChild.TOPIC, queueId, offset, 64);
                assertThat(result.status()).isEqualTo(GetStatus.FOUND);
                for (StoredRecord record : result.records()) {
                    assertThat(record.queueOffset()).isEqualTo(offset);
                    assertThat(bytes(record.payload())).isEqualTo(StoreCrashChild.payload(queueId, offset));
                    offset++;
                }
            }
        }
    }

    private List<long[]> runChildUntilKilled(int killAfter) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                StoreCrashChild.class.getName(), directory.toString(), Integer.toString(THREADS))
                .redirectErrorStream(true).start();
        List<long[]> acknowledged = new ArrayList<>();
        long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.startsWith("ACK")) {
                    System.out.println("child: " + line);
                }
                assertThat(line).doesNotStartWith("BAD");
                long[] ack = parse(line);
                if (ack != null) {
                    acknowledged.add(ack);
                }
                if (acknowledged.size() == killAfter || System.nanoTime() > deadlineNs) {
                    child.toHandle().destroyForcibly();
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        return acknowledged;
    }

    private static long[] parse(String line) {
        String[] fields = line.split(" ");
        if (fields.length != 6 || !"ACK".equals(fields[0]) || !"END".equals(fields[5])) {
            return null;
        }
        return new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[2]), Long.parseLong(fields[3]),
            Long.parseLong(fields[4])};
    }
}
