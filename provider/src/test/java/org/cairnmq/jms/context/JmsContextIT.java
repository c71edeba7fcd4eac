package org.cairnmq.jms.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.cairnmq.jms.CairnConnectionFactory;
import org.cairnmq.jms.testing.TestBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The simplified API (JMSContext, JMSProducer, JMSConsumer) on queues against a real embedded broker. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JmsContextIT {

    private static final long RECEIVE_TIMEOUT_MS = 5_000;

    @TempDir
    Path dataDirectory;

    private TestBroker broker;
    private CairnConnectionFactory factory;
    private final List<JMSContext> contexts = new ArrayList<>();

    @BeforeEach
    void startBroker() {
        broker = new TestBroker(dataDirectory);
        factory = broker.factory("");
    }

    @AfterEach
    void stopBroker() {
        for (final JMSContext context : contexts) {
            context.close();
        }
        broker.close();
    }

    private JMSContext context(final int sessionMode) {
        final JMSContext context = factory.createContext(sessionMode);
        contexts.add(context);
        return context;
    }

    @Test
    void shouldSendAndReceiveTheBodyOfEveryKindOfMessage() {
        final JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        final Queue queue = context.createQueue("ctx.bodies");
        final JMSConsumer consumer = context.createConsumer(queue);

        context.createProducer().send(queue, "text").send(queue, Map.of("k", 7)).send(queue, new byte[] {1, 2, 3})
            .send(queue, Long.valueOf(42));

        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("text");
        final Map<?, ?> map = consumer.receiveBody(Map.class, RECEIVE_TIMEOUT_MS);
        assertThat(map.get("k")).isEqualTo(7);
        assertThat(consumer.receiveBody(byte[].class, RECEIVE_TIMEOUT_MS)).containsExactly(1, 2, 3);
        assertThat(consumer.receiveBody(Long.class, RECEIVE_TIMEOUT_MS)).isEqualTo(42L);
        assertThat(consumer.receiveBodyNoWait(String.class)).isNull();
    }

    @Test
    void shouldSetTheProducersPropertiesHeadersAndSendOptionsOnTheMessage() throws JMSException {
        final JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        final Queue queue = context.createQueue("ctx.headers");
        final JMSConsumer consumer = context.createConsumer(queue);
        final long beforeSendMs = System.currentTimeMillis();

        context.createProducer().setProperty("colour", "blue").setProperty("size", 3).setJMSCorrelationID("corr-1")
            .setJMSType("order").setPriority(7).setTimeToLive(60_000).setDeliveryMode(DeliveryMode.NON_PERSISTENT)
            .send(queue, "payload");

        final Message received = consumer.receive(RECEIVE_TIMEOUT_MS);
        assertThat(received.getStringProperty("colour")).isEqualTo("blue");
        assertThat(received.getIntProperty("size")).isEqualTo(3);
        assertThat(received.getJMSCorrelationID()).isEqualTo("corr-1");
        assertThat(received.getJMSType()).isEqualTo("order");
        assertThat(received.getJMSPriority()).isEqualTo(7);
        assertThat(received.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(received.getJMSExpiration()).isBetween(beforeSendMs + 60_000, System.currentTimeMillis() + 60_000);
    }

    @Test
    void shouldGiveAMessageWhoseBodyDoesNotFitAgainUnflaggedInAutoAcknowledgeMode() throws JMSException {
        final JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        final Queue queue = context.createQueue("ctx.wrong.type");
        final JMSConsumer consumer = context.createConsumer(queue);
        context.createProducer().send(queue, "not a map");

        assertThatThrownBy(() -> consumer.receiveBody(Map.class, RECEIVE_TIMEOUT_MS))
            .isInstanceOf(MessageFormatRuntimeException.class);

        final Message again = consumer.receive(RECEIVE_TIMEOUT_MS);
        assertThat(((TextMessage) again).getText()).isEqualTo("not a map");
        assertThat(again.getJMSRedelivered()).isFalse();
    }

    @Test
    void shouldRefuseToReceiveTheBodyOfAPlainMessage() {
        final JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        final Queue queue = context.createQueue("ctx.plain");
        final JMSConsumer consumer = context.createConsumer(queue);
        context.createProducer().send(queue, context.createMessage());

        assertThatThrownBy(() -> consumer.receiveBody(Object.class, RECEIVE_TIMEOUT_MS))
            .isInstanceOf(MessageFormatRuntimeException.class);
    }

    @Test
    void shouldKeepTheSharedConnectionOpenUntilTheLastContextCloses() {
        final JMSContext first = factory.createContext();
        final JMSContext second = first.createContext(JMSContext.CLIENT_ACKNOWLEDGE);
        contexts.add(second);
        final Queue queue = second.createQueue("ctx.shared");

        first.close();
        second.createProducer().send(queue, "still open");

        final JMSConsumer consumer = second.createConsumer(queue);
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("still open");
        second.acknowledge();
        assertThat(second.getSessionMode()).isEqualTo(JMSContext.CLIENT_ACKNOWLEDGE);
        assertThatThrownBy(() -> first.createQueue("x")).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> second.setClientID("too-late")).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    void shouldNotDeliverBeforeStartWhenAutoStartIsOff() {
        final JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        context.setAutoStart(false);
        final Queue queue = context.createQueue("ctx.autostart");
        final JMSConsumer consumer = context.createConsumer(queue);
        context.createProducer().send(queue, "waits");

        assertThat(consumer.receiveNoWait()).isNull();
        context.start();
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("waits");
    }

    @Test
    void shouldMakeSendsVisibleOnlyOnCommitInATransactedContext() {
        final JMSContext producerContext = context(JMSContext.SESSION_TRANSACTED);
        final JMSContext consumerContext = context(JMSContext.AUTO_ACKNOWLEDGE);
        final Queue queue = producerContext.createQueue("ctx.tx");
        final JMSConsumer consumer = consumerContext.createConsumer(queue);

        producerContext.createProducer().send(queue, "rolled back");
        producerContext.rollback();
        producerContext.createProducer().send(queue, "committed");
        assertThat(consumer.receiveNoWait()).isNull();
        producerContext.commit();

        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("committed");
        assertThat(consumer.receiveNoWait()).isNull();
    }

    @Test
    void shouldCompleteAsynchronousSendsInOrderAndRefuseCloseFromTheCompletionListener() throws Exception {
        final JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        final Queue queue = context.createQueue("ctx.async");
        final List<String> completed = new CopyOnWriteArrayList<>();
        final CompletableFuture<RuntimeException> closeFromListener = new CompletableFuture<>();
        final CompletionListener listener = new CompletionListener() {
            @Override
            public void onCompletion(final Message message) {
                try {
                    completed.add(((TextMessage) message).getText());
                } catch (final JMSException unexpected) {
                    closeFromListener.completeExceptionally(unexpected);
                }
                if (completed.size() == 10) {
                    try {
                        context.close();
                        closeFromListener.complete(null);
                    } catch (final RuntimeException refused) {
                        closeFromListener.complete(refused);
                    }
                }
            }

            @Override
            public void onException(final Message message, final Exception exception) {
                closeFromListener.completeExceptionally(exception);
            }
        };

        final var producer = context.createProducer().setAsync(listener);
        for (int i = 0; i < 10; i++) {
            producer.send(queue, "m" + i);
        }

        assertThat(closeFromListener.get(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateRuntimeException.class);
        assertThat(completed).containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
        final JMSConsumer consumer = context.createConsumer(queue);
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("m0");
    }
}
