package org.cairnmq.jms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairnmq.jms.it.JmsTestMessages.drain;
import static org.cairnmq.jms.it.JmsTestMessages.texts;

import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.cairnmq.server.CairnBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker's duplicate detection through the public API. The provider gives every send a fresh
 * {@code JMSMessageID}, so an application that resends "the same" message (after a send whose outcome
 * it does not know) names it with the vendor property {@value #DUPLICATE_ID}, which the broker uses as
 * the duplicate-detection key within {@code broker.duplicateWindowMs}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DuplicateResendIT {

    /** The vendor property an application sets to make two sends one message. */
    static final String DUPLICATE_ID = "JMS_Cairn_DuplicateID";

    @RegisterExtension
    final BrokerFixture brokers = new BrokerFixture();

    @TempDir
    Path dataDirectory;

    private static void send(final Session session, final MessageProducer producer, final String text,
                             final String duplicateId) throws JMSException {
        final TextMessage message = session.createTextMessage(text);
        if (duplicateId != null) {
            message.setStringProperty(DUPLICATE_ID, duplicateId);
        }
        producer.send(message);
    }

    private Session session(final CairnBroker broker) throws JMSException {
        return brokers.connect(BrokerFixture.urlOf(broker)).createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    @Test
    void shouldDeliverOnlyOneOfTwoSendsWithTheSameDuplicateId() throws JMSException {
        final Session session = session(brokers.start(dataDirectory, builder -> builder));
        final Queue queue = session.createQueue("dedup.same");
        final MessageProducer producer = session.createProducer(queue);

        send(session, producer, "first", "order-42");
        send(session, producer, "resend", "order-42");

        assertThat(texts(drain(session.createConsumer(queue), 10))).containsExactly("first");
    }

    @Test
    void shouldDeliverBothSendsWithDifferentDuplicateIds() throws JMSException {
        final Session session = session(brokers.start(dataDirectory, builder -> builder));
        final Queue queue = session.createQueue("dedup.different");
        final MessageProducer producer = session.createProducer(queue);

        send(session, producer, "one", "order-1");
        send(session, producer, "two", "order-2");

        assertThat(texts(drain(session.createConsumer(queue), 10))).containsExactly("one", "two");
    }

    @Test
    void shouldDeliverTheSameMessageObjectSentTwiceWithoutADuplicateIdTwice() throws JMSException {
        final Session session = session(brokers.start(dataDirectory, builder -> builder));
        final Queue queue = session.createQueue("dedup.none");
        final MessageProducer producer = session.createProducer(queue);
        final TextMessage message = session.createTextMessage("twice");

        producer.send(message);
        final String firstId = message.getJMSMessageID();
        producer.send(message);

        assertThat(message.getJMSMessageID()).isNotEqualTo(firstId);
        assertThat(texts(drain(session.createConsumer(queue), 10))).containsExactly("twice", "twice");
    }

    @Test
    void shouldRecogniseAResendWithTheSameDuplicateIdAfterABrokerRestart() throws JMSException {
        final CairnBroker broker = brokers.start(dataDirectory, builder -> builder);
        final Session session = session(broker);
        final Queue queue = session.createQueue("dedup.restart");
        send(session, session.createProducer(queue), "before-restart", "payment-7");
        broker.close();

        final Session after = session(brokers.start(dataDirectory, builder -> builder));
        send(after, after.createProducer(queue), "after-restart", "payment-7");

        assertThat(texts(drain(after.createConsumer(queue), 10))).containsExactly("before-restart");
    }
}
