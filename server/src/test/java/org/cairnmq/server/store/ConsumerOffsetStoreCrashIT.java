package org.cairnmq.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM that acks and flushes, then checks that every ack it reported as flushed survived.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConsumerOffsetStoreCrashIT {

    private static final int LINES_BEFORE_KILL = 3_000;
    private static final long CHILD_MAX_ACKS = 2_000_000;
    private static final long CHILD_MAX_RUN_MS = 60_000;

    @TempDir
    Path directory;

    @Test
    void shouldKeepEveryFlushedAckWhenTheProcessIsKilled() throws IOException, InterruptedException {
        Path storeDirectory = directory.resolve("offsets");
        Path childErrors = directory.resolve("child.err");
        Process child = startChild(storeDirectory, childErrors);
        List<String> flushedAcks = new ArrayList<>();
        boolean aliveWhenKilled;
        try {
            readLines(child, flushedAcks);
        } finally {
            aliveWhenKilled = child.isAlive();
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        String childStderr = Files.readString(childErrors);
        assertThat(flushedAcks).as("acks printed by the child; its stderr: %s", childStderr)
                .hasSize(LINES_BEFORE_KILL);
        assertThat(aliveWhenKilled).as("the child was killed mid-run; its stderr: %s", childStderr).isTrue();
        assertThat(storeDirectory.resolve(ConsumerOffsetStore.SNAPSHOT_FILE_NAME))
                .as("the child compacted at least once").exists();

        try (ConsumerOffsetStore store = ConsumerOffsetStore.open(
                new OffsetStoreConfig(storeDirectory, OffsetStoreCrashChild.COMPACT_EVERY_JOURNAL_BYTES))) {
            for (String line : flushedAcks) {
                String[] fields = line.split(" ");
                QueueProgress progress = store.progress(fields[0], fields[1], Integer.parseInt(fields[2]))
                        .orElseThrow(() -> new AssertionError("no progress for " + line));
                assertThat(progress.isAcked(Long.parseLong(fields[3]))).as(line).isTrue();
            }
        }
    }

    private static Process startChild(Path storeDirectory, Path childErrors) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx128m",
                "-cp", System.getProperty("java.class.path"),
                OffsetStoreCrashChild.class.getName(),
                storeDirectory.toString(), Long.toString(CHILD_MAX_ACKS), Long.toString(CHILD_MAX_RUN_MS));
        builder.redirectError(childErrors.toFile());
        return builder.start();
    }

    private static void readLines(Process child, List<String> flushedAcks) throws IOException {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (flushedAcks.size() < LINES_BEFORE_KILL && (line = reader.readLine()) != null) {
                flushedAcks.add(line);
            }
        }
    }
}
