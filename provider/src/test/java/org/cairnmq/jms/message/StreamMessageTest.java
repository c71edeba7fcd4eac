package org.cairnmq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.StreamMessage;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.cairnmq.jms.message.ConversionTable.Column;
import org.cairnmq.jms.message.ConversionTable.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StreamMessageTest {

    static List<Arguments> bodyCells() {
        return ConversionTable.cells(ConversionTable.bodyRows(), EnumSet.allOf(Column.class));
    }

    @ParameterizedTest(name = "{0} read as {1}")
    @MethodSource("bodyCells")
    void shouldConvertEveryCellOfTheStreamTable(Row row, Column column) throws JMSException {
        CairnStreamMessage message = new CairnStreamMessage();
        message.writeObject(row.written());
        message.writeInt(42);
        message.reset();

        if (!ConversionTable.isMarked(row, column)) {
            assertThatThrownBy(() -> read(message, column)).isInstanceOf(MessageFormatException.class);
        } else if (ConversionTable.failsNumberFormat(row, column)) {
            assertThatThrownBy(() -> read(message, column)).isExactlyInstanceOf(NumberFormatException.class);
        } else {
            assertThat(read(message, column)).isEqualTo(ConversionTable.expected(row.written(), column));
            assertThat(message.readInt()).isEqualTo(42);
            return;
        }
        assertThat(message.readObject()).as("a failed read must not move the position")
            .isEqualTo(row.written());
        assertThat(message.readInt()).isEqualTo(42);
    }

    @Test
    void shouldReadNullFieldsAsValueOfNull() throws JMSException {
        CairnStreamMessage message = new CairnStreamMessage();
        message.writeString(null);
        message.writeObject(null);
        message.reset();

        assertThatThrownBy(message::readInt).isExactlyInstanceOf(NumberFormatException.class);
        assertThatThrownBy(message::readChar).isInstanceOf(NullPointerException.class);
        assertThat(message.readString()).isNull();
        assertThat(message.readBoolean()).isFalse();
    }

    @Test
    void shouldThrowMessageEofExceptionAtTheEndOfTheStream() throws JMSException {
        CairnStreamMessage message = new CairnStreamMessage();
        message.writeLong(1L);
        message.reset();
        message.readLong();

        assertThatThrownBy(message::readLong).isInstanceOf(MessageEOFException.class);
        assertThatThrownBy(message::readObject).isInstanceOf(MessageEOFException.class);
        assertThatThrownBy(() -> message.readBytes(new byte[1])).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void shouldReadAByteArrayFieldInChunksAndEndWithMinusOneAfterAnExactFill() throws JMSException {
        CairnStreamMessage message = new CairnStreamMessage();
        message.writeBytes(new byte[] {1, 2, 3, 4});
        message.writeBytes(new byte[] {5, 6, 7});
        message.writeString("after");
        message.reset();
        byte[] buffer = new byte[2];

        assertThat(message.readBytes(buffer)).isEqualTo(2);
        assertThat(buffer).containsExactly(1, 2);
        assertThat(message.readBytes(buffer)).isEqualTo(2);
        assertThat(buffer).containsExactly(3, 4);
        assertThat(message.readBytes(buffer)).isEqualTo(-1);

        assertThat(message.readBytes(buffer)).isEqualTo(2);
        assertThat(buffer).containsExactly(5, 6);
        assertThat(message.readBytes(buffer)).isEqualTo(1);
        assertThat(buffer[0]).isEqualTo((byte) 7);

        assertThat(message.readString()).isEqualTo("after");
    }

    @Test
    void shouldReturnZeroForAnEmptyArrayAndMinusOneForANullArray() throws JMSException {
        CairnStreamMessage message = new CairnStreamMessage();
        message.writeBytes(new byte[0]);
        message.writeBytes(null);
        message.writeBoolean(true);
        message.reset();

        assertThat(message.readBytes(new byte[4])).isZero();
        assertThat(message.readBytes(new byte[4])).isEqualTo(-1);
        assertThat(message.readBoolean()).isTrue();
    }

    @Test
    void shouldRefuseTheNextFieldUntilAByteArrayFieldIsReadToItsEnd() throws JMSException {
        CairnStreamMessage message = new CairnStreamMessage();
        message.writeBytes(new byte[] {1, 2, 3});
        message.writeInt(7);
        message.reset();
        byte[] buffer = new byte[2];
        message.readBytes(buffer);

        assertThatThrownBy(message::readInt).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(message::readObject).isInstanceOf(MessageFormatException.class);
        assertThat(message.readBytes(buffer)).isEqualTo(1);
        assertThat(message.readInt()).isEqualTo(7);
    }

    @Test
    void shouldRefuseReadBytesOnAFieldThatIsNotAByteArrayWithoutMovingThePosition() throws JMSException {
        CairnStreamMessage message = new CairnStreamMessage();
        message.writeInt(3);
        message.reset();

        assertThatThrownBy(() -> message.readBytes(new byte[4])).isInstanceOf(MessageFormatException.class);
        assertThat(message.readInt()).isEqualTo(3);
    }

    @Test
    void shouldReturnCopiesOfByteArraysAndKeepWrittenCopies() throws JMSException {
        CairnStreamMessage message = new CairnStreamMessage();
        byte[] written = {1, 2, 3};
        message.writeBytes(written);
        message.writeBytes(written, 1, 1);
        written[0] = 9;
        message.reset();

        byte[] first = (byte[]) message.readObject();
        first[1] = 9;
        message.reset();

        assertThat((byte[]) message.readObject()).containsExactly(1, 2, 3);
        assertThat((byte[]) message.readObject()).containsExactly(2);
    }

    @Test
    void shouldBeWriteOnlyUntilResetAndReadOnlyAfterwardsUntilClearBody() throws JMSException {
        CairnStreamMessage message = new CairnStreamMessage();
        message.writeInt(1);

        assertThatThrownBy(message::readInt).isInstanceOf(MessageNotReadableException.class);
        assertThatThrownBy(() -> message.readBytes(new byte[1])).isInstanceOf(MessageNotReadableException.class);

        message.reset();
        assertThatThrownBy(() -> message.writeInt(2)).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> message.writeObject("x")).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> message.writeBytes(new byte[2], 0, 1))
            .isInstanceOf(MessageNotWriteableException.class);
        assertThat(message.readInt()).isEqualTo(1);

        message.clearBody();
        assertThatThrownBy(message::readInt).isInstanceOf(MessageNotReadableException.class);
        message.writeInt(2);
        message.reset();
        assertThat(message.readInt()).isEqualTo(2);
        assertThatThrownBy(message::readInt).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void shouldBeReadableFromTheStartWhenReceived() throws JMSException {
        CairnStreamMessage message = new CairnStreamMessage();
        message.writeShort((short) 5);
        message.markReceived();

        assertThat(message.readShort()).isEqualTo((short) 5);
        assertThatThrownBy(() -> message.writeShort((short) 6)).isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    void shouldRejectObjectsOfOtherClasses() {
        CairnStreamMessage message = new CairnStreamMessage();

        assertThatThrownBy(() -> message.writeObject(new Object())).isInstanceOf(MessageFormatException.class);
        assertThat(message.fields()).isEmpty();
    }

    private static Object read(StreamMessage message, Column column) throws JMSException {
        return switch (column) {
            case BOOLEAN -> message.readBoolean();
            case BYTE -> message.readByte();
            case SHORT -> message.readShort();
            case CHAR -> message.readChar();
            case INT -> message.readInt();
            case LONG -> message.readLong();
            case FLOAT -> message.readFloat();
            case DOUBLE -> message.readDouble();
            case STRING -> message.readString();
            case BYTES -> readWholeBytesField(message);
        };
    }

    private static byte[] readWholeBytesField(StreamMessage message) throws JMSException {
        byte[] buffer = new byte[16];
        int length = message.readBytes(buffer);
        return length < 0 ? null : Arrays.copyOf(buffer, length);
    }
}
