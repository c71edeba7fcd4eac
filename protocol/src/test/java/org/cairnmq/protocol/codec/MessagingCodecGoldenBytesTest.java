package org.cairnmq.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairnmq.protocol.codec.GoldenBytes.bytes;
import static org.cairnmq.protocol.codec.GoldenBytes.hex;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cairnmq.protocol.frame.NettyLeakDetectionExtension;
import org.cairnmq.protocol.record.DestinationKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pins the bodies of docs/PROTOCOL.md byte for byte, and decodes the same bytes back. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@ExtendWith(NettyLeakDetectionExtension.class)
class MessagingCodecGoldenBytesTest {

    private static final DestinationRef QUEUE_Q = new DestinationRef(DestinationKind.QUEUE, "q");
    private static final String DEST_QUEUE_Q = "01" + "00000001" + "71";
    private static final String RECORD = "cafebabe";

    @Test
    void shouldEncodeAndDecodeCreateDestination() {
        final String golden = DEST_QUEUE_Q + "00000004";
        assertThat(hex(DestinationCodec.create(QUEUE_Q, 4))).isEqualTo(golden);
        final ByteBuf in = bytes(golden);
        assertThat(DestinationCodec.decodeCreate(in)).isEqualTo(new DestinationCodec.CreateRequest(QUEUE_Q, 4));
        assertThat(in.isReadable()).isFalse();
    }

    @Test
    void shouldEncodeAndDecodeDeleteDestination() {
        final DestinationRef temp = new DestinationRef(DestinationKind.TEMP_QUEUE, "t");
        final String golden = "03" + "00000001" + "74";
        assertThat(hex(DestinationCodec.delete(temp))).isEqualTo(golden);
        assertThat(DestinationCodec.decodeDelete(bytes(golden))).isEqualTo(temp);
    }

    @Test
    void shouldEncodeSendAndSliceTheRecordWithoutCopying() {
        final String golden = "0000000000000007" + "ffffffff" + RECORD;
        final ByteBuf record = bytes(RECORD);
        assertThat(hex(SendCodec.request(7L, -1, record))).isEqualTo(golden);
        assertThat(record.readerIndex()).isZero();

        final ByteBuf in = bytes(golden);
        final SendFlyweight send = new SendFlyweight().wrap(in);
        assertThat(send.txId()).isEqualTo(7L);
        assertThat(send.queueId()).isEqualTo(MessagingBodyDescriptor.ANY_QUEUE);
        assertThat(send.recordLength()).isEqualTo(4);
        assertThat(ByteBufUtil.hexDump(send.record())).isEqualTo(RECORD);
        in.setByte(MessagingBodyDescriptor.SEND_RECORD_OFFSET, 0);
        assertThat(send.record().getByte(0)).as("a slice sees the body's bytes").isZero();
    }

    @Test
    void shouldEncodeAndDecodeSendBatch() {
        final String golden = "0000000000000000" + "00000002"
            + "00000001" + "00000004" + RECORD
            + "ffffffff" + "00000002" + "0102";
        final List<SendBatchCodec.Entry> entries = List.of(
            new SendBatchCodec.Entry(1, bytes(RECORD)), new SendBatchCodec.Entry(-1, bytes("0102")));
        assertThat(hex(SendBatchCodec.request(0L, entries))).isEqualTo(golden);

        final SendBatchCodec.Batch batch = SendBatchCodec.decode(bytes(golden));
        assertThat(batch.txId()).isZero();
        assertThat(batch.entries()).hasSize(2);
        assertThat(batch.entries().get(0).queueId()).isEqualTo(1);
        assertThat(ByteBufUtil.hexDump(batch.entries().get(0).record())).isEqualTo(RECORD);
        assertThat(batch.entries().get(1).queueId()).isEqualTo(-1);
        assertThat(ByteBufUtil.hexDump(batch.entries().get(1).record())).isEqualTo("0102");
    }

    @Test
    void shouldEncodeAndDecodeCreateConsumer() {
        final String golden = "0000000000000005" + "0000000000000002" + DEST_QUEUE_Q
            + "00000004" + "613e2031" // selector "a> 1"
            + "03" // noLocal | durable
            + "ffffffff" // no subscription name
            + "0000000a"; // initial credit 10
        final CreateConsumerCodec.Request request = new CreateConsumerCodec.Request(5L, 2L, QUEUE_Q, "a> 1",
            CreateConsumerCodec.NO_LOCAL_FLAG | CreateConsumerCodec.DURABLE_FLAG, null, 10);
        assertThat(hex(CreateConsumerCodec.request(request))).isEqualTo(golden);
        final CreateConsumerCodec.Request decoded = CreateConsumerCodec.decode(bytes(golden));
        assertThat(decoded).isEqualTo(request);
        assertThat(decoded.hasFlag(CreateConsumerCodec.SHARED_FLAG)).isFalse();
        assertThat(decoded.hasFlag(CreateConsumerCodec.DURABLE_FLAG)).isTrue();
    }

    @Test
    void shouldEncodeAndDecodeCloseConsumer() {
        final String golden = "0000000000000005" + "00000002" + "0000000000000009" + "000000000000000a"
            + "000000000000000b";
        assertThat(hex(CloseConsumerCodec.request(5L, new long[] {9L, 10L}, 11L))).isEqualTo(golden);
        final CloseConsumerCodec.Request decoded = CloseConsumerCodec.decode(bytes(golden));
        assertThat(decoded.consumerId()).isEqualTo(5L);
        assertThat(decoded.unconsumedDeliveryIds()).containsExactly(9L, 10L);
        assertThat(decoded.highestReceivedDeliveryId()).isEqualTo(11L);
    }

