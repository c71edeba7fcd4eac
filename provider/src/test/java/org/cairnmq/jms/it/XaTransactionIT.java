package org.cairnmq.jms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairnmq.jms.it.JmsTestMessages.QUIET_MS;
import static org.cairnmq.jms.it.JmsTestMessages.RECEIVE_TIMEOUT_MS;
import static org.cairnmq.jms.it.JmsTestMessages.drain;
import static org.cairnmq.jms.it.JmsTestMessages.sendPersistent;
import static org.cairnmq.jms.it.JmsTestMessages.texts;
import static org.cairnmq.jms.it.XaTestSupport.assertXaCode;
import static org.cairnmq.jms.it.XaTestSupport.xid;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.cairnmq.server.CairnBroker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An XA session driven through its XAResource as a transaction manager would, against an embedded
 * broker: sends and acknowledgements of a branch take effect only at commit, and the XA rules of
 * start, end, prepare, commit and rollback answer with the XAException codes the XA specification gives.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class XaTransactionIT {

    @RegisterExtension
    final BrokerFixture brokers = new BrokerFixture();

    @TempDir
    Path dataDirectory;

    private String url;
    private XAConnection xaConnection;
    private Session plain;

    @BeforeEach
    void startBroker() throws JMSException {
        final CairnBroker broker = brokers.start(dataDirectory, builder -> builder);
        url = BrokerFixture.urlOf(broker);
        xaConnection = XaTestSupport.connectXa(brokers, url);
        plain = brokers.connect(url).createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    private void sendInBranch(final XASession session, final Queue queue, final Xid xid, final String text)
        throws JMSException, XAException {
        final XAResource resource = session.getXAResource();
        resource.start(xid, XAResource.TMNOFLAGS);
        sendPersistent(session, session.createProducer(queue), text);
        resource.end(xid, XAResource.TMSUCCESS);
    }

    @Test
    void shouldMakeABranchsSendVisibleOnlyAtTwoPhaseCommit() throws Exception {
        final XASession session = xaConnection.createXASession();
        final Queue queue = session.createQueue("xa.two-phase");
        final MessageConsumer consumer = plain.createConsumer(queue);
        final Xid xid = xid("two-phase");

        sendInBranch(session, queue, xid, "committed");
        assertThat(consumer.receive(QUIET_MS)).as("invisible after end").isNull();
        assertThat(session.getXAResource().prepare(xid)).isEqualTo(XAResource.XA_OK);
        assertThat(consumer.receive(QUIET_MS)).as("invisible after prepare").isNull();
        session.getXAResource().commit(xid, false);

        assertThat(texts(drain(consumer, 10))).containsExactly("committed");
    }

    @Test
    void shouldMakeABranchsSendVisibleAtOnePhaseCommit() throws Exception {
        final XASession session = xaConnection.createXASession();
        final Queue queue = session.createQueue("xa.one-phase");
        final MessageConsumer consumer = plain.createConsumer(queue);
        final Xid xid = xid("one-phase");

        sendInBranch(session, queue, xid, "one-phase");
        assertThat(consumer.receive(QUIET_MS)).isNull();
        session.getXAResource().commit(xid, true);

        assertThat(texts(drain(consumer, 10))).containsExactly("one-phase");
    }

    @Test
    void shouldDiscardABranchsSendOnRollbackBeforeAndAfterPrepare() throws Exception {
        final XASession session = xaConnection.createXASession();
        final Queue queue = session.createQueue("xa.rollback");
        final MessageConsumer consumer = plain.createConsumer(queue);
        final Xid unprepared = xid("rollback-unprepared");
        final Xid prepared = xid("rollback-prepared");

        sendInBranch(session, queue, unprepared, "never-1");
        session.getXAResource().rollback(unprepared);
        sendInBranch(session, queue, prepared, "never-2");
        session.getXAResource().prepare(prepared);
        session.getXAResource().rollback(prepared);

        assertThat(consumer.receive(QUIET_MS)).isNull();
    }

    @Test
    void shouldRedeliverAMessageReceivedInARolledBackBranchAsRedelivered() throws Exception {
        final Queue queue = plain.createQueue("xa.receive-rollback");
        sendPersistent(plain, plain.createProducer(queue), "work");
        final XASession session = xaConnection.createXASession();
        final MessageConsumer consumer = session.createConsumer(queue);
        final XAResource resource = session.getXAResource();
        final Xid xid = xid("receive-rollback");

        resource.start(xid, XAResource.TMNOFLAGS);
        final Message first = consumer.receive(RECEIVE_TIMEOUT_MS);
        resource.end(xid, XAResource.TMSUCCESS);
        resource.prepare(xid);
        resource.rollback(xid);
        final Xid retry = xid("receive-retry");
        resource.start(retry, XAResource.TMNOFLAGS);
        final Message again = consumer.receive(RECEIVE_TIMEOUT_MS);
        resource.end(retry, XAResource.TMSUCCESS);
        resource.commit(retry, true);

        assertThat(((TextMessage) first).getText()).isEqualTo("work");
        assertThat(first.getJMSRedelivered()).isFalse();
        assertThat(again).as("redelivered after the rollback").isNotNull();
        assertThat(((TextMessage) again).getText()).isEqualTo("work");
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        session.close();
        assertThat(plain.createConsumer(queue).receive(QUIET_MS)).as("gone after the commit").isNull();
    }

    @Test
    void shouldRemoveAMessageReceivedInACommittedBranch() throws Exception {
        final Queue queue = plain.createQueue("xa.receive-commit");
        sendPersistent(plain, plain.createProducer(queue), "consumed");
        final XASession session = xaConnection.createXASession();
        final MessageConsumer consumer = session.createConsumer(queue);
        final XAResource resource = session.getXAResource();
        final Xid xid = xid("receive-commit");

        resource.start(xid, XAResource.TMNOFLAGS);
        assertThat(consumer.receive(RECEIVE_TIMEOUT_MS)).isNotNull();
        resource.end(xid, XAResource.TMSUCCESS);
        assertThat(resource.prepare(xid)).isEqualTo(XAResource.XA_OK);
        resource.commit(xid, false);
        xaConnection.close();

        assertThat(plain.createConsumer(queue).receive(QUIET_MS)).isNull();
    }

    @Test
    void shouldVoteReadOnlyForABranchWithNoWork() throws Exception {
        final XAResource resource = xaConnection.createXASession().getXAResource();
        final Xid xid = xid("read-only");

        resource.start(xid, XAResource.TMNOFLAGS);
        resource.end(xid, XAResource.TMSUCCESS);

        assertThat(resource.prepare(xid)).isEqualTo(XAResource.XA_RDONLY);
    }

    @Test
    void shouldRefuseASecondStartOfTheSameXidAsDuplicate() throws Exception {
        final XAResource first = xaConnection.createXASession().getXAResource();
        final XAResource second = xaConnection.createXASession().getXAResource();
        final Xid xid = xid("duplicate");

        first.start(xid, XAResource.TMNOFLAGS);

        assertXaCode(() -> second.start(xid, XAResource.TMNOFLAGS)).isEqualTo(XAException.XAER_DUPID);
        first.end(xid, XAResource.TMSUCCESS);
        first.rollback(xid);
    }

    @Test
    void shouldAnswerUnknownXidForACommitOfABranchNobodyStarted() throws Exception {
        final XAResource resource = xaConnection.createXASession().getXAResource();

        assertXaCode(() -> resource.commit(xid("unknown"), false)).isEqualTo(XAException.XAER_NOTA);
        assertXaCode(() -> resource.commit(xid("unknown-1pc"), true)).isEqualTo(XAException.XAER_NOTA);
    }

    @Test
    void shouldKeepBothPartsOfASuspendedAndResumedBranchAndSendOutsideItAtOnce() throws Exception {
        final XASession session = xaConnection.createXASession();
        final Queue queue = session.createQueue("xa.suspend");
        final MessageProducer producer = session.createProducer(queue);
        final MessageConsumer consumer = plain.createConsumer(queue);
        final XAResource resource = session.getXAResource();
        final Xid xid = xid("suspend");

        resource.start(xid, XAResource.TMNOFLAGS);
        sendPersistent(session, producer, "before-suspend");
        resource.end(xid, XAResource.TMSUSPEND);
        sendPersistent(session, producer, "outside");
        assertThat(texts(drain(consumer, 10))).as("only the send outside the branch").containsExactly("outside");
        resource.start(xid, XAResource.TMRESUME);
        sendPersistent(session, producer, "after-resume");
        resource.end(xid, XAResource.TMSUCCESS);
        assertThat(consumer.receive(QUIET_MS)).isNull();
        resource.commit(xid, true);

        assertThat(texts(drain(consumer, 10))).containsExactly("before-suspend", "after-resume");
    }

    @Test
    void shouldCommitTheWorkOfTwoSessionsThatJoinedOneBranch() throws Exception {
        final XASession first = xaConnection.createXASession();
        final XASession second = xaConnection.createXASession();
        final Queue queue = first.createQueue("xa.join");
        final MessageConsumer consumer = plain.createConsumer(queue);
        final Xid xid = xid("join");

        assertThat(first.getXAResource().isSameRM(second.getXAResource())).isTrue();
        first.getXAResource().start(xid, XAResource.TMNOFLAGS);
        second.getXAResource().start(xid, XAResource.TMJOIN);
        sendPersistent(first, first.createProducer(queue), "from-first");
        sendPersistent(second, second.createProducer(queue), "from-second");
        first.getXAResource().end(xid, XAResource.TMSUCCESS);
        second.getXAResource().end(xid, XAResource.TMSUCCESS);
        assertThat(first.getXAResource().prepare(xid)).isEqualTo(XAResource.XA_OK);
        assertThat(consumer.receive(QUIET_MS)).isNull();
        first.getXAResource().commit(xid, false);

        assertThat(texts(drain(consumer, 10))).containsExactlyInAnyOrder("from-first", "from-second");
    }

    @Test
    void shouldRollBackABranchEndedWithFailAtPrepare() throws Exception {
        final XASession session = xaConnection.createXASession();
        final Queue queue = session.createQueue("xa.fail");
        final XAResource resource = session.getXAResource();
        final Xid xid = xid("fail");

        resource.start(xid, XAResource.TMNOFLAGS);
        sendPersistent(session, session.createProducer(queue), "failed-work");
        resource.end(xid, XAResource.TMFAIL);

        assertXaCode(() -> resource.prepare(xid)).isBetween(XAException.XA_RBBASE, XAException.XA_RBEND);
        assertThat(plain.createConsumer(queue).receive(QUIET_MS)).isNull();
    }

    @Test
    void shouldCheckArgumentsAndCallOrderOnTheClient() throws Exception {
        final XAResource resource = xaConnection.createXASession().getXAResource();
        final Xid xid = xid("order");

        assertXaCode(() -> resource.start(null, XAResource.TMNOFLAGS)).isEqualTo(XAException.XAER_INVAL);
        assertXaCode(() -> resource.start(xid, XAResource.TMSUCCESS)).isEqualTo(XAException.XAER_INVAL);
        assertXaCode(() -> resource.end(xid, XAResource.TMSUCCESS)).isEqualTo(XAException.XAER_PROTO);
        assertXaCode(() -> resource.start(xid, XAResource.TMRESUME)).isEqualTo(XAException.XAER_PROTO);
        resource.start(xid, XAResource.TMNOFLAGS);
        assertXaCode(() -> resource.start(xid("other"), XAResource.TMNOFLAGS)).isEqualTo(XAException.XAER_PROTO);
        assertXaCode(() -> resource.prepare(xid)).isEqualTo(XAException.XAER_PROTO);
        assertXaCode(() -> resource.end(xid, XAResource.TMNOFLAGS)).isEqualTo(XAException.XAER_INVAL);
        resource.end(xid, XAResource.TMSUCCESS);
        assertXaCode(() -> resource.recover(XAResource.TMJOIN)).isEqualTo(XAException.XAER_INVAL);
        assertThat(resource.prepare(xid)).isEqualTo(XAResource.XA_RDONLY);
    }

    @Test
    void shouldKeepTheTransactionTimeoutForTheNextStart() throws Exception {
        final XAResource resource = xaConnection.createXASession().getXAResource();

        assertThat(resource.getTransactionTimeout()).isZero();
        assertThat(resource.setTransactionTimeout(30)).isTrue();
        assertThat(resource.getTransactionTimeout()).isEqualTo(30);
        assertXaCode(() -> resource.setTransactionTimeout(-1)).isEqualTo(XAException.XAER_INVAL);
        final Xid xid = xid("timeout-kept");
        resource.start(xid, XAResource.TMNOFLAGS);
        resource.end(xid, XAResource.TMSUCCESS);
        assertThat(resource.prepare(xid)).isEqualTo(XAResource.XA_RDONLY);
    }

    @Test
    void shouldRollBackABranchWhoseTimeoutPassedBeforePrepare() throws Exception {
        final XASession session = xaConnection.createXASession();
        final Queue queue = session.createQueue("xa.timeout");
        final MessageConsumer consumer = plain.createConsumer(queue);
        final XAResource resource = session.getXAResource();
        resource.setTransactionTimeout(1);
        final Xid xid = xid("timeout");

        sendInBranch(session, queue, xid, "too-late");
        assertThat(consumer.receive(2_500)).as("nothing visible while the timeout passes").isNull();

        assertXaCode(() -> resource.prepare(xid)).isEqualTo(XAException.XA_RBTIMEOUT);
        assertThat(consumer.receive(QUIET_MS)).isNull();
    }
}
