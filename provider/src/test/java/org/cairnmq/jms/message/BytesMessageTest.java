package org.cairnmq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BytesMessageTest {

    @Test
    void shouldReadBackEveryTypeInTheOrderWritten() throws JMSException {
        CairnBytesMessage message = new CairnBytesMessage();
        message.writeBoolean(true);
        message.writeByte((byte) -2);
        message.writeShort((short) -300);
        message.writeChar('\u00e9');
        message.writeInt(-70_000);
        message.writeLong(Long.MIN_VALUE);
        message.writeFloat(1.5f);
        message.writeDouble(-2.25d);
        message.writeUTF("h\u00e9llo");
        message.writeBytes(new byte[] {9, 8});
        message.reset();

        assertThat(message.readBoolean()).isTrue();
        assertThat(message.readByte()).isEqualTo((byte) -2);
        assertThat(message.readShort()).isEqualTo((short) -300);
        assertThat(message.readChar()).isEqualTo('\u00e9');
        assertThat(message.readInt()).isEqualTo(-70_000);
        assertThat(message.readLong()).isEqualTo(Long.MIN_VALUE);
        assertThat(message.readFloat()).isEqualTo(1.5f);
        assertThat(message.readDouble()).isEqualTo(-2.25d);
        assertThat(message.readUTF()).isEqualTo("h\u00e9llo");
        assertThat(message.readUnsignedByte()).isEqualTo(9);
        assertThat(message.readByte()).isEqualTo((byte) 8);
        assertThatThrownBy(message::readByte).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void shouldWriteTheSameBytesAsDataOutputIncludingModifiedUtf8() throws Exception {
        String text = "nul\u0000 and \uD83D\uDE00 and \u00e9";
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(expected)) {
            out.writeUTF(text);
            out.writeShort(-1);
            out.writeChar('x');
            out.writeDouble(3.0);
        }
        CairnBytesMessage message = new CairnBytesMessage();
        message.writeUTF(text);
        message.writeShort((short) -1);
        message.writeChar('x');
        message.writeDouble(3.0);
        message.reset();

        assertThat(message.getBody(byte[].class)).isEqualTo(expected.toByteArray());
        assertThat(message.readUTF()).isEqualTo(text);
        assertThat(message.readUnsignedShort()).isEqualTo(0xFFFF);
    }

    @Test
    void shouldNotMoveThePositionWhenAReadRunsPastTheEnd() throws JMSException {
        CairnBytesMessage message = new CairnBytesMessage();
        message.writeShort((short) 12);
        message.reset();

        assertThatThrownBy(message::readInt).isInstanceOf(MessageEOFException.class);
        assertThatThrownBy(message::readUTF).isInstanceOf(MessageEOFException.class);
        assertThat(message.readShort()).isEqualTo((short) 12);
    }

    @Test
    void shouldRejectMalformedUtf8WithoutMovingThePosition() throws JMSException {
        CairnBytesMessage message = new CairnBytesMessage();
        message.writeBytes(new byte[] {0, 2, (byte) 0xC3, (byte) 0x28});
        message.reset();

        assertThatThrownBy(message::readUTF).isInstanceOf(MessageFormatException.class);
        assertThat(message.readShort()).isEqualTo((short) 2);
    }

    @Test
    void shouldRejectAStringLongerThanModifiedUtf8CanCarry() {
        CairnBytesMessage message = new CairnBytesMessage();

        assertThatThrownBy(() -> message.writeUTF("x".repeat(65_536)))
            .isInstanceOf(MessageFormatException.class);
        assertThat(message.bodyBytes()).isEmpty();
    }

    @Test
    void shouldFillTheBufferThenReturnTheRestThenMinusOne() throws JMSException {
        CairnBytesMessage message = new CairnBytesMessage();
        message.writeBytes(new byte[] {1, 2, 3, 4, 5});
        message.reset();
        byte[] buffer = new byte[3];

        assertThat(message.readBytes(buffer)).isEqualTo(3);
        assertThat(buffer).containsExactly(1, 2, 3);
        assertThat(message.readBytes(buffer)).isEqualTo(2);
        assertThat(buffer[0]).isEqualTo((byte) 4);
        assertThat(buffer[1]).isEqualTo((byte) 5);
        assertThat(message.readBytes(buffer)).isEqualTo(-1);
    }

    @Test
    void shouldReturnMinusOneAfterAnExactFillAndHonourTheLengthArgument() throws JMSException {
        CairnBytesMessage message = new CairnBytesMessage();
        message.writeBytes(new byte[] {1, 2, 3, 4}, 1, 2);
        message.reset();
        byte[] buffer = new byte[4];

        assertThat(message.readBytes(buffer, 1)).isEqualTo(1);
        assertThat(message.readBytes(buffer, 1)).isEqualTo(1);
        assertThat(buffer[0]).isEqualTo((byte) 3);
        assertThat(message.readBytes(buffer, 1)).isEqualTo(-1);
        assertThat(message.readBytes(buffer)).isEqualTo(-1);
    }

    @Test
    void shouldRejectALengthOutsideTheBuffer() throws JMSException {
        CairnBytesMessage message = new CairnBytesMessage();
        message.writeByte((byte) 1);
        message.reset();

        assertThatThrownBy(() -> message.readBytes(new byte[2], 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> message.readBytes(new byte[2], -1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(message.readByte()).isEqualTo((byte) 1);
    }

    @Test
    void shouldReportTheBodyLengthOnlyInReadOnlyMode() throws JMSException {
        CairnBytesMessage message = new CairnBytesMessage();
        message.writeLong(1L);

        assertThatThrownBy(message::getBodyLength).isInstanceOf(MessageNotReadableException.class);
        assertThatThrownBy(message::readLong).isInstanceOf(MessageNotReadableException.class);
        assertThatThrownBy(() -> message.readBytes(new byte[1])).isInstanceOf(MessageNotReadableException.class);

        message.reset();

        assertThat(message.getBodyLength()).isEqualTo(Long.BYTES);
    }

    @Test
    void shouldBeReadOnlyAfterResetOrReceiptUntilClearBody() throws JMSException {
        CairnBytesMessage message = new CairnBytesMessage();
        message.writeInt(1);
        message.markReceived();

        assertThatThrownBy(() -> message.writeInt(2)).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> message.writeObject(2)).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> message.writeUTF("x")).isInstanceOf(MessageNotWriteableException.class);
        assertThat(message.readInt()).isEqualTo(1);
        message.reset();
        assertThat(message.readInt()).isEqualTo(1);

        message.clearBody();

        assertThatThrownBy(message::readInt).isInstanceOf(MessageNotReadableException.class);
        message.writeInt(2);
        message.reset();
        assertThat(message.getBodyLength()).isEqualTo(Integer.BYTES);
        assertThat(message.readInt()).isEqualTo(2);
    }

    @Test
    void shouldWriteObjectsAsTheirPrimitivesAndRejectNullAndOtherClasses() throws JMSException {
        CairnBytesMessage message = new CairnBytesMessage();
        message.writeObject(7);
        message.writeObject("s");
        message.writeObject('c');
        message.writeObject(new byte[] {1});

        assertThatThrownBy(() -> message.writeObject(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> message.writeBytes(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> message.writeObject(new Object())).isInstanceOf(MessageFormatException.class);

        message.reset();
        assertThat(message.readInt()).isEqualTo(7);
        assertThat(message.readUTF()).isEqualTo("s");
        assertThat(message.readChar()).isEqualTo('c');
        assertThat(message.readByte()).isEqualTo((byte) 1);
        assertThat(message.readBytes(new byte[1])).isEqualTo(-1);
    }

    @Test
    void shouldResetToTheStartBeforeAndAfterGetBody() throws JMSException, IOException {
        CairnBytesMessage message = new CairnBytesMessage();
        message.writeInt(5);
        message.writeInt(6);
        message.reset();
        message.readInt();

        byte[] body = message.getBody(byte[].class);

        assertThat(body).hasSize(8);
        assertThat(message.readInt()).isEqualTo(5);
    }
}
