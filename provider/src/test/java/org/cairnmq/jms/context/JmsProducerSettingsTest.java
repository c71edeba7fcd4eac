package org.cairnmq.jms.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MessageFormatRuntimeException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The settings, properties and headers a JMSProducer keeps before it sends; no broker is needed. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class JmsProducerSettingsTest {

    private final JMSProducer producer = new CairnJMSProducer(null);

    @Test
    void shouldConvertPropertiesAsAMessageDoes() {
        producer.setProperty("count", 12).setProperty("flag", "true");

        assertThat(producer.getStringProperty("count")).isEqualTo("12");
        assertThat(producer.getLongProperty("count")).isEqualTo(12L);
        assertThat(producer.getBooleanProperty("flag")).isTrue();
        assertThat(producer.getPropertyNames()).containsExactly("count", "flag");
        assertThatThrownBy(() -> producer.getIntProperty("flag")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> producer.getBooleanProperty("count")).isInstanceOf(MessageFormatRuntimeException.class);
    }

    @Test
    void shouldRefuseAPropertyValueOfAnUnsupportedType() {
        assertThatThrownBy(() -> producer.setProperty("list", new Object()))
            .isInstanceOf(MessageFormatRuntimeException.class);
    }

    @Test
    void shouldRefuseAnEmptyPropertyName() {
        assertThatThrownBy(() -> producer.setProperty("", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldForgetThePropertiesOnClear() {
        producer.setProperty("a", 1).clearProperties();

        assertThat(producer.propertyExists("a")).isFalse();
        assertThat(producer.getPropertyNames()).isEmpty();
    }

    @Test
    void shouldReturnTheCorrelationIdAsSetLastInEitherForm() {
        producer.setJMSCorrelationID("text-id");
        assertThat(producer.getJMSCorrelationIDAsBytes()).isEqualTo("text-id".getBytes(StandardCharsets.UTF_8));

        producer.setJMSCorrelationIDAsBytes(new byte[] {65, 66});
        assertThat(producer.getJMSCorrelationID()).isEqualTo("AB");
    }

    @Test
    void shouldRefuseAnInvalidPriorityOrDeliveryMode() {
        assertThatThrownBy(() -> producer.setPriority(10)).isInstanceOf(JMSRuntimeException.class);
        assertThatThrownBy(() -> producer.setDeliveryMode(0)).isInstanceOf(JMSRuntimeException.class);
        assertThat(producer.setPriority(0).setDeliveryDelay(250).setTimeToLive(1_000).getDeliveryDelay())
            .isEqualTo(250);
    }
}
