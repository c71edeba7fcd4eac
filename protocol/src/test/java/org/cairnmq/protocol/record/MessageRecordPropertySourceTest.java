package org.cairnmq.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.concurrent.TimeUnit;
import org.cairnmq.protocol.frame.NettyLeakDetectionExtension;
import org.cairnmq.protocol.selector.PropertySource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
@ExtendWith(NettyLeakDetectionExtension.class)
class MessageRecordPropertySourceTest {

    private final ByteBuf buffer = Unpooled.buffer();
    private final MessageRecordFlyweight record = new MessageRecordFlyweight();
    private final PropertySource source = new MessageRecordPropertySource(record);

    @AfterEach
    void releaseBuffer() {
        buffer.release();
    }

    @Test
    void shouldAnswerTheHeaderIdentifiersASelectorMayName() {
        write(new MessageRecordWriter().destination(DestinationKind.QUEUE, "q").persistent(true).priority(2)
            .messageId("ID:abc").timestamp(1234L).correlationId("corr").type("order"));

        assertThat(source.get("JMSDeliveryMode")).isEqualTo("PERSISTENT");
        assertThat(source.get("JMSPriority")).isEqualTo(2);
        assertThat(source.get("JMSMessageID")).isEqualTo("ID:abc");
        assertThat(source.get("JMSTimestamp")).isEqualTo(1234L);
        assertThat(source.get("JMSCorrelationID")).isEqualTo("corr");
        assertThat(source.get("JMSType")).isEqualTo("order");
    }

    @Test
    void shouldAnswerNonPersistentAndAbsentHeadersAsNull() {
        write(new MessageRecordWriter().destination(DestinationKind.QUEUE, "q").correlationIdBytes(new byte[] {1}));

        assertThat(source.get("JMSDeliveryMode")).isEqualTo("NON_PERSISTENT");
        assertThat(source.get("JMSMessageID")).isNull();
        assertThat(source.get("JMSCorrelationID")).isNull();
        assertThat(source.get("JMSType")).isNull();
        assertThat(source.get("JMSTimestamp")).isEqualTo(0L);
    }

    @Test
    void shouldAnswerPropertiesByNameAndUnknownAsNull() {
        write(new MessageRecordWriter().destination(DestinationKind.TOPIC, "t")
            .putStringProperty("color", "red").putDoubleProperty("weight", 2.5).putBooleanProperty("urgent", true)
            .putStringProperty("JMSXGroupID", "g1").putStringProperty("nothing", null));

        assertThat(source.get("color")).isEqualTo("red");
        assertThat(source.get("weight")).isEqualTo(2.5);
        assertThat(source.get("urgent")).isEqualTo(true);
        assertThat(source.get("JMSXGroupID")).isEqualTo("g1");
        assertThat(source.get("nothing")).isNull();
        assertThat(source.get("colour")).isNull();
        assertThat(source.get("JMSExpiration")).isNull();
    }

    @Test
    void shouldFollowTheFlyweightWhenItIsReWrapped() {
        write(new MessageRecordWriter().destination(DestinationKind.QUEUE, "q").putIntProperty("n", 1));
        assertThat(source.get("n")).isEqualTo(1);

        buffer.clear();
        write(new MessageRecordWriter().destination(DestinationKind.QUEUE, "q").putIntProperty("n", 2));
        assertThat(source.get("n")).isEqualTo(2);
    }

    private void write(final MessageRecordWriter writer) {
        writer.writeTo(buffer);
        record.wrap(buffer);
    }
}
