package org.cairnmq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.MessageNotWriteableException;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MessagePropertiesTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1abc", "a-b", "a b", "a.b"})
    void shouldRejectNamesThatAreNotJavaIdentifiers(String name) {
        CairnMessage message = new CairnMessage();

        assertThatThrownBy(() -> message.setIntProperty(name, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> message.setObjectProperty(name, "x"))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"prop", "_under", "$dollar", "JMSXGroupID", "JMS_Cairn_Key", "trueish",
        "élan", "a1", "nullable", "true", "NULL", "Escape"})
    void shouldAcceptJavaIdentifiersIncludingSelectorKeywords(String name) throws JMSException {
        CairnMessage message = new CairnMessage();
        message.setStringProperty(name, "v");

        assertThat(message.getStringProperty(name)).isEqualTo("v");
    }

    @Test
    void shouldEnumerateTheSetPropertiesButNoHeaderFields() throws JMSException {
        CairnMessage message = new CairnMessage();
        message.setJMSType("car");
        message.setJMSCorrelationID("c-1");
        message.setIntProperty("a", 1);
        message.setStringProperty("b", "2");

        List<String> names = Collections.list(message.getPropertyNames());

        assertThat(names).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void shouldIncludeTheDeliveryCountTheProviderSetsOnReceive() throws JMSException {
        CairnMessage message = new CairnMessage();
        message.setIntProperty("a", 1);
        message.markReceived();
        message.setDeliveryCount(2);

        assertThat(Collections.list(message.getPropertyNames()))
            .containsExactlyInAnyOrder("a", PropertyNames.JMSX_DELIVERY_COUNT);
        assertThat(message.getIntProperty(PropertyNames.JMSX_DELIVERY_COUNT)).isEqualTo(2);
        assertThat(message.getStringProperty(PropertyNames.JMSX_DELIVERY_COUNT)).isEqualTo("2");
    }

    @Test
    void shouldMakeEveryPropertySetterFailAfterReceiptUntilClearProperties() throws JMSException {
        CairnMessage message = new CairnMessage();
        message.setIntProperty("kept", 1);
        message.markReceived();
        List<ThrowingConsumer<CairnMessage>> setters = List.of(
            m -> m.setBooleanProperty("p", true),
            m -> m.setByteProperty("p", (byte) 1),
            m -> m.setShortProperty("p", (short) 1),
            m -> m.setIntProperty("p", 1),
            m -> m.setLongProperty("p", 1L),
            m -> m.setFloatProperty("p", 1f),
            m -> m.setDoubleProperty("p", 1d),
            m -> m.setStringProperty("p", "1"),
            m -> m.setObjectProperty("p", 1));

        for (ThrowingConsumer<CairnMessage> setter : setters) {
            assertThatThrownBy(() -> setter.accept(message)).isInstanceOf(MessageNotWriteableException.class);
        }
        assertThat(message.getIntProperty("kept")).isEqualTo(1);

        message.clearProperties();

        assertThat(message.propertyExists("kept")).isFalse();
        assertThat(message.getPropertyNames().hasMoreElements()).isFalse();
        for (ThrowingConsumer<CairnMessage> setter : setters) {
            assertThatCode(() -> setter.accept(message)).doesNotThrowAnyException();
        }
    }

    @Test
    void shouldKeepHeaderFieldsWritableOnAReceivedMessage() throws JMSException {
        CairnMessage message = new CairnMessage();
        message.markReceived();

        message.setJMSType("changed");
        message.setJMSPriority(9);

        assertThat(message.getJMSType()).isEqualTo("changed");
        assertThat(message.getJMSPriority()).isEqualTo(9);
    }

    @Test
    void shouldLeaveTheBodyWhenPropertiesAreClearedAndThePropertiesWhenTheBodyIsCleared()
        throws JMSException {
        CairnTextMessage message = new CairnTextMessage("body");
        message.setIntProperty("p", 1);

        message.clearProperties();
        assertThat(message.getText()).isEqualTo("body");

        message.setIntProperty("p", 2);
        message.clearBody();
        assertThat(message.getIntProperty("p")).isEqualTo(2);
        assertThat(message.getText()).isNull();
    }

    @Test
    void shouldReportExistenceOnlyForSetProperties() throws JMSException {
        CairnMessage message = new CairnMessage();
        message.setLongProperty("there", 1L);

        assertThat(message.propertyExists("there")).isTrue();
        assertThat(message.propertyExists("absent")).isFalse();
        assertThat(message.propertyExists(null)).isFalse();
    }
}
