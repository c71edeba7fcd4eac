package org.cairnmq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.cairnmq.jms.message.ConversionTable.Column;
import org.cairnmq.jms.message.ConversionTable.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MapMessageTest {

    private static final String NAME = "entry";

    static List<Arguments> bodyCells() {
        return ConversionTable.cells(ConversionTable.bodyRows(), EnumSet.allOf(Column.class));
    }

    @ParameterizedTest(name = "{0} read as {1}")
    @MethodSource("bodyCells")
    void shouldConvertEveryCellOfTheMapTable(Row row, Column column) throws JMSException {
        CairnMapMessage message = new CairnMapMessage();
        message.setObject(NAME, row.written());

        if (!ConversionTable.isMarked(row, column)) {
            assertThatThrownBy(() -> read(message, column)).isInstanceOf(MessageFormatException.class);
        } else if (ConversionTable.failsNumberFormat(row, column)) {
            assertThatThrownBy(() -> read(message, column)).isExactlyInstanceOf(NumberFormatException.class);
        } else {
            assertThat(read(message, column)).isEqualTo(ConversionTable.expected(row.written(), column));
        }
    }

    @Test
    void shouldReadAMissingEntryAsANullValue() throws JMSException {
        CairnMapMessage message = new CairnMapMessage();

        assertThat(message.getBoolean("missing")).isFalse();
        assertThat(message.getString("missing")).isNull();
        assertThat(message.getBytes("missing")).isNull();
        assertThat(message.getObject("missing")).isNull();
        assertThatThrownBy(() -> message.getInt("missing")).isExactlyInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> message.getLong("missing")).isExactlyInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> message.getDouble("missing")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> message.getChar("missing")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void shouldListNamesAndReportExistence() throws JMSException {
        CairnMapMessage message = new CairnMapMessage();
        message.setInt("a", 1);
        message.setString("b", null);

        assertThat(Collections.list(message.getMapNames())).containsExactlyInAnyOrder("a", "b");
        assertThat(message.itemExists("a")).isTrue();
        assertThat(message.itemExists("b")).isTrue();
        assertThat(message.itemExists("c")).isFalse();
    }

    @Test
    void shouldCopyByteArraysInAndOut() throws JMSException {
        CairnMapMessage message = new CairnMapMessage();
        byte[] written = {1, 2, 3};
        message.setBytes("whole", written);
        message.setBytes("range", written, 1, 2);
        written[0] = 9;

        byte[] read = message.getBytes("whole");
        read[1] = 9;

        assertThat(message.getBytes("whole")).containsExactly(1, 2, 3);
        assertThat(message.getBytes("range")).containsExactly(2, 3);
        assertThat((byte[]) message.getObject("whole")).containsExactly(1, 2, 3);
    }

    @Test
    void shouldRejectValuesOfOtherClasses() {
        CairnMapMessage message = new CairnMapMessage();

        assertThatThrownBy(() -> message.setObject(NAME, new Object())).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> message.setObject(NAME, List.of())).isInstanceOf(MessageFormatException.class);
        assertThat(message.itemExists(NAME)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void shouldRejectNullOrEmptyNames(String name) {
        CairnMapMessage message = new CairnMapMessage();

        assertThatThrownBy(() -> message.setInt(name, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> message.setObject(name, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldBeReadOnlyAfterReceiptUntilClearBody() throws JMSException {
        CairnMapMessage message = new CairnMapMessage();
        message.setInt("a", 1);
        message.markReceived();

        assertThatThrownBy(() -> message.setInt("b", 2)).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> message.setBytes("b", new byte[1], 0, 1))
            .isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> message.setObject("b", "x")).isInstanceOf(MessageNotWriteableException.class);
        assertThat(message.getInt("a")).isEqualTo(1);

        message.clearBody();
        message.setInt("b", 2);

        assertThat(Collections.list(message.getMapNames())).containsExactly("b");
    }

    @Test
    void shouldReturnACopyOfTheEntriesAsTheBody() throws JMSException {
        CairnMapMessage message = new CairnMapMessage();
        message.setInt("a", 1);
        message.setBytes("b", new byte[] {5});

        @SuppressWarnings("unchecked")
        Map<String, Object> body = message.getBody(Map.class);
        body.put("c", 3);
        ((byte[]) body.get("b"))[0] = 9;

        assertThat(message.itemExists("c")).isFalse();
        assertThat(message.getBytes("b")).containsExactly(5);
    }

    private static Object read(MapMessage message, Column column) throws JMSException {
        return switch (column) {
            case BOOLEAN -> message.getBoolean(NAME);
            case BYTE -> message.getByte(NAME);
            case SHORT -> message.getShort(NAME);
            case CHAR -> message.getChar(NAME);
            case INT -> message.getInt(NAME);
            case LONG -> message.getLong(NAME);
            case FLOAT -> message.getFloat(NAME);
            case DOUBLE -> message.getDouble(NAME);
            case STRING -> message.getString(NAME);
            case BYTES -> message.getBytes(NAME);
        };
    }
}
