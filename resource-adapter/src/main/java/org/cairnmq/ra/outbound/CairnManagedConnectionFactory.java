package org.cairnmq.ra.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.security.PasswordCredential;
import java.io.PrintWriter;
import java.io.Serializable;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.Subject;
import org.cairnmq.ra.CairnResourceAdapter;
import org.cairnmq.ra.ConnectionProperties;
import org.cairnmq.ra.ConnectionSettings;

/**
 * The outbound connection definition: makes the pooled {@link CairnManagedConnection}s and the
 * {@link CairnConnectionFactoryHandle} applications look up. Transaction support is
 * {@code XATransaction}, {@code LocalTransaction} or {@code NoTransaction}, as the pool is configured.
 *
 * <p>Config properties: {@code serverUrl}, {@code user}, {@code password} (unset ones take the resource
 * adapter's), {@code clientId} (set on every pooled connection: use it only with a pool of one).
 *
 * <p>Credentials of a connection, first found wins: the container's {@link PasswordCredential} for
 * this factory (container-managed sign-on), the application's {@code createConnection(user, password)},
 * this factory's, the resource adapter's, the URL's.
 */
public class CairnManagedConnectionFactory
    implements ManagedConnectionFactory, ResourceAdapterAssociation, Serializable {

    private static final long serialVersionUID = 1L;

    private final ConnectionProperties connection = new ConnectionProperties();
    private volatile String clientId;
    private transient volatile ResourceAdapter resourceAdapter;
    private transient volatile PrintWriter logWriter;

    /** Creates the factory; the container sets its properties. */
    public CairnManagedConnectionFactory() {
    }

    @Override
    public Object createConnectionFactory(final ConnectionManager manager) throws ResourceException {
        return new CairnConnectionFactoryHandle(this, manager);
    }

    /** Makes a factory for use outside a container: each handle gets its own, unpooled connection. */
    @Override
    public Object createConnectionFactory() throws ResourceException {
        return new CairnConnectionFactoryHandle(this, new NonManagedConnectionManager());
    }

    @Override
    public ManagedConnection createManagedConnection(final Subject subject, final ConnectionRequestInfo info)
        throws ResourceException {
        return new CairnManagedConnection(this, settingsFor(subject, info), kindOf(info));
    }

    @Override
    public ManagedConnection matchManagedConnections(@SuppressWarnings("rawtypes") final Set candidates,
                                                     final Subject subject, final ConnectionRequestInfo info)
        throws ResourceException {
        final ConnectionSettings wanted = settingsFor(subject, info);
        final HandleKind kind = kindOf(info);
        for (final Object candidate : candidates) {
            if (candidate instanceof CairnManagedConnection managed && managed.factory() == this
                && managed.matches(wanted, kind)) {
                return managed;
            }
        }
        return null;
    }

    /**
     * Returns the settings a connection without application credentials uses.
     *
     * @return the resolved settings
     */
    public ConnectionSettings connectionSettings() {
        final ResourceAdapter adapter = resourceAdapter;
        return connection.resolve(adapter instanceof CairnResourceAdapter cairn ? cairn.connectionProperties() : null);
    }

    private ConnectionSettings settingsFor(final Subject subject, final ConnectionRequestInfo info) {
        final ConnectionSettings base = connectionSettings();
        final PasswordCredential credential = credentialOf(subject);
        if (credential != null) {
            return new ConnectionSettings(base.serverUrl(), credential.getUserName(),
                new String(credential.getPassword()));
        }
        if (info instanceof CairnConnectionRequestInfo request && request.user() != null) {
            return new ConnectionSettings(base.serverUrl(), request.user(), request.password());
        }
        return base;
    }

    private PasswordCredential credentialOf(final Subject subject) {
        if (subject == null) {
            return null;
        }
        for (final PasswordCredential credential : subject.getPrivateCredentials(PasswordCredential.class)) {
            if (credential.getManagedConnectionFactory() == null || equals(credential.getManagedConnectionFactory())) {
                return credential;
            }
        }
        return null;
    }

    private static HandleKind kindOf(final ConnectionRequestInfo info) {
        return info instanceof CairnConnectionRequestInfo request ? request.kind() : HandleKind.CLASSIC;
    }

    @Override
    public void setLogWriter(final PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(final ResourceAdapter adapter) {
        this.resourceAdapter = adapter;
    }

    /** @return the provider URL, or {@code null} for the resource adapter's */
    public String getServerUrl() {
        return connection.getServerUrl();
    }

    /** @param value {@code cairn://host:port[,...][?option=value&...]} */
    public void setServerUrl(final String value) {
        connection.setServerUrl(value);
    }

    /** @return the user, or {@code null} for the resource adapter's */
    public String getUser() {
        return connection.getUser();
    }

    /** @param value the user pooled connections connect as */
    public void setUser(final String value) {
        connection.setUser(value);
    }

    /** @return the password, or {@code null} */
    public String getPassword() {
        return connection.getPassword();
    }

    /** @param value the user's password */
    public void setPassword(final String value) {
        connection.setPassword(value);
    }

    /** @return the client id of pooled connections, or {@code null} */
    public String getClientId() {
        return clientId;
    }

    /** @param value the client id every pooled connection sets (only one connection may hold it at a time) */
    public void setClientId(final String value) {
        this.clientId = value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof CairnManagedConnectionFactory factory && factory.connection.sameAs(connection)
            && Objects.equals(factory.clientId, clientId);
    }

    @Override
    public int hashCode() {
        return connection.valueHash() * 31 + Objects.hashCode(clientId);
    }

    @Override
    public String toString() {
        return "CairnManagedConnectionFactory[" + connectionSettings() + "]";
    }
}