    @Test
    void shouldEncodeAndDecodeCredit() {
        final String golden = "0000000000000005" + "00000064";
        assertThat(hex(CreditCodec.request(5L, 100))).isEqualTo(golden);
        assertThat(CreditCodec.decode(bytes(golden))).isEqualTo(new CreditCodec.Credit(5L, 100));
    }

    @Test
    void shouldEncodeDeliverFromABufferOrAByteBufferAndReadItInPlace() {
        final String golden = "0000000000000005" + "0000000000000011" + "00000002" + RECORD;
        final ByteBuffer nio = ByteBuffer.wrap(ByteBufUtil.decodeHexDump(RECORD));
        assertThat(hex(DeliverCodec.deliver(5L, 17L, 2, nio))).isEqualTo(golden);
        assertThat(nio.position()).isZero();
        assertThat(hex(DeliverCodec.deliver(5L, 17L, 2, bytes(RECORD)))).isEqualTo(golden);

        final DeliverFlyweight deliver = new DeliverFlyweight().wrap(bytes(golden));
        assertThat(deliver.consumerId()).isEqualTo(5L);
        assertThat(deliver.deliveryId()).isEqualTo(17L);
        assertThat(deliver.deliveryCount()).isEqualTo(2);
        assertThat(ByteBufUtil.hexDump(deliver.record())).isEqualTo(RECORD);
    }

    @Test
    void shouldEncodeAndDecodePull() {
        final String golden = "0000000000000005" + "00000000000003e8";
        assertThat(hex(PullCodec.request(5L, 1000L))).isEqualTo(golden);
        assertThat(PullCodec.decode(bytes(golden))).isEqualTo(new PullCodec.Request(5L, 1000L));
        assertThat(hex(PullCodec.response(true))).isEqualTo("01");
        assertThat(PullCodec.decodeResponse(bytes("00"))).isFalse();
    }

    @Test
    void shouldEncodeAckAndReadItInPlace() {
        final String golden = "0000000000000002" + "0000000000000000" + "01" + "00000001" + "0000000000000011";
        assertThat(hex(AckCodec.request(2L, 0L, AckMode.UP_TO, new long[] {17L}))).isEqualTo(golden);
        final AckFlyweight ack = new AckFlyweight().wrap(bytes(golden));
        assertThat(ack.sessionId()).isEqualTo(2L);
        assertThat(ack.txId()).isZero();
        assertThat(ack.mode()).isEqualTo(AckMode.UP_TO);
        assertThat(ack.count()).isEqualTo(1);
        assertThat(ack.deliveryIds()).containsExactly(17L);
    }

    @Test
    void shouldEncodeAndDecodeSessionBodies() {
        assertThat(hex(SessionCodec.request(2L))).isEqualTo("0000000000000002");
        assertThat(SessionCodec.decode(bytes("0000000000000002"))).isEqualTo(2L);
    }

    @Test
    void shouldEncodeAndDecodeRecoverAndRollbackBodies() {
        final String golden = "0000000000000002" + "0000000000000003" + "00000002" + "0000000000000011"
            + "0000000000000012";
        assertThat(hex(RecoverCodec.request(2L, 3L, new long[] {17L, 18L}))).isEqualTo(golden);
        final RecoverCodec.Request decoded = RecoverCodec.decode(bytes(golden));
        assertThat(decoded.sessionId()).isEqualTo(2L);
        assertThat(decoded.txId()).isEqualTo(3L);
        assertThat(decoded.consumedDeliveryIds()).containsExactly(17L, 18L);

        assertThat(hex(RecoverCodec.response(18L))).isEqualTo("0000000000000012");
        assertThat(RecoverCodec.decodeResponse(bytes("0000000000000012"))).isEqualTo(18L);
    }

    @Test
    void shouldEncodeAndDecodeTransactionBodies() {
        final String golden = "0000000000000002" + "0000000000000003";
        assertThat(hex(TxCodec.request(2L, 3L))).isEqualTo(golden);
        assertThat(TxCodec.decode(bytes(golden))).isEqualTo(new TxCodec.Request(2L, 3L));
    }

    @Test
    void shouldEncodeAndDecodeBrowseRequestAndPage() {
        final String request = DEST_QUEUE_Q + "ffffffff" + "0000000000000000" + "00000010";
        final BrowseCodec.Request decoded = new BrowseCodec.Request(QUEUE_Q, null, BrowseCodec.FIRST_PAGE, 16);
        assertThat(hex(BrowseCodec.request(decoded))).isEqualTo(request);
        assertThat(BrowseCodec.decode(bytes(request))).isEqualTo(decoded);

        final String page = "0000000000000009" + "01" + "00000001" + "00000004" + RECORD;
        final ByteBuffer record = ByteBuffer.wrap(ByteBufUtil.decodeHexDump(RECORD));
        assertThat(hex(BrowseCodec.response(9L, true, List.of(record)))).isEqualTo(page);
        final BrowseCodec.Page decodedPage = BrowseCodec.decodeResponse(bytes(page));
        assertThat(decodedPage.nextCursor()).isEqualTo(9L);
        assertThat(decodedPage.done()).isTrue();
        assertThat(decodedPage.records()).singleElement()
            .satisfies(r -> assertThat(ByteBufUtil.hexDump(r)).isEqualTo(RECORD));
    }
}
