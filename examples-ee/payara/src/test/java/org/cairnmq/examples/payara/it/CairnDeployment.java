package org.cairnmq.examples.payara.it;

import java.nio.file.Path;
import java.time.Duration;
import org.cairnmq.examples.payara.EchoMessageBean;

/**
 * The {@code asadmin} steps that put the Cairn resource adapter and the echo application on a running
 * Payara domain, and take them off again: the same steps, in the same order, as the module's README.
 *
 * <pre>
 * create-resource-adapter-config --property serverUrl=cairn\://127.0.0.1\:PORT cairn-ra
 * deploy --type rar --name cairn-ra cairn-ra.rar
 * create-connector-connection-pool --raname cairn-ra --connectiondefinition jakarta.jms.ConnectionFactory
 *     --transactionsupport XATransaction cairn-pool
 * create-connector-resource --poolname cairn-pool jms/cairnConnectionFactory
 * deploy --name cairn-echo cairn-echo.war
 * </pre>
 */
final class CairnDeployment {

    /** The connector connection pool behind {@link EchoMessageBean#CONNECTION_FACTORY}. */
    static final String POOL = "cairn-pool";
    /** The name the application is deployed under. */
    static final String APPLICATION = "cairn-echo";

    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);
    private static final String RESOURCE_ADAPTER = EchoMessageBean.RESOURCE_ADAPTER;

    private CairnDeployment() {
    }

    /**
     * Configures and deploys the adapter, creates the pooled connection factory and deploys the application.
     *
     * @param admin the domain's command runner
     * @param serverUrl the broker's {@code cairn://} URL
     * @param rar the resource adapter archive
     * @param war the application archive
     */
    static void install(final Asadmin admin, final String serverUrl, final Path rar, final Path war) {
        admin.run(COMMAND_TIMEOUT, "create-resource-adapter-config",
            "--property", "serverUrl=" + escapeProperty(serverUrl), RESOURCE_ADAPTER);
        admin.run(COMMAND_TIMEOUT, "deploy", "--type", "rar", "--name", RESOURCE_ADAPTER, rar.toString());
        admin.run(COMMAND_TIMEOUT, "create-connector-connection-pool", "--raname", RESOURCE_ADAPTER,
            "--connectiondefinition", "jakarta.jms.ConnectionFactory", "--transactionsupport", "XATransaction",
            "--steadypoolsize", "0", "--maxpoolsize", "8", POOL);
        admin.run(COMMAND_TIMEOUT, "create-connector-resource", "--poolname", POOL,
            EchoMessageBean.CONNECTION_FACTORY);
        admin.run(COMMAND_TIMEOUT, "deploy", "--name", APPLICATION, war.toString());
    }

    /**
     * Undeploys the application, then the adapter with the resources and configuration that use it.
     *
     * @param admin the domain's command runner
     */
    static void uninstall(final Asadmin admin) {
        try {
            admin.run(COMMAND_TIMEOUT, "undeploy", APPLICATION);
        } finally {
            admin.run(COMMAND_TIMEOUT, "undeploy", "--cascade=true", RESOURCE_ADAPTER);
        }
    }

    /** asadmin's {@code --property} separates pairs with ':', so a URL's colons are escaped. */
    static String escapeProperty(final String value) {
        return value.replace(":", "\\:");
    }
}
