package org.cairnmq.jms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairnmq.jms.it.JmsTestMessages.QUIET_MS;
import static org.cairnmq.jms.it.JmsTestMessages.drain;
import static org.cairnmq.jms.it.JmsTestMessages.sendPersistent;
import static org.cairnmq.jms.it.JmsTestMessages.texts;
import static org.cairnmq.jms.it.XaTestSupport.assertXaCode;
import static org.cairnmq.jms.it.XaTestSupport.xid;

import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.XASession;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.cairnmq.jms.xa.CairnXid;
import org.cairnmq.protocol.codec.XaXid;
import org.cairnmq.server.CairnBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator decides a prepared branch on the broker (its transaction manager is gone); when the
 * manager comes back, the XAResource reports the outcome with the heuristic XAException codes, never
 * silently, and lists the branch in recover until the manager forgets it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class XaHeuristicIT {

    @RegisterExtension
    final BrokerFixture brokers = new BrokerFixture();

    @TempDir
    Path dataDirectory;

    private static XaXid wire(final Xid xid) {
        return new XaXid(xid.getFormatId(), xid.getGlobalTransactionId(), xid.getBranchQualifier());
    }

    @Test
    void shouldReportAHeuristicCommitAndAHeuristicRollbackWithTheirCodesUntilForgotten() throws Exception {
        final CairnBroker broker = brokers.start(dataDirectory, builder -> builder);
        final String url = BrokerFixture.urlOf(broker);
        final XASession session = XaTestSupport.connectXa(brokers, url).createXASession();
        final XAResource resource = session.getXAResource();
        final Queue queue = session.createQueue("xa.heuristic");
        final Xid committed = prepared(session, queue, "committed by the operator");
        final Xid rolledBack = prepared(session, queue, "rolled back by the operator");

        broker.transactions().completeHeuristically(wire(committed), true).join();
        broker.transactions().completeHeuristically(wire(rolledBack), false).join();

        assertThat(resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).extracting(CairnXid::of)
            .containsExactlyInAnyOrder(CairnXid.of(committed), CairnXid.of(rolledBack));
        assertXaCode(() -> resource.commit(committed, false)).isEqualTo(XAException.XA_HEURCOM);
        assertXaCode(() -> resource.rollback(committed)).isEqualTo(XAException.XA_HEURCOM);
        assertXaCode(() -> resource.commit(rolledBack, false)).isEqualTo(XAException.XA_HEURRB);
        assertXaCode(() -> resource.forget(xid("unknown"))).isEqualTo(XAException.XAER_NOTA);
        resource.forget(committed);
        resource.forget(rolledBack);
        assertThat(resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).isEmpty();

        final Session plain = brokers.connect(url).createSession(false, Session.AUTO_ACKNOWLEDGE);
        final MessageConsumer consumer = plain.createConsumer(queue);
        assertThat(texts(drain(consumer, 10))).containsExactly("committed by the operator");
        assertThat(consumer.receive(QUIET_MS)).isNull();
    }

    private static Xid prepared(final XASession session, final Queue queue, final String text) throws Exception {
        final Xid xid = xid("heuristic");
        session.getXAResource().start(xid, XAResource.TMNOFLAGS);
        sendPersistent(session, session.createProducer(queue), text);
        session.getXAResource().end(xid, XAResource.TMSUCCESS);
        assertThat(session.getXAResource().prepare(xid)).isEqualTo(XAResource.XA_OK);
        return xid;
    }
}
