package org.cairnmq.jms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cairnmq.jms.it.JmsTestMessages.QUIET_MS;
import static org.cairnmq.jms.it.JmsTestMessages.RECEIVE_TIMEOUT_MS;
import static org.cairnmq.jms.it.JmsTestMessages.drain;
import static org.cairnmq.jms.it.JmsTestMessages.sendPersistent;
import static org.cairnmq.jms.it.JmsTestMessages.texts;
import static org.cairnmq.jms.it.XaTestSupport.xid;

import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.TransactionInProgressRuntimeException;
import jakarta.jms.XAConnection;
import jakarta.jms.XAJMSContext;
import jakarta.jms.XAQueueConnection;
import jakarta.jms.XASession;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.cairnmq.jms.CairnXAConnectionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JMS face of XA: what XASession and XAJMSContext answer (Jakarta Messaging 3.1 javadoc), and that
 * an XA session outside any branch acknowledges automatically.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class XaApiIT {

    @RegisterExtension
    final BrokerFixture brokers = new BrokerFixture();

    @TempDir
    Path dataDirectory;

    private String url;

    @BeforeEach
    void startBroker() {
        url = BrokerFixture.urlOf(brokers.start(dataDirectory, builder -> builder));
    }

    @Test
    void shouldAnswerAsTheXaSessionJavadocSays() throws JMSException {
        final XASession session = XaTestSupport.connectXa(brokers, url).createXASession();

        assertThat(session.getTransacted()).isTrue();
        assertThat(session.getAcknowledgeMode()).isEqualTo(Session.SESSION_TRANSACTED);
        assertThat(session.getSession()).isSameAs(session);
        assertThat(session.getXAResource()).isSameAs(session.getXAResource());
        assertThatThrownBy(session::commit).isInstanceOf(TransactionInProgressException.class);
        assertThatThrownBy(session::rollback).isInstanceOf(TransactionInProgressException.class);
        assertThatThrownBy(session::recover).isInstanceOf(IllegalStateException.class);
        session.close();
        assertThatThrownBy(session::getTransacted).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldAcknowledgeAutomaticallyOutsideAnyBranch() throws JMSException {
        final Session plain = brokers.connect(url).createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue queue = plain.createQueue("xa.api.auto");
        final XASession session = XaTestSupport.connectXa(brokers, url).createXASession();
        sendPersistent(session, session.createProducer(queue), "auto");

        final MessageConsumer consumer = session.createConsumer(queue);
        assertThat(consumer.receive(RECEIVE_TIMEOUT_MS)).as("a send outside a branch is visible at once").isNotNull();
        session.close();

        assertThat(plain.createConsumer(queue).receive(QUIET_MS)).as("acknowledged on receipt").isNull();
    }

    @Test
    void shouldMakeQueueAndTopicXaSessions() throws JMSException {
        final XAQueueConnection connection = new CairnXAConnectionFactory(url).createXAQueueConnection();
        brokers.track(connection::close);

        assertThat(connection.createXAQueueSession().getQueueSession().getTransacted()).isTrue();
        assertThat(new CairnXAConnectionFactory(url).createXATopicConnection()).satisfies(topics -> {
            brokers.track(topics::close);
            assertThat(topics.createXATopicSession().getTopicSession().getTransacted()).isTrue();
        });
    }

    @Test
    void shouldAnswerAsTheXaJmsContextJavadocSaysAndCommitThroughItsResource() throws Exception {
        final XAJMSContext context = new CairnXAConnectionFactory(url).createXAContext();
        brokers.track(context::close);
        final JMSContext plain = new CairnXAConnectionFactory(url).createContext();
        brokers.track(plain::close);
        final Queue queue = context.createQueue("xa.api.context");
        final Xid xid = xid("context");

        assertThat(context.getTransacted()).isTrue();
        assertThat(context.getSessionMode()).isEqualTo(JMSContext.SESSION_TRANSACTED);
        assertThat(context.getContext()).isSameAs(context);
        assertThatThrownBy(context::commit).isInstanceOf(TransactionInProgressRuntimeException.class);
        assertThatThrownBy(context::rollback).isInstanceOf(TransactionInProgressRuntimeException.class);
        assertThatThrownBy(context::recover).isInstanceOf(IllegalStateRuntimeException.class);

        final XAResource resource = context.getXAResource();
        final JMSConsumer consumer = plain.createConsumer(queue);
        resource.start(xid, XAResource.TMNOFLAGS);
        context.createProducer().send(queue, "from-context");
        resource.end(xid, XAResource.TMSUCCESS);
        assertThat(consumer.receive(QUIET_MS)).isNull();
        resource.commit(xid, true);

        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("from-context");
    }

    @Test
    void shouldKeepTheWorkOfABranchWhoseSessionClosedBeforeEnd() throws Exception {
        final Session plain = brokers.connect(url).createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue queue = plain.createQueue("xa.api.closed");
        final XASession session = XaTestSupport.connectXa(brokers, url).createXASession();
        final XAResource resource = session.getXAResource();
        final Xid xid = xid("closed");

        resource.start(xid, XAResource.TMNOFLAGS);
        sendPersistent(session, session.createProducer(queue), "kept");
        session.close();
        resource.end(xid, XAResource.TMSUCCESS);
        assertThat(resource.prepare(xid)).isEqualTo(XAResource.XA_OK);
        resource.commit(xid, false);

        assertThat(texts(drain(plain.createConsumer(queue), 10))).containsExactly("kept");
    }

    @Test
    void shouldReportTheResourceManagerUnavailableOnceItsConnectionIsClosed() throws Exception {
        final XAConnection connection = XaTestSupport.connectXa(brokers, url);
        final XAResource resource = connection.createXASession().getXAResource();
        final XAResource other = XaTestSupport.connectXa(brokers, url).createXASession().getXAResource();
        assertThat(resource.isSameRM(other)).isTrue();

        connection.close();

        XaTestSupport.assertXaCode(() -> resource.recover(XAResource.TMSTARTRSCAN))
            .isEqualTo(XAException.XAER_RMFAIL);
        XaTestSupport.assertXaCode(() -> resource.commit(xid("after-close"), true))
            .isEqualTo(XAException.XAER_RMFAIL);
        assertThat(resource.isSameRM(other)).isFalse();
    }
}
