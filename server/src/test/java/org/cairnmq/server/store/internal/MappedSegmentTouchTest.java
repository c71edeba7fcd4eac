package org.cairnmq.server.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-touch protocol of {@link MappedSegment}: zeros written ahead never land on the writer's
 * bytes, however the two threads interleave.
 */
@Timeout(60)
class MappedSegmentTouchTest {

    private static final int SEGMENT_BYTES = 4 << 20;
    private static final int TOUCH_CHUNK_BYTES = 8 << 10;

    @TempDir
    Path directory;

    @Test
    void shouldNeverOverwriteTheWritersBytesWithZeros() throws Exception {
        MappedSegment segment = MappedSegment.open(directory, 0L, SEGMENT_BYTES);
        AtomicBoolean writerDone = new AtomicBoolean();
        CompletableFuture<Long> toucher = CompletableFuture.supplyAsync(() -> {
            ByteBuffer zeros = ByteBuffer.allocateDirect(TOUCH_CHUNK_BYTES);
            long touched = 0;
            while (!writerDone.get()) {
                int upTo = Math.min(SEGMENT_BYTES, segment.wrotePosition() + 64 * 1024);
                touched += segment.touchAhead(upTo, zeros, false);
            }
            return touched;
        });
        int position = 0;
        int length = 1;
        while (position + length <= SEGMENT_BYTES) {
            segment.write(filled(length, position), position);
            position += length;
            segment.wrotePosition(position);
            length = length % 3_000 + 1;
        }
        writerDone.set(true);
        assertThat(toucher.get(30, TimeUnit.SECONDS)).isPositive();
        ByteBuffer mapped = segment.buffer();
        for (int i = 0; i < position; i++) {
            assertThat(mapped.get(i)).as("byte %d", i).isEqualTo(expectedByte(i));
        }
        segment.delete();
    }

    @Test
    void shouldTouchAheadOnlyPastWhatWasWritten() {
        MappedSegment segment = MappedSegment.open(directory, 0L, SEGMENT_BYTES);
        segment.write(filled(5_000, 0), 0);
        segment.wrotePosition(5_000);
        ByteBuffer zeros = ByteBuffer.allocateDirect(TOUCH_CHUNK_BYTES);
        assertThat(segment.touchAhead(20_000, zeros, false)).isEqualTo(TOUCH_CHUNK_BYTES);
        assertThat(segment.touchedPosition()).isEqualTo(5_000 + TOUCH_CHUNK_BYTES);
        assertThat(segment.touchAhead(5_000 + TOUCH_CHUNK_BYTES, zeros, false)).isZero();
        for (int i = 0; i < 5_000; i++) {
            assertThat(segment.buffer().get(i)).isEqualTo(expectedByte(i));
        }
        segment.delete();
    }

    private static ByteBuffer filled(int length, int position) {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        for (int i = 0; i < length; i++) {
            buffer.put(i, expectedByte(position + i));
        }
        return buffer;
    }

    private static byte expectedByte(int position) {
        return (byte) (position % 251 + 1);
    }
}
