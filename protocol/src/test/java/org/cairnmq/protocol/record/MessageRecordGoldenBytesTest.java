package org.cairnmq.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.concurrent.TimeUnit;
import org.cairnmq.protocol.frame.NettyLeakDetectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
@ExtendWith(NettyLeakDetectionExtension.class)
class MessageRecordGoldenBytesTest {

    private static final String GOLDEN_TEXT_RECORD =
        "0000005e" // record length 94
            + "01" // record version 1
            + "02" // body type TEXT
            + "07" // priority 7
            + "00" // reserved
            + "00000037" // flags PERSISTENT | HAS_MESSAGE_ID | HAS_CORRELATION_ID | HAS_REPLY_TO | HAS_TYPE
            + "00000000" // delivery count 0
            + "00000000000003e8" // timestamp 1000
            + "00000000000007d0" // expiration 2000
            + "0000000000000000" // delivery time 0
            + "00000004" + "49443a31" // message id "ID:1"
            + "01" + "00000001" + "71" // destination QUEUE "q"
            + "00000001" + "63" // correlation id "c"
            + "02" + "00000001" + "72" // reply-to TOPIC "r"
            + "00000001" + "74" // JMSType "t"
            + "0000000e" // properties section length 14
            + "00000001" // property count 1
            + "00000001" + "61" + "05" + "00000005" // "a" INT 5
            + "00000002" + "6869"; // body "hi"

    @Test
    void shouldWriteARecordExactlyAsTheDescriptorDraws() {
        final ByteBuf out = Unpooled.buffer();
        try {
            final int length = new MessageRecordWriter()
                .persistent(true).priority(7).timestamp(1000L).expiration(2000L)
                .messageId("ID:1").destination(DestinationKind.QUEUE, "q").correlationId("c")
                .replyTo(DestinationKind.TOPIC, "r").type("t")
                .putIntProperty("a", 5)
                .textBody("hi")
                .writeTo(out);

            assertThat(length).isEqualTo(94);
            assertThat(ByteBufUtil.hexDump(out)).isEqualTo(GOLDEN_TEXT_RECORD);
        } finally {
            out.release();
        }
    }

    @Test
    void shouldReadEveryFieldOfTheGoldenRecord() {
        final ByteBuf in = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(GOLDEN_TEXT_RECORD));
        try {
            final MessageRecordFlyweight record = new MessageRecordFlyweight().wrap(in);

            assertThat(record.recordLength()).isEqualTo(94);
            assertThat(record.bodyType()).isEqualTo(BodyType.TEXT);
            assertThat(record.priority()).isEqualTo(7);
            assertThat(record.isPersistent()).isTrue();
            assertThat(record.deliveryCount()).isZero();
            assertThat(record.timestamp()).isEqualTo(1000L);
            assertThat(record.expiration()).isEqualTo(2000L);
            assertThat(record.deliveryTime()).isZero();
            assertThat(record.messageId()).isEqualTo("ID:1");
            assertThat(record.destinationKind()).isEqualTo(DestinationKind.QUEUE);
            assertThat(record.destinationName()).isEqualTo("q");
            assertThat(record.correlationId()).isEqualTo("c");
            assertThat(record.replyToKind()).isEqualTo(DestinationKind.TOPIC);
            assertThat(record.replyToName()).isEqualTo("r");
            assertThat(record.type()).isEqualTo("t");
            assertThat(record.propertyCount()).isEqualTo(1);
            assertThat(record.property("a")).isEqualTo(5);
            assertThat(record.bodyOffset()).isEqualTo(92);
            assertThat(record.text()).isEqualTo("hi");
        } finally {
            in.release();
        }
    }

    @Test
    void shouldWriteTheSmallestRecordWithDefaults() {
        final ByteBuf out = Unpooled.buffer();
        try {
            new MessageRecordWriter().destination(DestinationKind.TOPIC, "").writeTo(out);

            assertThat(ByteBufUtil.hexDump(out)).isEqualTo(
                "00000039" + "01" + "00" + "04" + "00" + "00000000" + "00000000"
                    + "0000000000000000" + "0000000000000000" + "0000000000000000"
                    + "02" + "00000000" // destination TOPIC ""
                    + "00000004" + "00000000" // no properties
                    + "00000000"); // no body
            assertThat(out.readableBytes()).isEqualTo(MessageRecordDescriptor.MIN_RECORD_LENGTH);
        } finally {
            out.release();
        }
    }
}
