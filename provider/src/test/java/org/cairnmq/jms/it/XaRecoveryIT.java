package org.cairnmq.jms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairnmq.jms.it.JmsTestMessages.QUIET_MS;
import static org.cairnmq.jms.it.JmsTestMessages.RECEIVE_TIMEOUT_MS;
import static org.cairnmq.jms.it.JmsTestMessages.drain;
import static org.cairnmq.jms.it.JmsTestMessages.sendPersistent;
import static org.cairnmq.jms.it.JmsTestMessages.texts;
import static org.cairnmq.jms.it.XaTestSupport.xid;

import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.cairnmq.jms.xa.CairnXid;
import org.cairnmq.server.CairnBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a transaction manager's recovery relies on: a prepared branch is reported by {@code recover()}
 * through any connection to the broker, also after the broker restarted, and is completed there; and a
 * producer's resend in a later branch adds no second copy.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class XaRecoveryIT {

    /** The vendor property that names a message for duplicate detection. */
    private static final String DUPLICATE_ID = "JMS_Cairn_DuplicateID";

    @RegisterExtension
    final BrokerFixture brokers = new BrokerFixture();

    @TempDir
    Path dataDirectory;

    private static List<CairnXid> recoverAll(final XAResource resource) throws XAException {
        final Xid[] found = resource.recover(XAResource.TMSTARTRSCAN);
        assertThat(resource.recover(XAResource.TMNOFLAGS)).isEmpty();
        assertThat(resource.recover(XAResource.TMENDRSCAN)).isEmpty();
        return Arrays.stream(found).map(CairnXid::of).toList();
    }

    @Test
    void shouldReportAPreparedBranchToAnotherConnectionWhichCommitsIt() throws Exception {
        final String url = BrokerFixture.urlOf(brokers.start(dataDirectory, builder -> builder));
        final XASession preparing = XaTestSupport.connectXa(brokers, url).createXASession();
        final XAResource recovering = XaTestSupport.connectXa(brokers, url).createXASession().getXAResource();
        final Queue queue = preparing.createQueue("xa.recover.other");
        final Xid xid = xid("other-connection");
        preparing.getXAResource().start(xid, XAResource.TMNOFLAGS);
        sendPersistent(preparing, preparing.createProducer(queue), "recovered");
        preparing.getXAResource().end(xid, XAResource.TMSUCCESS);
        preparing.getXAResource().prepare(xid);

        assertThat(recovering.isSameRM(preparing.getXAResource())).isTrue();
        assertThat(recoverAll(recovering)).containsExactly(CairnXid.of(xid));
        recovering.commit(xid, false);

        final Session plain = brokers.connect(url).createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThat(texts(drain(plain.createConsumer(queue), 10))).containsExactly("recovered");
        assertThat(recoverAll(recovering)).isEmpty();
    }

    @Test
    void shouldKeepAPreparedBranchAcrossABrokerRestartAndCommitItThen() throws Exception {
        CairnBroker broker = brokers.start(dataDirectory, builder -> builder);
        String url = BrokerFixture.urlOf(broker);
        final Session seeding = brokers.connect(url).createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue sent = seeding.createQueue("xa.restart.sent");
        final Queue consumed = seeding.createQueue("xa.restart.consumed");
        sendPersistent(seeding, seeding.createProducer(consumed), "held", "free");
        final XAConnection before = XaTestSupport.connectXa(brokers, url);
        final XASession session = before.createXASession();
        final MessageConsumer consumer = session.createConsumer(consumed);
        final Xid xid = xid("restart");
        session.getXAResource().start(xid, XAResource.TMNOFLAGS);
        sendPersistent(session, session.createProducer(sent), "prepared-send");
        assertThat(((TextMessage) consumer.receive(RECEIVE_TIMEOUT_MS)).getText()).isEqualTo("held");
        session.getXAResource().end(xid, XAResource.TMSUCCESS);
        assertThat(session.getXAResource().prepare(xid)).isEqualTo(XAResource.XA_OK);
        before.close();
        broker.close();

        broker = brokers.start(dataDirectory, builder -> builder);
        url = BrokerFixture.urlOf(broker);
        final Session plain = brokers.connect(url).createSession(false, Session.AUTO_ACKNOWLEDGE);
        final MessageConsumer sentConsumer = plain.createConsumer(sent);
        final MessageConsumer consumedConsumer = plain.createConsumer(consumed);
        assertThat(sentConsumer.receive(QUIET_MS)).as("the prepared send stays invisible").isNull();
        assertThat(texts(drain(consumedConsumer, 10))).as("the held message stays held").containsExactly("free");
        final XAResource recovering = XaTestSupport.connectXa(brokers, url).createXASession().getXAResource();
        assertThat(recoverAll(recovering)).containsExactly(CairnXid.of(xid));
        recovering.commit(xid, false);

        assertThat(texts(drain(sentConsumer, 10))).containsExactly("prepared-send");
        assertThat(consumedConsumer.receive(QUIET_MS)).as("the held message is acknowledged").isNull();
        assertThat(recoverAll(recovering)).isEmpty();
    }

    @Test
    void shouldAddNoSecondCopyWhenALaterBranchResendsACommittedMessage() throws Exception {
        final String url = BrokerFixture.urlOf(brokers.start(dataDirectory, builder -> builder));
        final XASession session = XaTestSupport.connectXa(brokers, url).createXASession();
        final Queue queue = session.createQueue("xa.dedup");
        final MessageProducer producer = session.createProducer(queue);
        final XAResource resource = session.getXAResource();
        final Xid first = xid("dedup-first");
        final Xid resend = xid("dedup-resend");

        resource.start(first, XAResource.TMNOFLAGS);
        sendWithDuplicateId(session, producer, "original", "order-17");
        resource.end(first, XAResource.TMSUCCESS);
        resource.commit(first, true);
        resource.start(resend, XAResource.TMNOFLAGS);
        sendWithDuplicateId(session, producer, "resent", "order-17");
        resource.end(resend, XAResource.TMSUCCESS);
        resource.prepare(resend);
        resource.commit(resend, false);

        final Session plain = brokers.connect(url).createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThat(texts(drain(plain.createConsumer(queue), 10))).containsExactly("original");
    }

    private static void sendWithDuplicateId(final Session session, final MessageProducer producer, final String text,
                                            final String duplicateId) throws JMSException {
        final TextMessage message = session.createTextMessage(text);
        message.setStringProperty(DUPLICATE_ID, duplicateId);
        producer.send(message);
    }
}
