package org.cairnmq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;

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
class PropertyConversionTest {

    private static final String NAME = "prop";

    static List<Arguments> propertyCells() {
        return ConversionTable.cells(ConversionTable.propertyRows(), ConversionTable.PROPERTY_COLUMNS);
    }

    @ParameterizedTest(name = "{0} read as {1}")
    @MethodSource("propertyCells")
    void shouldConvertEveryCellOfThePropertyTable(Row row, Column column) throws JMSException {
        CairnMessage message = new CairnMessage();
        message.setObjectProperty(NAME, row.written());

        if (!ConversionTable.isMarked(row, column)) {
            assertThatThrownBy(() -> read(message, column)).isInstanceOf(MessageFormatException.class);
        } else if (ConversionTable.failsNumberFormat(row, column)) {
            assertThatThrownBy(() -> read(message, column)).isExactlyInstanceOf(NumberFormatException.class);
        } else {
            assertThat(read(message, column)).isEqualTo(ConversionTable.expected(row.written(), column));
        }
    }

    @ParameterizedTest(name = "{0} read as {1} after receipt")
    @MethodSource("propertyCells")
    void shouldConvertTheSameWayWhenThePropertiesAreReadOnly(Row row, Column column)
        throws JMSException {
        CairnMessage message = new CairnMessage();
        message.setObjectProperty(NAME, row.written());
        message.markReceived();

        if (ConversionTable.isMarked(row, column) && !ConversionTable.failsNumberFormat(row, column)) {
            assertThat(read(message, column)).isEqualTo(ConversionTable.expected(row.written(), column));
        } else {
            assertThatThrownBy(() -> read(message, column))
                .isInstanceOfAny(MessageFormatException.class, NumberFormatException.class);
        }
    }

    @Test
    void shouldKeepTheTypeEachTypedSetterWrote() throws JMSException {
        CairnMessage message = new CairnMessage();
        message.setBooleanProperty("b", true);
        message.setByteProperty("y", (byte) 1);
        message.setShortProperty("s", (short) 2);
        message.setIntProperty("i", 3);
        message.setLongProperty("l", 4L);
        message.setFloatProperty("f", 5f);
        message.setDoubleProperty("d", 6d);
        message.setStringProperty("t", "7");

        assertThat(message.getObjectProperty("b")).isEqualTo(Boolean.TRUE);
        assertThat(message.getObjectProperty("y")).isEqualTo((byte) 1);
        assertThat(message.getObjectProperty("s")).isEqualTo((short) 2);
        assertThat(message.getObjectProperty("i")).isEqualTo(3);
        assertThat(message.getObjectProperty("l")).isEqualTo(4L);
        assertThat(message.getObjectProperty("f")).isEqualTo(5f);
        assertThat(message.getObjectProperty("d")).isEqualTo(6d);
        assertThat(message.getObjectProperty("t")).isEqualTo("7");
    }

    @Test
    void shouldReadAMissingPropertyAsValueOfNull() throws JMSException {
        CairnMessage message = new CairnMessage();

        assertThat(message.getBooleanProperty("missing")).isFalse();
        assertThat(message.getStringProperty("missing")).isNull();
        assertThat(message.getObjectProperty("missing")).isNull();
        assertThatThrownBy(() -> message.getByteProperty("missing")).isExactlyInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> message.getShortProperty("missing")).isExactlyInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> message.getIntProperty("missing")).isExactlyInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> message.getLongProperty("missing")).isExactlyInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> message.getFloatProperty("missing")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> message.getDoubleProperty("missing")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void shouldPropagateNumberFormatExceptionForAStringThatIsNotANumber() throws JMSException {
        CairnMessage message = new CairnMessage();
        message.setStringProperty(NAME, "not a number");

        assertThatThrownBy(() -> message.getIntProperty(NAME)).isExactlyInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> message.getDoubleProperty(NAME)).isExactlyInstanceOf(NumberFormatException.class);
        assertThat(message.getBooleanProperty(NAME)).isFalse();
    }

    @Test
    void shouldRejectObjectPropertiesThatAreNotWrappersOrStrings() {
        CairnMessage message = new CairnMessage();

        assertThatThrownBy(() -> message.setObjectProperty(NAME, 'c')).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> message.setObjectProperty(NAME, new byte[] {1}))
            .isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> message.setObjectProperty(NAME, new Object()))
            .isInstanceOf(MessageFormatException.class);
        assertThat(message.propertyExists(NAME)).isFalse();
    }

    @Test
    void shouldStoreANullStringPropertyThatExistsAndReadsAsNull() throws JMSException {
        CairnMessage message = new CairnMessage();
        message.setStringProperty(NAME, null);

        assertThat(message.propertyExists(NAME)).isTrue();
        assertThat(message.getStringProperty(NAME)).isNull();
        assertThat(message.getBooleanProperty(NAME)).isFalse();
    }

    private static Object read(Message message, Column column) throws JMSException {
        return switch (column) {
            case BOOLEAN -> message.getBooleanProperty(NAME);
            case BYTE -> message.getByteProperty(NAME);
            case SHORT -> message.getShortProperty(NAME);
            case INT -> message.getIntProperty(NAME);
            case LONG -> message.getLongProperty(NAME);
            case FLOAT -> message.getFloatProperty(NAME);
            case DOUBLE -> message.getDoubleProperty(NAME);
            case STRING -> message.getStringProperty(NAME);
            case CHAR, BYTES -> throw new IllegalArgumentException("no property getter for " + column);
        };
    }
}
