package org.cairnmq.ra;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.Session;
import jakarta.resource.spi.ActivationSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.cairnmq.ra.inbound.CairnActivationSpec;
import org.cairnmq.ra.outbound.CairnConnectionFactoryHandle;
import org.cairnmq.ra.outbound.CairnManagedConnectionFactory;
import org.cairnmq.ra.support.TestBootstrapContext;
import org.cairnmq.ra.support.TestBranch;
import org.cairnmq.ra.support.TestBrokers;
import org.cairnmq.ra.support.TestConnectionManager;
import org.cairnmq.server.CairnBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transaction manager that is not WildFly's recovers in-doubt branches through
 * {@code getXAResources}: a branch prepared and left in doubt is listed by {@code recover} and can be
 * committed there, also after the broker restarted.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RecoveryIT {

    @TempDir
    Path dataDirectory;

    private final TestBootstrapContext container = new TestBootstrapContext();
    private final CairnResourceAdapter adapter = new CairnResourceAdapter();
    private final TestConnectionManager pool = new TestConnectionManager();
    private CairnBroker broker;

    @AfterEach
    void stop() {
        pool.destroyAll();
        adapter.stop();
        container.close();
        if (broker != null) {
            broker.close();
        }
    }

    private TestBranch prepareASendInDoubt(final String url) throws Exception {
        final CairnManagedConnectionFactory managedFactory = new CairnManagedConnectionFactory();
        managedFactory.setServerUrl(url);
        final CairnConnectionFactoryHandle factory =
            (CairnConnectionFactoryHandle) managedFactory.createConnectionFactory(pool);
        pool.begin();
        try (Connection connection = factory.createConnection()) {
            final Session session = connection.createSession();
            session.createProducer(session.createQueue("ledger")).send(session.createTextMessage("in-doubt"));
        }
        final TestBranch branch = pool.branch();
        branch.prepare();
        return branch;
    }

    private XAResource recoveryResource(final String url) throws Exception {
        adapter.setServerUrl(url);
        adapter.start(container);
        final CairnActivationSpec spec = new CairnActivationSpec();
        spec.setDestination("ledger");
        spec.setResourceAdapter(adapter);
        final XAResource[] resources = adapter.getXAResources(new ActivationSpec[] {spec});
        assertThat(resources).hasSize(1);
        return resources[0];
    }

    private static boolean lists(final XAResource resource, final Xid wanted) throws Exception {
        final Xid[] found = resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);
        return Arrays.stream(found).anyMatch(xid -> xid.getFormatId() == wanted.getFormatId()
            && Arrays.equals(xid.getGlobalTransactionId(), wanted.getGlobalTransactionId())
            && Arrays.equals(xid.getBranchQualifier(), wanted.getBranchQualifier()));
    }

    @Test
    void shouldListAPreparedBranchAndCommitItThroughTheRecoveryResource() throws Exception {
        broker = TestBrokers.start(dataDirectory, Map.of());
        final String url = broker.nameServerUrl();
        final TestBranch branch = prepareASendInDoubt(url);

        final XAResource recovery = recoveryResource(url);

        assertThat(lists(recovery, branch.xid())).isTrue();
        assertThat(TestBrokers.drain(url, "ledger", 300)).isEmpty();
        recovery.commit(branch.xid(), false);
        assertThat(TestBrokers.drain(url, "ledger", 5_000)).containsExactly("in-doubt");
        assertThat(lists(recovery, branch.xid())).isFalse();
    }

    @Test
    void shouldRecoverAPreparedBranchAfterTheBrokerRestarts() throws Exception {
        broker = TestBrokers.start(dataDirectory, Map.of());
        final TestBranch branch = prepareASendInDoubt(broker.nameServerUrl());
        pool.destroyAll();
        broker.close();
        broker = TestBrokers.start(dataDirectory, Map.of());
        final String url = broker.nameServerUrl();

        final XAResource recovery = recoveryResource(url);

        assertThat(lists(recovery, branch.xid())).isTrue();
        recovery.rollback(branch.xid());
        assertThat(lists(recovery, branch.xid())).isFalse();
        assertThat(TestBrokers.drain(url, "ledger", 300)).isEmpty();
    }
}
