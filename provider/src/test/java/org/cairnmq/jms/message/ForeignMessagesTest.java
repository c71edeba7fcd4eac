package org.cairnmq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Date;
import java.util.concurrent.TimeUnit;

import org.cairnmq.jms.destination.CairnQueue;
import org.cairnmq.jms.destination.CairnTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Foreign messages are stood in for by JDK dynamic proxies: objects that implement only the
 * {@code jakarta.jms} interface, as another provider's message would.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ForeignMessagesTest {

    @Test
    void shouldReturnACairnMessageItself() throws JMSException {
        CairnTextMessage message = new CairnTextMessage("mine");

        assertThat(ForeignMessages.toCairnMessage(message)).isSameAs(message);
    }

    @Test
    void shouldCopyHeadersAndPropertiesOfAForeignMessage() throws JMSException {
        CairnMessage source = new CairnMessage();
        source.setJMSMessageID("ID:foreign");
        source.setJMSCorrelationID("corr");
        source.setJMSType("kind");
        source.setJMSPriority(2);
        source.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        source.setJMSExpiration(5L);
        source.setJMSDeliveryTime(6L);
        source.setJMSTimestamp(7L);
        source.setJMSReplyTo(foreignQueue("replies"));
        source.setIntProperty("count", 3);
        source.setStringProperty("JMSXGroupID", "g");

        CairnMessage copy = ForeignMessages.toCairnMessage(foreign(source, Message.class));

        assertThat(copy).isNotSameAs(source);
        assertThat(copy.getJMSMessageID()).isEqualTo("ID:foreign");
        assertThat(copy.getJMSCorrelationID()).isEqualTo("corr");
        assertThat(copy.getJMSType()).isEqualTo("kind");
        assertThat(copy.getJMSPriority()).isEqualTo(2);
        assertThat(copy.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(copy.getJMSExpiration()).isEqualTo(5L);
        assertThat(copy.getJMSDeliveryTime()).isEqualTo(6L);
        assertThat(copy.getJMSTimestamp()).isEqualTo(7L);
        assertThat(copy.getJMSReplyTo()).isEqualTo(new CairnQueue("replies"));
        assertThat(copy.getIntProperty("count")).isEqualTo(3);
        assertThat(copy.getStringProperty("JMSXGroupID")).isEqualTo("g");
    }

    @Test
    void shouldCopyEachBodyTypeIntoTheMatchingCairnType() throws JMSException {
        CairnBytesMessage bytes = new CairnBytesMessage();
        bytes.writeBytes(new byte[20_000]);
        bytes.writeInt(9);
        CairnMapMessage map = new CairnMapMessage();
        map.setChar("c", 'x');
        map.setBytes("b", new byte[] {1});
        CairnStreamMessage stream = new CairnStreamMessage();
        stream.writeString("s");
        stream.writeObject(null);
        stream.writeLong(4L);
        CairnObjectMessage object = new CairnObjectMessage();
        object.setObject(new Date(3L));

        CairnBytesMessage bytesCopy = (CairnBytesMessage) ForeignMessages.toCairnMessage(foreign(bytes, BytesMessage.class));
        CairnTextMessage textCopy = (CairnTextMessage) ForeignMessages.toCairnMessage(
            foreign(new CairnTextMessage("t"), TextMessage.class));
        CairnMapMessage mapCopy = (CairnMapMessage) ForeignMessages.toCairnMessage(foreign(map, MapMessage.class));
        CairnStreamMessage streamCopy = (CairnStreamMessage) ForeignMessages.toCairnMessage(
            foreign(stream, StreamMessage.class));
        CairnObjectMessage objectCopy = (CairnObjectMessage) ForeignMessages.toCairnMessage(
            foreign(object, ObjectMessage.class));

        assertThat(bytesCopy.bodyBytes()).hasSize(20_004);
        assertThat(bytes.readInt()).as("the foreign body is left reset").isZero();
        assertThat(textCopy.getText()).isEqualTo("t");
        assertThat(mapCopy.getChar("c")).isEqualTo('x');
        assertThat(mapCopy.getBytes("b")).containsExactly(1);
        assertThat(streamCopy.fields()).containsExactly("s", null, 4L);
        assertThat(objectCopy.getObject()).isEqualTo(new Date(3L));
        assertThat(bytesCopy.isBodyReadOnly()).isFalse();
    }

    @Test
    void shouldMapForeignQueuesAndTopicsByNameAndDropOtherDestinations() throws JMSException {
        Destination other = (Destination) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Destination.class}, (proxy, method, args) -> null);

        assertThat(ForeignMessages.toCairnDestination(foreignQueue("q"))).isEqualTo(new CairnQueue("q"));
        assertThat(ForeignMessages.toCairnDestination(new CairnTopic("t"))).isEqualTo(new CairnTopic("t"));
        assertThat(ForeignMessages.toCairnDestination(other)).isNull();
        assertThat(ForeignMessages.toCairnDestination(null)).isNull();
    }

    @Test
    void shouldCopyPropertiesEvenWhenTheForeignMessageIsReadOnly() throws JMSException {
        CairnMessage source = new CairnMessage();
        source.setLongProperty("big", 1L << 40);
        source.markReceived();

        CairnMessage copy = ForeignMessages.toCairnMessage(foreign(source, Message.class));

        assertThat(Collections.list(copy.getPropertyNames())).containsExactly("big");
        copy.setIntProperty("writable", 1);
    }

    private static Queue foreignQueue(String name) {
        return (Queue) Proxy.newProxyInstance(ForeignMessagesTest.class.getClassLoader(),
            new Class<?>[] {TemporaryQueue.class}, (proxy, method, args) ->
                "getQueueName".equals(method.getName()) ? name : null);
    }

    private static <T extends Message> T foreign(CairnMessage target, Class<T> type) {
        Object proxy = Proxy.newProxyInstance(ForeignMessagesTest.class.getClassLoader(),
            new Class<?>[] {type}, (p, method, args) -> {
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
        return type.cast(proxy);
    }
}
