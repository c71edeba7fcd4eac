package org.cairnmq.tck.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cairnmq.tck.conformance.Conformance.ABSENT_TIMEOUT_MS;
import static org.cairnmq.tck.conformance.Conformance.RECEIVE_TIMEOUT_MS;
import static org.cairnmq.tck.conformance.Conformance.drain;
import static org.cairnmq.tck.conformance.Conformance.factory;
import static org.cairnmq.tck.conformance.Conformance.texts;
import static org.cairnmq.tck.conformance.Conformance.unique;

import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("6.2 Sessions, as the simplified API's JMSContext holds them")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Section_6_2_JMSContextSessionsIT {

    @Test
    @DisplayName("6.2 createContext(int) reports its session mode and whether it is transacted")
    void shouldReportTheSessionMode() {
        for (final int mode : new int[] {JMSContext.AUTO_ACKNOWLEDGE, JMSContext.CLIENT_ACKNOWLEDGE,
            JMSContext.DUPS_OK_ACKNOWLEDGE, JMSContext.SESSION_TRANSACTED}) {
            try (JMSContext context = factory().createContext(mode)) {
                assertThat(context.getSessionMode()).isEqualTo(mode);
                assertThat(context.getTransacted()).isEqualTo(mode == JMSContext.SESSION_TRANSACTED);
            }
        }
        try (JMSContext context = factory().createContext()) {
            assertThat(context.getSessionMode()).isEqualTo(JMSContext.AUTO_ACKNOWLEDGE);
        }
    }

    @Test
    @DisplayName("6.2 an invalid session mode throws JMSRuntimeException")
    void shouldRefuseAnInvalidSessionMode() {
        assertThatThrownBy(() -> factory().createContext(42)).isInstanceOf(JMSRuntimeException.class);
        try (JMSContext context = factory().createContext()) {
            assertThatThrownBy(() -> context.createContext(42)).isInstanceOf(JMSRuntimeException.class);
        }
    }

    @Test
    @DisplayName("6.1.8 a JMSContext made by createContext shares the connection, which closes with the last context")
    void shouldShareTheConnectionUntilTheLastContextCloses() {
        final JMSContext first = factory().createContext();
        final JMSContext second = first.createContext(JMSContext.AUTO_ACKNOWLEDGE);
        final Queue queue = first.createQueue(unique("ctx-share"));
        final TemporaryQueue temporary = first.createTemporaryQueue();
        first.close();

        second.createProducer().send(queue, "still open").send(temporary, "temporary");

        assertThat(second.createConsumer(queue).receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("still open");
        assertThat(second.createConsumer(temporary).receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("temporary");
        second.close();
        assertThatThrownBy(() -> second.createProducer().send(queue, "closed"))
            .isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    @DisplayName("6.2.15 closing a closed JMSContext is ignored; using it throws IllegalStateRuntimeException")
    void shouldIgnoreASecondCloseAndRefuseUseAfterClose() {
        final JMSContext context = factory().createContext();
        final Queue queue = context.createQueue(unique("ctx-closed"));
        context.close();

        context.close();

        assertThatThrownBy(() -> context.createConsumer(queue)).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> context.createTextMessage("x")).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> context.createContext(JMSContext.AUTO_ACKNOWLEDGE))
            .isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    @DisplayName("6.2.7 a transacted JMSContext sends nothing before commit and drops its sends on rollback")
    void shouldSendOnlyOnCommit() {
        try (JMSContext context = factory().createContext(JMSContext.SESSION_TRANSACTED);
             JMSContext reader = factory().createContext()) {
            final Queue queue = context.createQueue(unique("ctx-tx"));
            final JMSConsumer consumer = reader.createConsumer(queue);
            context.createProducer().send(queue, "rolled back");
            context.rollback();
            context.createProducer().send(queue, "committed");
            assertThat(consumer.receive(ABSENT_TIMEOUT_MS)).isNull();

            context.commit();

            assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("committed");
            assertThat(consumer.receive(ABSENT_TIMEOUT_MS)).isNull();
        }
    }

    @Test
    @DisplayName("6.2.7 commit, rollback on a non-transacted JMSContext throw IllegalStateRuntimeException")
    void shouldRefuseCommitAndRollbackWithoutTransaction() {
        try (JMSContext context = factory().createContext()) {
            assertThatThrownBy(context::commit).isInstanceOf(IllegalStateRuntimeException.class);
            assertThatThrownBy(context::rollback).isInstanceOf(IllegalStateRuntimeException.class);
        }
    }

    @Test
    @DisplayName("6.2.10 recover on a transacted JMSContext throws IllegalStateRuntimeException")
    void shouldRefuseRecoverInATransactedContext() {
        try (JMSContext context = factory().createContext(JMSContext.SESSION_TRANSACTED)) {
            assertThatThrownBy(context::recover).isInstanceOf(IllegalStateRuntimeException.class);
        }
    }

    @Test
    @DisplayName("6.2.10 JMSContext.acknowledge acknowledges every message consumed so far")
    void shouldAcknowledgeEverythingConsumedInClientAcknowledge() {
        final Queue queue;
        try (JMSContext context = factory().createContext(JMSContext.CLIENT_ACKNOWLEDGE)) {
            queue = context.createQueue(unique("ctx-ack"));
            context.createProducer().send(queue, "one").send(queue, "two").send(queue, "three");
            final JMSConsumer consumer = context.createConsumer(queue);
            assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("one");
            assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("two");

            context.acknowledge();
        }
        try (JMSContext context = factory().createContext()) {
            assertThat(context.createConsumer(queue).receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("three");
        }
    }

    @Test
    @DisplayName("6.2.15 closing a CLIENT_ACKNOWLEDGE JMSContext does not acknowledge: the messages come again")
    void shouldNotAcknowledgeOnClose() throws Exception {
        final Queue queue;
        try (JMSContext context = factory().createContext(JMSContext.CLIENT_ACKNOWLEDGE)) {
            queue = context.createQueue(unique("ctx-noack"));
            context.createProducer().send(queue, "unacked");
            assertThat(context.createConsumer(queue).receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("unacked");
        }
        try (JMSContext context = factory().createContext()) {
            assertThat(texts(drain(context.createConsumer(queue)))).containsExactly("unacked");
        }
    }

    @Test
    @DisplayName("6.2.2 temporary destinations of a JMSContext are usable by it and deleted on request")
    void shouldCreateAndDeleteTemporaryDestinations() throws Exception {
        try (JMSContext context = factory().createContext()) {
            final TemporaryQueue queue = context.createTemporaryQueue();
            final TemporaryTopic topic = context.createTemporaryTopic();
            final JMSConsumer topicConsumer = context.createConsumer(topic);
            final JMSConsumer queueConsumer = context.createConsumer(queue);
            context.createProducer().send(queue, "q").send(topic, "t");

            assertThat(queueConsumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("q");
            assertThat(topicConsumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("t");
            queueConsumer.close();
            topicConsumer.close();
            queue.delete();
            topic.delete();
            assertThatThrownBy(() -> context.createConsumer(queue)).isInstanceOf(InvalidDestinationRuntimeException.class);
        }
    }

    @Test
    @DisplayName("6.2.2 only the connection that made a temporary queue may consume from it")
    void shouldRefuseAConsumerOnAnotherConnectionsTemporaryQueue() {
        try (JMSContext owner = factory().createContext(); JMSContext stranger = factory().createContext()) {
            final TemporaryQueue queue = owner.createTemporaryQueue();

            assertThatThrownBy(() -> stranger.createConsumer(queue)).isInstanceOf(JMSRuntimeException.class);
        }
    }

    @Test
    @DisplayName("4.1.6 a QueueBrowser from a JMSContext sees the messages without consuming them")
    void shouldBrowseWithoutConsuming() {
        try (JMSContext context = factory().createContext()) {
            final Queue queue = context.createQueue(unique("ctx-browse"));
            context.createProducer().send(queue, "a").send(queue, "b");
            final QueueBrowser browser = context.createBrowser(queue);

            org.awaitility.Awaitility.await().atMost(Conformance.AWAIT_TIMEOUT)
                .until(() -> Conformance.list(browser.getEnumeration()).size() == 2);
            assertThat(context.createConsumer(queue).receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("a");
        }
    }

    @Test
    @DisplayName("6.2.3 a consumer on a null destination throws InvalidDestinationRuntimeException")
    void shouldRefuseANullDestination() {
        try (JMSContext context = factory().createContext()) {
            assertThatThrownBy(() -> context.createConsumer(null)).isInstanceOf(InvalidDestinationRuntimeException.class);
            assertThatThrownBy(() -> context.createBrowser(null)).isInstanceOf(InvalidDestinationRuntimeException.class);
        }
    }
}
