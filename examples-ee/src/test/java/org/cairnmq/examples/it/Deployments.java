package org.cairnmq.examples.it;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cairnmq.examples.it.probe.DataSourceProbe;
import org.cairnmq.examples.it.probe.HeldSendResource;
import org.cairnmq.examples.it.probe.HeldSender;
import org.cairnmq.examples.it.probe.ProbeApplication;
import org.cairnmq.examples.it.probe.SendGates;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archives the tests deploy: the artifacts the build produced (the resource adapter's rar, the
 * example application's war) and a probe application built here from test classes.
 */
public final class Deployments {

    /** Arquillian name of the resource adapter's deployment. */
    public static final String RESOURCE_ADAPTER = "cairn-ra";
    /** Arquillian name of the example application's deployment. */
    public static final String ORDERS_APP = "cairn-orders";
    /** Arquillian name of the probe application's deployment. */
    public static final String PROBE = "cairn-probe";
    /** The example application's REST root. */
    public static final String ORDERS_API = "/cairn-orders/api/orders";
    /** The probe application's REST root. */
    public static final String PROBE_API = "/cairn-probe/probe";

    /** System property: the directory holding {@code cairn-ra.rar}. */
    static final String DEPLOYMENTS_DIR_PROPERTY = "cairn.examples.deploymentsDir";
    /** System property: the example application's war. */
    static final String WAR_PROPERTY = "cairn.examples.war";

    private Deployments() {
    }

    /**
     * Returns the resource adapter the build copied from the resource-adapter module, unchanged: it
     * activates itself with its own {@code META-INF/ironjacamar.xml}. Its deployment name,
     * {@code cairn-ra.rar}, is what the MDB's {@code @ResourceAdapter} and the application's
     * {@code @AdministeredObjectDefinition} and module dependency refer to.
     *
     * @return {@code cairn-ra.rar}
     */
    public static ResourceAdapterArchive resourceAdapter() {
        final Path rar = requiredFile(Path.of(CairnBrokerExtension.requiredProperty(DEPLOYMENTS_DIR_PROPERTY),
            "cairn-ra.rar"), DEPLOYMENTS_DIR_PROPERTY);
        return ShrinkWrap.createFromZipFile(ResourceAdapterArchive.class, rar.toFile());
    }

    /**
     * Returns the example application as the build packaged it.
     *
     * @return {@code cairn-orders.war}
     */
    public static WebArchive ordersApp() {
        final Path war = requiredFile(Path.of(CairnBrokerExtension.requiredProperty(WAR_PROPERTY)), WAR_PROPERTY);
        return ShrinkWrap.createFromZipFile(WebArchive.class, war.toFile());
    }

    /**
     * Builds the probe application with its datasource check only: deployable without the adapter.
     *
     * @return {@code cairn-probe.war}
     */
    public static WebArchive dataSourceProbe() {
        return ShrinkWrap.create(WebArchive.class, PROBE + ".war")
            .addClasses(ProbeApplication.class, DataSourceProbe.class);
    }

    /**
     * Builds the test-only probe application: the datasource check and the held transactional send.
     *
     * @return {@code cairn-probe.war}
     */
    public static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, PROBE + ".war")
            .addClasses(ProbeApplication.class, DataSourceProbe.class, HeldSender.class, HeldSendResource.class,
                SendGates.class, SendGates.Gate.class);
    }

    private static Path requiredFile(final Path file, final String property) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " (from system property " + property + ") does not exist: "
                + "run mvn verify, which builds it before the integration tests");
        }
        return file;
    }
}
