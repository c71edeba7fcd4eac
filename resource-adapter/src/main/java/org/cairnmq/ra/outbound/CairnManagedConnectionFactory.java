package org.cairnmq.ra.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.security.PasswordCredential;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.Subject;
import org.cairnmq.ra.ConnectionPropertiesBean;
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
public class CairnManagedConnectionFactory extends ConnectionPropertiesBean
    implements ManagedConnectionFactory, ResourceAdapterAssociation {

    private static final long serialVersionUID = 1L;

    private volatile String clientId;
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
        return resolveConnection();
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
            // A blank user is no credential (IronJacamar turns an unset ${cairn.recovery.user:} into ""):
            // the factory's or the adapter's user applies instead.
            final boolean blank = credential.getUserName() == null || credential.getUserName().isBlank();
            if (!blank && (credential.getManagedConnectionFactory() == null
                || equals(credential.getManagedConnectionFactory()))) {
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
        return other instanceof CairnManagedConnectionFactory factory
            && factory.ownConnectionProperties().sameAs(ownConnectionProperties())
            && Objects.equals(factory.clientId, clientId);
    }

    @Override
    public int hashCode() {
        return ownConnectionProperties().valueHash() * 31 + Objects.hashCode(clientId);
    }

    @Override
    public String toString() {
        return "CairnManagedConnectionFactory[" + connectionSettings() + "]";
    }
}
