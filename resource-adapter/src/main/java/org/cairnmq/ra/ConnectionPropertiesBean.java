package org.cairnmq.ra;

import jakarta.resource.spi.ResourceAdapter;
import java.io.Serializable;

/**
 * A bean the container associates with the resource adapter and configures with the connection
 * properties {@code serverUrl}, {@code user} and {@code password}; the unset ones take the resource
 * adapter's. The managed connection factory and the activation spec extend it.
 *
 * <p>Design note: the container finds config properties by their JavaBean setters, so each bean must
 * expose them; they are declared here once, and the values and fallback rule live in
 * {@link ConnectionProperties}. The resource adapter keeps its own setters: it is the fallback, and
 * unlike these beans it is not serializable.
 *
 * <p>Thread safety: set by the container before use, read afterwards; the fields are volatile.
 */
public abstract class ConnectionPropertiesBean implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ConnectionProperties connection = new ConnectionProperties();
    private transient volatile ResourceAdapter resourceAdapter;

    /** Creates the bean with every connection property unset. */
    protected ConnectionPropertiesBean() {
    }

    /** @return the resource adapter the container associated with this bean, or {@code null} */
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    /** @param adapter the resource adapter whose connection properties the unset ones take */
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

    /** @param value the user to connect as */
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

    /**
     * Resolves the connection properties: unset ones take the associated resource adapter's.
     *
     * @return the resolved settings
     */
    protected final ConnectionSettings resolveConnection() {
        final ResourceAdapter adapter = resourceAdapter;
        return connection.resolve(adapter instanceof CairnResourceAdapter cairn ? cairn.connectionProperties() : null);
    }

    /**
     * Returns this bean's own connection properties, for the subclasses' {@code equals} and {@code hashCode}.
     *
     * @return the properties
     */
    protected final ConnectionProperties ownConnectionProperties() {
        return connection;
    }
}
