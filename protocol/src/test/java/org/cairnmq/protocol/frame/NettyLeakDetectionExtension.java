package org.cairnmq.protocol.frame;

import io.netty.buffer.AbstractByteBuf;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test when Netty's leak detector reports a buffer that was garbage collected without
 * being released.
 *
 * <p>On first use it sets the detector to paranoid (every buffer tracked), installs a
 * {@link ResourceLeakDetectorFactory} whose detectors record every report, and, when
 * {@link AbstractByteBuf}'s detector was already created by an earlier test in the same JVM,
 * attaches a recording listener to that one instead. After each test it runs the collector and
 * allocates a few buffers (the detector reports leaks when it tracks a new buffer), then fails the
 * test if anything was recorded. The recording detectors do not log: the failure message carries
 * the report.
 */
public final class NettyLeakDetectionExtension implements AfterEachCallback {

    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();
    private static final int COLLECTION_ROUNDS = 3;

    static {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
        attachToByteBufDetector();
    }

    @Override
    public void afterEach(final ExtensionContext context) {
        collectAndReport();
        final List<String> leaks = drainLeaks();
        if (!leaks.isEmpty()) {
            throw new AssertionError("Netty reported " + leaks.size() + " leaked buffer(s):\n" + String.join("\n", leaks));
        }
    }

    /** Runs the collector and lets the detector poll its reference queue. */
    public static void collectAndReport() {
        for (int i = 0; i < COLLECTION_ROUNDS; i++) {
            System.gc();
            final ByteBuf probe = ByteBufAllocator.DEFAULT.buffer(1);
            probe.release();
        }
    }

    /**
     * Returns and forgets the leaks reported so far.
     *
     * @return the reports, oldest first
     */
    public static List<String> drainLeaks() {
        final List<String> leaks = new ArrayList<>(LEAKS);
        LEAKS.removeAll(leaks);
        return leaks;
    }

    private static void attachToByteBufDetector() {
        try {
            final Field field = AbstractByteBuf.class.getDeclaredField("leakDetector");
            field.setAccessible(true);
            final Object detector = field.get(null);
            if (!(detector instanceof RecordingDetector)) {
                ((ResourceLeakDetector<?>) detector).setLeakListener(
                    (resourceType, records) -> LEAKS.add(resourceType + " " + records));
            }
        } catch (final ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach Netty's ByteBuf leak detector", e);
        }
    }

    private static final class RecordingFactory extends ResourceLeakDetectorFactory {
        @Override
        @Deprecated
        @SuppressWarnings("deprecation")
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(
            final Class<T> resource, final int samplingInterval, final long maxActive) {
            return new RecordingDetector<>(resource, samplingInterval);
        }

        @Override
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(final Class<T> resource, final int samplingInterval) {
            return new RecordingDetector<>(resource, samplingInterval);
        }
    }

    private static final class RecordingDetector<T> extends ResourceLeakDetector<T> {
        RecordingDetector(final Class<?> resourceType, final int samplingInterval) {
            super(resourceType, samplingInterval);
        }

        @Override
        protected boolean needReport() {
            return true;
        }

        @Override
        protected void reportTracedLeak(final String resourceType, final String records) {
            LEAKS.add(resourceType + " " + records);
        }

        @Override
        protected void reportUntracedLeak(final String resourceType) {
            LEAKS.add(resourceType + " (untraced)");
        }
    }
}
