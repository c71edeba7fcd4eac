package org.cairnmq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageNotWriteableException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.cairnmq.jms.destination.CairnQueue;
import org.cairnmq.jms.destination.CairnTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MessageStateTest {

    @Test
    void shouldStartWithTheSpecificationDefaults() {
        CairnMessage message = new CairnMessage();

        assertThat(message.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(message.getJMSPriority()).isEqualTo(Message.DEFAULT_PRIORITY);
        assertThat(message.getJMSMessageID()).isNull();
        assertThat(message.getJMSCorrelationID()).isNull();
        assertThat(message.getJMSCorrelationIDAsBytes()).isNull();
        assertThat(message.getJMSExpiration()).isZero();
        assertThat(message.getJMSDeliveryTime()).isZero();
        assertThat(message.getJMSRedelivered()).isFalse();
        assertThat(message.isPropertiesReadOnly()).isFalse();
        assertThat(message.isBodyReadOnly()).isFalse();
    }

    @Test
    void shouldKeepEveryHeaderThatIsSet() {
        CairnMessage message = new CairnMessage();
        message.setJMSMessageID("ID:1");
        message.setJMSTimestamp(11L);
        message.setJMSReplyTo(new CairnTopic("replies"));
        message.setJMSDestination(new CairnQueue("orders"));
        message.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        message.setJMSRedelivered(true);
        message.setJMSType("car");
        message.setJMSExpiration(22L);
        message.setJMSDeliveryTime(33L);
        message.setJMSPriority(7);

        assertThat(message.getJMSMessageID()).isEqualTo("ID:1");
        assertThat(message.getJMSTimestamp()).isEqualTo(11L);
        assertThat(message.getJMSReplyTo()).isEqualTo(new CairnTopic("replies"));
        assertThat(message.getJMSDestination()).isEqualTo(new CairnQueue("orders"));
        assertThat(message.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(message.isPersistent()).isFalse();
        assertThat(message.getJMSRedelivered()).isTrue();
        assertThat(message.getJMSType()).isEqualTo("car");
        assertThat(message.getJMSExpiration()).isEqualTo(22L);
        assertThat(message.getJMSDeliveryTime()).isEqualTo(33L);
        assertThat(message.getJMSPriority()).isEqualTo(7);
    }

    @Test
    void shouldHoldTheCorrelationIdInTheFormLastSetAndCopyBytes() {
        CairnMessage message = new CairnMessage();
        byte[] raw = "abc".getBytes(StandardCharsets.UTF_8);
        message.setJMSCorrelationIDAsBytes(raw);
        raw[0] = 'z';

        assertThat(message.isCorrelationIdBytes()).isTrue();
        assertThat(message.getJMSCorrelationIDAsBytes()).containsExactly('a', 'b', 'c');
        assertThat(message.getJMSCorrelationID()).isEqualTo("abc");
        message.getJMSCorrelationIDAsBytes()[0] = 'z';
        assertThat(message.getJMSCorrelationIDAsBytes()).containsExactly('a', 'b', 'c');

        message.setJMSCorrelationID("ID:reply");

        assertThat(message.isCorrelationIdBytes()).isFalse();
        assertThat(message.getJMSCorrelationID()).isEqualTo("ID:reply");
        assertThat(message.getJMSCorrelationIDAsBytes())
            .isEqualTo("ID:reply".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldAcknowledgeThroughTheInstalledAcknowledgerAndDoNothingWithout() throws JMSException {
        CairnTextMessage message = new CairnTextMessage("x");
        message.acknowledge();
        List<Message> acknowledged = new ArrayList<>();

        message.setAcknowledger(acknowledged::add);
        message.acknowledge();

        assertThat(acknowledged).containsExactly(message);
    }

    @Test
    void shouldMakeTextReadOnlyAfterReceiptUntilClearBody() throws JMSException {
        CairnTextMessage message = new CairnTextMessage("first");
        message.markReceived();

        assertThatThrownBy(() -> message.setText("second")).isInstanceOf(MessageNotWriteableException.class);
        assertThat(message.getText()).isEqualTo("first");
        assertThat(message.isBodyReadOnly()).isTrue();

        message.clearBody();

        assertThat(message.getText()).isNull();
        message.setText("second");
        assertThat(message.getText()).isEqualTo("second");
    }

    @Test
    void shouldLeavePropertiesReadOnlyWhenOnlyTheBodyIsCleared() throws JMSException {
        CairnTextMessage message = new CairnTextMessage("x");
        message.markReceived();

        message.clearBody();

        assertThatThrownBy(() -> message.setIntProperty("p", 1)).isInstanceOf(MessageNotWriteableException.class);
        message.setText("writable");
        assertThat(message.getText()).isEqualTo("writable");
    }
}
