package org.cairnmq.benchmarks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.concurrent.TimeUnit;
import org.cairnmq.protocol.record.DestinationKind;
import org.cairnmq.protocol.record.MessageRecordFlyweight;
import org.cairnmq.protocol.record.MessageRecordPropertySource;
import org.cairnmq.protocol.record.MessageRecordWriter;
import org.cairnmq.protocol.selector.Selector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A typical selector evaluated over an encoded message record, as the broker filters: no message
 * object is built, properties are read from the record's bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SelectorBenchmark {

    static final String TYPICAL_SELECTOR =
            "region = 'EMEA' AND amount > 100.5 AND JMSPriority >= 4 AND category IN ('books', 'music')";

    private Selector selector;
    private ByteBuf record;
    private MessageRecordFlyweight flyweight;
    private MessageRecordPropertySource source;

    @Setup(Level.Trial)
    public void encode() {
        selector = Selector.compile(TYPICAL_SELECTOR);
        record = Unpooled.directBuffer();
        new MessageRecordWriter()
                .messageId("ID:bench-1")
                .destination(DestinationKind.QUEUE, "orders")
                .persistent(true)
                .priority(5)
                .timestamp(System.currentTimeMillis())
                .putStringProperty("customer", "c-42")
                .putStringProperty("region", "EMEA")
                .putIntProperty("quantity", 3)
                .putDoubleProperty("amount", 250.75)
                .putStringProperty("category", "music")
                .putBooleanProperty("gift", false)
                .bytesBody(new byte[512])
                .writeTo(record);
        flyweight = new MessageRecordFlyweight();
        source = new MessageRecordPropertySource(flyweight);
    }

    @TearDown(Level.Trial)
    public void release() {
        record.release();
    }

    @Benchmark
    public boolean matchTypicalSelector() {
        flyweight.wrap(record);
        return selector.matches(source);
    }
}
