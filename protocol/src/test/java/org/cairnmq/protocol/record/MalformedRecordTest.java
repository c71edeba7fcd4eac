package org.cairnmq.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.command.ProtocolException;
import org.cairnmq.protocol.frame.NettyLeakDetectionExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
@ExtendWith(NettyLeakDetectionExtension.class)
class MalformedRecordTest {

    private final ByteBuf valid = Unpooled.buffer();
    private final MessageRecordFlyweight record = new MessageRecordFlyweight();

    @AfterEach
    void releaseBuffer() {
        valid.release();
    }

    @Test
    void shouldRejectEveryTruncatedRecordAsMalformed() {
        final int length = writeFullRecord();
        for (int truncated = 0; truncated < length; truncated++) {
            final ByteBuf copy = valid.copy(0, truncated);
            try {
                if (truncated >= Integer.BYTES) {
                    copy.setInt(0, truncated);
                }
                assertMalformed(copy);
            } finally {
                copy.release();
            }
        }
    }

    @Test
    void shouldRejectALengthFieldThatDisagreesWithTheBuffer() {
        final int length = writeFullRecord();
        valid.setInt(MessageRecordDescriptor.RECORD_LENGTH_OFFSET, length + 1);

        assertMalformed(valid);
    }

    @Test
    void shouldRejectAnUnknownVersionBodyTypeOrPriority() {
        writeFullRecord();
        valid.setByte(MessageRecordDescriptor.VERSION_OFFSET, 2);
        assertMalformed(valid);

        valid.setByte(MessageRecordDescriptor.VERSION_OFFSET, MessageRecordDescriptor.CURRENT_VERSION);
        valid.setByte(MessageRecordDescriptor.BODY_TYPE_OFFSET, 42);
        assertMalformed(valid);

        valid.setByte(MessageRecordDescriptor.BODY_TYPE_OFFSET, BodyType.TEXT.code());
        valid.setByte(MessageRecordDescriptor.PRIORITY_OFFSET, 10);
        assertMalformed(valid);
    }

    @Test
    void shouldNeverThrowAnythingButProtocolExceptionForCorruptedBytes() {
        final int length = writeFullRecord();
        final Random random = new Random(7L);
        for (int round = 0; round < 2_000; round++) {
            final ByteBuf copy = valid.copy();
            try {
                final int position = MessageRecordDescriptor.FLAGS_OFFSET + random.nextInt(length - MessageRecordDescriptor.FLAGS_OFFSET);
                copy.setByte(position, random.nextInt(256));
                readEverything(copy);
            } catch (final ProtocolException expected) {
                assertThat(expected.errorCode()).isEqualTo(ErrorCode.MALFORMED_FRAME);
            } finally {
                copy.release();
            }
        }
    }

    private static void readEverything(final ByteBuf copy) {
        final MessageRecordFlyweight flyweight = new MessageRecordFlyweight().wrap(copy);
        flyweight.messageId();
        flyweight.destinationName();
        flyweight.correlationIdAsBytes();
        flyweight.replyToName();
        flyweight.type();
        flyweight.forEachProperty((name, value) -> { });
        flyweight.property("zz");
        flyweight.body();
    }

    private int writeFullRecord() {
        return new MessageRecordWriter()
            .messageId("ID:1").destination(DestinationKind.QUEUE, "queue").correlationId("corr")
            .replyTo(DestinationKind.TOPIC, "reply").type("type")
            .putStringProperty("s", "value").putLongProperty("l", 1L).putStringProperty("n", null)
            .textBody("body")
            .writeTo(valid);
    }

    private void assertMalformed(final ByteBuf buffer) {
        assertThatThrownBy(() -> record.wrap(buffer))
            .isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_FRAME));
    }
}
