package org.cairnmq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;

import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageNotWriteableException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.concurrent.TimeUnit;

import org.cairnmq.jms.destination.CairnQueue;
import org.cairnmq.jms.destination.CairnTemporaryQueue;
import org.cairnmq.jms.destination.CairnTemporaryTopic;
import org.cairnmq.jms.destination.CairnTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MessageRecordMapperTest {

    private final MessageRecordMapper mapper = new MessageRecordMapper();

    @Test
    void shouldRoundTripEveryHeaderAndProperty() throws JMSException {
        CairnMessage message = new CairnMessage();
        message.setJMSDestination(new CairnQueue("orders"));
        message.setJMSReplyTo(new CairnTemporaryTopic("tmp-1", null));
        message.setJMSMessageID("ID:abc");
        message.setJMSTimestamp(1_000L);
        message.setJMSExpiration(2_000L);
        message.setJMSDeliveryTime(1_500L);
        message.setJMSPriority(8);
        message.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        message.setJMSType("car");
        message.setJMSCorrelationID("ID:req");
        message.setBooleanProperty("b", true);
        message.setByteProperty("y", (byte) -1);
        message.setShortProperty("s", (short) 300);
        message.setIntProperty("i", 70_000);
        message.setLongProperty("l", Long.MAX_VALUE);
        message.setFloatProperty("f", 1.25f);
        message.setDoubleProperty("d", -0.5d);
        message.setStringProperty("t", "text");
        message.setStringProperty("n", null);

        CairnMessage decoded = roundTrip(message);

        assertThat(decoded.getClass()).isEqualTo(CairnMessage.class);
        assertThat(decoded.getJMSDestination()).isEqualTo(new CairnQueue("orders"));
        assertThat(decoded.getJMSReplyTo()).isInstanceOf(CairnTemporaryTopic.class)
            .isEqualTo(new CairnTemporaryTopic("tmp-1", null));
        assertThat(decoded.getJMSMessageID()).isEqualTo("ID:abc");
        assertThat(decoded.getJMSTimestamp()).isEqualTo(1_000L);
        assertThat(decoded.getJMSExpiration()).isEqualTo(2_000L);
        assertThat(decoded.getJMSDeliveryTime()).isEqualTo(1_500L);
        assertThat(decoded.getJMSPriority()).isEqualTo(8);
        assertThat(decoded.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(decoded.getJMSType()).isEqualTo("car");
        assertThat(decoded.getJMSCorrelationID()).isEqualTo("ID:req");
        assertThat(decoded.isCorrelationIdBytes()).isFalse();
        assertThat(Collections.list(decoded.getPropertyNames()))
            .containsExactlyInAnyOrder("b", "y", "s", "i", "l", "f", "d", "t", "n");
        for (String name : Collections.list(message.getPropertyNames())) {
            assertThat(decoded.getObjectProperty(name)).as(name).isEqualTo(message.getObjectProperty(name));
        }
        assertThat(decoded.propertyExists("n")).isTrue();
    }

    @Test
    void shouldRoundTripACorrelationIdSetAsBytesAndAnAbsentOne() throws JMSException {
        CairnMessage bytes = new CairnMessage();
        bytes.setJMSDestination(new CairnTopic("prices"));
        bytes.setJMSCorrelationIDAsBytes(new byte[] {(byte) 0xFF, 0, 1});
        CairnMessage none = new CairnMessage();
        none.setJMSDestination(new CairnTopic("prices"));

        CairnMessage decodedBytes = roundTrip(bytes);
        CairnMessage decodedNone = roundTrip(none);

        assertThat(decodedBytes.isCorrelationIdBytes()).isTrue();
        assertThat(decodedBytes.getJMSCorrelationIDAsBytes()).containsExactly(0xFF, 0, 1);
        assertThat(decodedNone.getJMSCorrelationID()).isNull();
        assertThat(decodedNone.getJMSReplyTo()).isNull();
        assertThat(decodedNone.getJMSMessageID()).isNull();
        assertThat(decodedNone.getJMSType()).isNull();
        assertThat(decodedNone.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
    }

    @Test
    void shouldRoundTripATextBodyAndANullText() throws JMSException {
        CairnTextMessage text = withDestination(new CairnTextMessage("h\u00e9llo \uD83D\uDE00"));
        CairnTextMessage empty = withDestination(new CairnTextMessage());

        assertThat(((CairnTextMessage) roundTrip(text)).getText()).isEqualTo("h\u00e9llo \uD83D\uDE00");
        assertThat(((CairnTextMessage) roundTrip(empty)).getText()).isNull();
    }

    @Test
    void shouldRoundTripABytesBodyWrittenButNotReset() throws JMSException {
        CairnBytesMessage message = withDestination(new CairnBytesMessage());
        message.writeInt(7);
        message.writeUTF("x");

        CairnBytesMessage decoded = (CairnBytesMessage) roundTrip(message);

        assertThat(decoded.getBodyLength()).isEqualTo(Integer.BYTES + 2 + 1);
        assertThat(decoded.readInt()).isEqualTo(7);
        assertThat(decoded.readUTF()).isEqualTo("x");
        message.writeInt(8);
    }

    @Test
    void shouldRoundTripAMapBodyWithEveryValueType() throws JMSException {
        CairnMapMessage message = withDestination(new CairnMapMessage());
        ConversionTable.bodyRows().forEach(row -> setQuietly(message, row.label().replace(' ', '_')
            .replace("[]", "Array"), row.written()));
        message.setObject("nothing", null);

        CairnMapMessage decoded = (CairnMapMessage) roundTrip(message);

        assertThat(Collections.list(decoded.getMapNames()))
            .containsExactlyElementsOf(Collections.list(message.getMapNames()));
        for (String name : Collections.list(message.getMapNames())) {
            assertThat(decoded.getObject(name)).as(name).isEqualTo(message.getObject(name));
        }
    }

    @Test
    void shouldRoundTripAStreamBodyWithEveryValueType() throws JMSException {
        CairnStreamMessage message = withDestination(new CairnStreamMessage());
        ArrayList<Object> written = new ArrayList<>();
        for (ConversionTable.Row row : ConversionTable.bodyRows()) {
            message.writeObject(row.written());
            written.add(row.written());
        }
        message.writeObject(null);
        written.add(null);

        CairnStreamMessage decoded = (CairnStreamMessage) roundTrip(message);

        for (Object value : written) {
            assertThat(decoded.readObject()).isEqualTo(value);
        }
    }

    @Test
    void shouldRoundTripAnObjectBodyAndANullObject() throws JMSException {
        CairnObjectMessage message = withDestination(new CairnObjectMessage());
        message.setObject(new Date(42L));
        CairnObjectMessage empty = withDestination(new CairnObjectMessage());

        assertThat(((CairnObjectMessage) roundTrip(message)).getObject()).isEqualTo(new Date(42L));
        assertThat(((CairnObjectMessage) roundTrip(empty)).getObject()).isNull();
    }

    @Test
    void shouldDecodeIntoTheReceivedState() throws JMSException {
        CairnTextMessage message = withDestination(new CairnTextMessage("x"));
        message.setIntProperty("p", 1);

        CairnTextMessage decoded = (CairnTextMessage) roundTrip(message);

        assertThatThrownBy(() -> decoded.setText("y")).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> decoded.setIntProperty("q", 2)).isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    void shouldKeepTemporaryQueueKindsApart() throws JMSException {
        CairnMessage message = new CairnMessage();
        message.setJMSDestination(new CairnTemporaryQueue("tq", null));
        message.setJMSReplyTo(new CairnQueue("tq"));

        CairnMessage decoded = roundTrip(message);

        assertThat(decoded.getJMSDestination()).isInstanceOf(CairnTemporaryQueue.class);
        assertThat(decoded.getJMSReplyTo()).isExactlyInstanceOf(CairnQueue.class);
        assertThat(decoded.getJMSDestination()).isNotEqualTo(decoded.getJMSReplyTo());
    }

    @Test
    void shouldRefuseToEncodeAMessageWithoutDestination() {
        CairnMessage message = new CairnMessage();

        assertThatThrownBy(() -> mapper.encode(message)).isInstanceOf(InvalidDestinationException.class);
    }

    private CairnMessage roundTrip(CairnMessage message) throws JMSException {
        ByteBuf record = mapper.encode(message);
        try {
            return mapper.decode(record);
        } finally {
            record.release();
        }
    }

    private static <T extends CairnMessage> T withDestination(T message) {
        message.setJMSDestination(new CairnQueue("q"));
        return message;
    }

    private static void setQuietly(CairnMapMessage message, String name, Object value) {
        try {
            message.setObject(name, value);
        } catch (JMSException e) {
            throw new AssertionError(e);
        }
    }
}
