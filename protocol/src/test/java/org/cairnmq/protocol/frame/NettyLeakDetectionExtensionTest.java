package org.cairnmq.protocol.frame;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
@ExtendWith(NettyLeakDetectionExtension.class)
class NettyLeakDetectionExtensionTest {

    @Test
    void shouldRecordABufferThatWasNeverReleased() {
        NettyLeakDetectionExtension.drainLeaks();
        leakOneBuffer();

        final long deadlineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        final List<String> leaks = new ArrayList<>();
        while (leaks.isEmpty() && System.nanoTime() < deadlineNanos) {
            NettyLeakDetectionExtension.collectAndReport();
            leaks.addAll(NettyLeakDetectionExtension.drainLeaks());
        }

        assertThat(leaks).isNotEmpty();
        assertThat(leaks.get(0)).contains("ByteBuf");
    }

    private static void leakOneBuffer() {
        ByteBufAllocator.DEFAULT.buffer(64).writeLong(42L);
    }
}
