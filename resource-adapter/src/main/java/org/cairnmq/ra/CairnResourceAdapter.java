package org.cairnmq.ra;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.transaction.xa.XAResource;
import org.cairnmq.client.ClientConnector;
import org.cairnmq.ra.inbound.CairnActivationSpec;
import org.cairnmq.ra.inbound.EndpointActivation;
import org.cairnmq.ra.inbound.InboundContext;

/**
 * The Cairn resource adapter: the container starts it once per deployment of {@code cairn-ra.rar}.
 * It activates message-driven beans ({@link CairnActivationSpec}), lends its connection properties
 * to the outbound connection factories and activation specs that leave them unset, and gives the
 * transaction manager {@link XAResource}s for recovery.
 *
 * <p>Config properties: {@code serverUrl} (default {@value ConnectionSettings#DEFAULT_SERVER_URL}),
 * {@code user}, {@code password}.
 *
 * <p>Thread safety: the container calls {@link #start}, {@link #stop} and the activation methods from
 * any thread; the activations live in a concurrent map.
 */
public class CairnResourceAdapter implements ResourceAdapter {

    /** How long {@link #stop()} waits for the client's I/O threads to end. */
    private static final long CLIENT_THREADS_STOP_MS = 5_000L;

    private static final System.Logger LOG = System.getLogger(CairnResourceAdapter.class.getName());

    private final ConnectionProperties connection = new ConnectionProperties();
    private final Map<ActivationKey, EndpointActivation> activations = new ConcurrentHashMap<>();
    private final RecoveryResources recovery = new RecoveryResources();
    private volatile InboundContext inbound;

    /** Creates the adapter; the container sets its properties and calls {@link #start}. */
    public CairnResourceAdapter() {
    }

    @Override
    public void start(final BootstrapContext context) throws ResourceAdapterInternalException {
        try {
            this.inbound = new InboundContext(context.getWorkManager(), context.createTimer());
        } catch (final UnavailableException noTimer) {
            throw new ResourceAdapterInternalException("CAIRN-RA005 the container gives no timer", noTimer);
        }
        LOG.log(System.Logger.Level.INFO, "CAIRN-RA001 Cairn resource adapter started for {0}",
            connection.resolve(null));
    }

    @Override
    public void stop() {
        activations.values().forEach(EndpointActivation::stop);
        activations.clear();
        recovery.close();
        final InboundContext current = inbound;
        if (current != null) {
            current.close();
        }
        awaitClientThreads();
        LOG.log(System.Logger.Level.INFO, "CAIRN-RA002 Cairn resource adapter stopped");
    }

    /**
     * The container unloads the adapter's classes after {@link #stop()}: wait (bounded) for the
     * client's I/O threads to end, so none runs on into unloaded classes. An application that still
     * holds a connection of its own keeps them alive, and the wait gives up after its bound.
     */
    private static void awaitClientThreads() {
        try {
            if (!ClientConnector.awaitThreadsStopped(CLIENT_THREADS_STOP_MS)) {
                LOG.log(System.Logger.Level.DEBUG, "CAIRN-RA004 client threads still run after the adapter stopped: "
                    + "another adapter instance or an application still has a Cairn connection open");
            }
        } catch (final InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void endpointActivation(final MessageEndpointFactory factory, final ActivationSpec spec)
        throws ResourceException {
        final CairnActivationSpec cairnSpec = cairnSpec(spec);
        final InboundContext context = inbound;
        if (context == null) {
            throw new ResourceAdapterInternalException("CAIRN-RA003 the resource adapter is not started");
        }
        final EndpointActivation activation = new EndpointActivation(factory, cairnSpec.toConfig(), context);
        activation.start();
        final EndpointActivation previous = activations.put(new ActivationKey(factory, cairnSpec), activation);
        if (previous != null) {
            previous.stop();
        }
    }

    @Override
    public void endpointDeactivation(final MessageEndpointFactory factory, final ActivationSpec spec) {
        final EndpointActivation activation = activations.remove(new ActivationKey(factory, spec));
        if (activation != null) {
            activation.stop();
        }
    }

    /**
     * Returns one recovery resource per distinct server and user among the specs; each connects on
     * first use and stays connected until the adapter stops, so any transaction manager can
     * {@code recover}, {@code commit} and {@code rollback} in-doubt branches through it.
     *
     * @param specs the activation specs of the endpoints the container knows
     * @return the resources, never {@code null}
     */
    @Override
    public XAResource[] getXAResources(final ActivationSpec[] specs) throws ResourceException {
        if (specs == null) {
            return new XAResource[0];
        }
        final Map<ConnectionSettings, XAResource> resources = new LinkedHashMap<>();
        for (final ActivationSpec spec : specs) {
            final ConnectionSettings settings = cairnSpec(spec).toConfig().connection();
            resources.computeIfAbsent(settings, recovery::resourceFor);
        }
        return resources.values().toArray(new XAResource[0]);
    }

    /**
     * Returns the adapter's connection properties, the fallback of the beans that leave theirs unset.
     *
     * @return the properties
     */
    public ConnectionProperties connectionProperties() {
        return connection;
    }

    /** @return the provider URL, or {@code null} for the default */
    public String getServerUrl() {
        return connection.getServerUrl();
    }

    /** @param value {@code cairn://host:port[,...][?option=value&...]} */
    public void setServerUrl(final String value) {
        connection.setServerUrl(value);
    }

    /** @return the default user, or {@code null} */
    public String getUser() {
        return connection.getUser();
    }

    /** @param value the user connections and activations use unless they set their own */
    public void setUser(final String value) {
        connection.setUser(value);
    }

    /** @return the default password, or {@code null} */
    public String getPassword() {
        return connection.getPassword();
    }

    /** @param value the default user's password */
    public void setPassword(final String value) {
        connection.setPassword(value);
    }

    private static CairnActivationSpec cairnSpec(final ActivationSpec spec) throws NotSupportedException {
        if (!(spec instanceof CairnActivationSpec cairnSpec)) {
            throw new NotSupportedException("CAIRN-RA004 not a Cairn activation spec: " + spec);
        }
        return cairnSpec;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof CairnResourceAdapter adapter && adapter.connection.sameAs(connection);
    }

    @Override
    public int hashCode() {
        return connection.valueHash();
    }

    /** Identifies an activation as the container does: by factory and spec instance. */
    private record ActivationKey(MessageEndpointFactory factory, ActivationSpec spec) {

        @Override
        public boolean equals(final Object other) {
            return other instanceof ActivationKey key && key.factory == factory && key.spec == spec;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(factory) * 31 + System.identityHashCode(spec);
        }
    }
}
