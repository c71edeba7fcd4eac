package org.cairnmq.tck.conformance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cairnmq.tck.conformance.Conformance.factory;
import static org.cairnmq.tck.conformance.Conformance.unique;

import jakarta.jms.IllegalStateException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;
import jakarta.jms.TopicSession;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The methods of Table 9-1 that JMS 2.0 added to the unified interfaces and a domain must refuse. */
@DisplayName("9.2 Method inheritance across messaging domains")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Section_9_2_MethodInheritanceIT {

    @Test
    @DisplayName("9.2 QueueSession refuses the JMS 2.0 topic methods with IllegalStateException")
    void shouldRefuseTheJms2TopicMethodsOnAQueueSession() throws Exception {
        try (QueueConnection connection = ((QueueConnectionFactory) factory()).createQueueConnection()) {
            final QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            final Topic topic = topic();

            assertThatThrownBy(() -> session.createDurableConsumer(topic, unique("sub")))
                .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> session.createDurableConsumer(topic, unique("sub"), null, false))
                .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> session.createSharedConsumer(topic, unique("sub")))
                .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> session.createSharedConsumer(topic, unique("sub"), "a = 1"))
                .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> session.createSharedDurableConsumer(topic, unique("sub")))
                .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> session.createSharedDurableConsumer(topic, unique("sub"), "a = 1"))
                .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    @DisplayName("9.2 QueueSession refuses the JMS 1.1 topic methods with IllegalStateException")
    void shouldRefuseTheTopicMethodsOnAQueueSession() throws Exception {
        try (QueueConnection connection = ((QueueConnectionFactory) factory()).createQueueConnection()) {
            final QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);

            assertThatThrownBy(() -> session.createDurableSubscriber(topic(), unique("sub")))
                .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(session::createTemporaryTopic).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> session.createTopic(unique("t"))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> session.unsubscribe(unique("sub"))).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    @DisplayName("9.2 QueueConnection refuses the shared and durable connection consumers with IllegalStateException")
    void shouldRefuseTopicConnectionConsumersOnAQueueConnection() throws Exception {
        try (QueueConnection connection = ((QueueConnectionFactory) factory()).createQueueConnection()) {
            final Topic topic = topic();

            assertThatThrownBy(() -> connection.createSharedConnectionConsumer(topic, unique("sub"), null, null, 1))
                .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> connection.createDurableConnectionConsumer(topic, unique("sub"), null, null, 1))
                .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> connection.createSharedDurableConnectionConsumer(topic, unique("sub"), null, null, 1))
                .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    @DisplayName("9.2 TopicSession refuses the queue methods with IllegalStateException")
    void shouldRefuseTheQueueMethodsOnATopicSession() throws Exception {
        try (TopicConnection connection = ((TopicConnectionFactory) factory()).createTopicConnection()) {
            final TopicSession session = connection.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);

            assertThatThrownBy(() -> session.createBrowser(queue())).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> session.createQueue(unique("q"))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(session::createTemporaryQueue).isInstanceOf(IllegalStateException.class);
        }
    }

    private static jakarta.jms.Queue queue() throws Exception {
        try (jakarta.jms.Connection connection = factory().createConnection()) {
            return connection.createSession().createQueue(unique("domain-queue"));
        }
    }

    private static Topic topic() throws Exception {
        try (jakarta.jms.Connection connection = factory().createConnection()) {
            return connection.createSession().createTopic(unique("domain-topic"));
        }
    }
}
