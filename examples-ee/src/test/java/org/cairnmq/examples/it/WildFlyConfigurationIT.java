package org.cairnmq.examples.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Checks the server the build configured (configure-wildfly.cli) before any messaging: the orders XA
 * datasource is H2, stored in a file under the server's data directory so it survives kill -9.
 */
@CairnEeTest
@RunAsClient
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class WildFlyConfigurationIT {

    @Deployment(testable = false)
    static WebArchive probe() {
        return Deployments.dataSourceProbe();
    }

    @Test
    void shouldServeTheOrdersDatabaseFromAnH2FileUnderTheServerDataDirectory() {
        final String description = Http.get(Deployments.PROBE_API + "/datasource");

        assertThat(description).startsWith("H2 ").contains("jdbc:h2:file:")
            .contains("standalone/data/cairn-examples/orders");
    }
}
