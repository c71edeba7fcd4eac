package org.cairnmq.jms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairnmq.jms.it.JmsTestMessages.QUIET_MS;
import static org.cairnmq.jms.it.JmsTestMessages.RECEIVE_TIMEOUT_MS;
import static org.cairnmq.jms.it.JmsTestMessages.drain;
import static org.cairnmq.jms.it.JmsTestMessages.sendPersistent;
import static org.cairnmq.jms.it.JmsTestMessages.texts;
import static org.cairnmq.jms.it.XaTestSupport.xid;

import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.cairnmq.jms.xa.CairnXid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prepared XA branches survive a broker process killed with SIGKILL: after the restart
 * {@code recover()} reports them, their acknowledged messages stay held and their sends invisible,
 * and the transaction manager's commit or rollback then completes each one.
 *
 * <pre>
 *  child broker ─► branch A (receive "a-in", send "a-out") prepared
 *               ─► branch B (receive "b-in", send "b-out") prepared
 *               ─► branch C (send "c-out") started, never prepared
 *  kill -9 ─► new child on the same data directory ─► recover = {A, B} ─► commit A, roll back B
 *  ─► out: "a-out" only; in: "b-in" again (redelivered), never "a-in"
 * </pre>
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class XaBrokerKillIT {

    @RegisterExtension
    final BrokerFixture brokers = new BrokerFixture();

    @TempDir
    Path dataDirectory;

    @Test
    void shouldCompletePreparedBranchesAfterTheBrokerIsKilled() throws Exception {
        ChildBroker child = brokers.startChild(dataDirectory);
        final Session seeding = brokers.connect(child.nameServerUrl()).createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue in = seeding.createQueue("xa.kill.in");
        final Queue out = seeding.createQueue("xa.kill.out");
        sendPersistent(seeding, seeding.createProducer(in), "a-in", "b-in");

        final XAConnection connection = XaTestSupport.connectXa(brokers, child.nameServerUrl());
        final Xid committed = prepareBranch(connection, in, out, "a");
        final Xid rolledBack = prepareBranch(connection, in, out, "b");
        final XASession open = connection.createXASession();
        open.getXAResource().start(xid("never-prepared"), XAResource.TMNOFLAGS);
        sendPersistent(open, open.createProducer(out), "c-out");

        child.kill();
        child = brokers.startChild(dataDirectory);

        final XAResource recovering = XaTestSupport.connectXa(brokers, child.nameServerUrl()).createXASession()
            .getXAResource();
        final List<CairnXid> inDoubt = Arrays.stream(
            recovering.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).map(CairnXid::of).toList();
        assertThat(inDoubt).containsExactlyInAnyOrder(CairnXid.of(committed), CairnXid.of(rolledBack));

        final Session plain = brokers.connect(child.nameServerUrl()).createSession(false, Session.AUTO_ACKNOWLEDGE);
        final MessageConsumer outConsumer = plain.createConsumer(out);
        final MessageConsumer inConsumer = plain.createConsumer(in);
        assertThat(outConsumer.receive(QUIET_MS)).as("prepared sends stay invisible after the kill").isNull();
        assertThat(inConsumer.receive(QUIET_MS)).as("held messages stay held after the kill").isNull();

        recovering.commit(committed, false);
        recovering.rollback(rolledBack);

        assertThat(texts(drain(outConsumer, 10))).as("only the committed branch's send").containsExactly("a-out");
        final TextMessage back = (TextMessage) inConsumer.receive(RECEIVE_TIMEOUT_MS);
        assertThat(back.getText()).isEqualTo("b-in");
        assertThat(back.getJMSRedelivered()).isTrue();
        assertThat(back.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        assertThat(inConsumer.receive(QUIET_MS)).as("the committed branch's message stays acknowledged").isNull();
        assertThat(recovering.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).isEmpty();
        assertThat(child.stop()).isZero();
    }

    /** One branch on its own session: receives the next message of {@code in}, sends "<name>-out", prepares. */
    private static Xid prepareBranch(final XAConnection connection, final Queue in, final Queue out, final String name)
        throws Exception {
        final XASession session = connection.createXASession();
        final XAResource resource = session.getXAResource();
        final Xid xid = xid(name);
        resource.start(xid, XAResource.TMNOFLAGS);
        final MessageConsumer consumer = session.createConsumer(in);
        assertThat(((TextMessage) consumer.receive(RECEIVE_TIMEOUT_MS)).getText()).isEqualTo(name + "-in");
        sendPersistent(session, session.createProducer(out), name + "-out");
        resource.end(xid, XAResource.TMSUCCESS);
        assertThat(resource.prepare(xid)).isEqualTo(XAResource.XA_OK);
        consumer.close();
        return xid;
    }
}
