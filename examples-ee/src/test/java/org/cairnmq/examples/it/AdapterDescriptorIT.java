package org.cairnmq.examples.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.cairnmq.examples.it.probe.AdapterResourcesProbe;
import org.cairnmq.examples.it.probe.ProbeApplication;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The resource adapter deployed as it is built, with no resource-adapters subsystem entry, activates
 * itself from its own {@code META-INF/ironjacamar.xml}: the connection factory and the two queues it
 * declares are bound, and the factory connects to the broker named by the system property
 * {@code cairn.serverUrl} (the test broker's port, not the descriptor's default 9876, where nothing
 * listens).
 */
@CairnEeTest
@RunAsClient
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AdapterDescriptorIT {

    private static final String PROBE = "cairn-adapter-probe";

    @Deployment(name = Deployments.RESOURCE_ADAPTER, order = 1, testable = false)
    static ResourceAdapterArchive resourceAdapter() {
        return Deployments.resourceAdapter();
    }

    @Deployment(name = PROBE, order = 2, testable = false)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, PROBE + ".war")
            .addClasses(ProbeApplication.class, AdapterResourcesProbe.class);
    }

    @Test
    void shouldBindTheDescriptorsResourcesAndConnectToTheBrokerOfTheSystemProperty() {
        assertThat(Http.get("/" + PROBE + "/probe/adapter")).isEqualTo("DLQ,ExpiryQueue,true");
    }
}
