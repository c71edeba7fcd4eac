package org.cairnmq.ra;

import java.io.Serializable;
import java.util.Objects;

/**
 * The connection properties a configurable bean holds ({@code serverUrl}, {@code user},
 * {@code password}), each possibly unset, and how they fall back to another bean's.
 *
 * <p>Design note: the resource adapter, the managed connection factory and the activation spec each
 * expose these properties as JavaBean setters, because the container configures them by name; the
 * values and the fallback rule live here once, so that the three beans only delegate.
 *
 * <p>Thread safety: set by the container before use, read afterwards; the fields are volatile.
 */
public final class ConnectionProperties implements Serializable {

    private static final long serialVersionUID = 1L;

    private volatile String serverUrl;
    private volatile String user;
    private volatile String password;

    /**
     * Returns the provider URL.
     *
     * @return the URL, or {@code null} when unset
     */
    public String getServerUrl() {
        return serverUrl;
    }

    /**
     * Sets the provider URL.
     *
     * @param value {@code cairn://host:port[,...][?option=value&...]}, or {@code null} or empty to unset
     */
    public void setServerUrl(final String value) {
        this.serverUrl = blankToNull(value);
    }

    /**
     * Returns the user.
     *
     * @return the user, or {@code null} when unset
     */
    public String getUser() {
        return user;
    }

    /**
     * Sets the user.
     *
     * @param value the user, or {@code null} or empty to unset
     */
    public void setUser(final String value) {
        this.user = blankToNull(value);
    }

    /**
     * Returns the password.
     *
     * @return the password, or {@code null} when unset
     */
    public String getPassword() {
        return password;
    }

    /**
     * Sets the password.
     *
     * @param value the password, or {@code null} to unset
     */
    public void setPassword(final String value) {
        this.password = value;
    }

    /**
     * Resolves these properties: each unset one takes the fallback's value, and an unset URL the
     * default {@value ConnectionSettings#DEFAULT_SERVER_URL}.
     *
     * @param fallback the properties of the enclosing bean (the resource adapter's), or {@code null}
     * @return the resolved settings
     */
    public ConnectionSettings resolve(final ConnectionProperties fallback) {
        final String url = firstSet(serverUrl, fallback == null ? null : fallback.serverUrl);
        final boolean ownUser = user != null;
        return new ConnectionSettings(url == null ? ConnectionSettings.DEFAULT_SERVER_URL : url,
            ownUser || fallback == null ? user : fallback.user,
            ownUser || fallback == null ? password : fallback.password);
    }

    private static String firstSet(final String first, final String second) {
        return first != null ? first : second;
    }

    private static String blankToNull(final String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * Tells whether two sets hold the same values, for the beans' {@code equals}.
     *
     * @param other the other properties
     * @return whether URL, user and password are equal
     */
    public boolean sameAs(final ConnectionProperties other) {
        return Objects.equals(serverUrl, other.serverUrl) && Objects.equals(user, other.user)
            && Objects.equals(password, other.password);
    }

    /**
     * Returns a hash of the values, for the beans' {@code hashCode}.
     *
     * @return a hash consistent with {@link #sameAs(ConnectionProperties)}
     */
    public int valueHash() {
        return Objects.hash(serverUrl, user, password);
    }
}
