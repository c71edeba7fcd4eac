package org.cairnmq.ra;

import java.util.Objects;
import org.cairnmq.jms.CairnXAConnectionFactory;

/**
 * Where and as whom the adapter connects: a resolved, immutable set of the connection properties
 * that the resource adapter, the managed connection factory and the activation spec share.
 *
 * @param serverUrl the provider URL, {@code cairn://host:port[,...][?option=value&...]}
 * @param user the user, or {@code null} for the URL's default
 * @param password the password, or {@code null} for the URL's default
 */
public record ConnectionSettings(String serverUrl, String user, String password) {

    /** The URL used when neither the bean nor the resource adapter sets one. */
    public static final String DEFAULT_SERVER_URL = "cairn://localhost:9876";

    /** Checks the URL. */
    public ConnectionSettings {
        Objects.requireNonNull(serverUrl, "serverUrl");
    }

    /**
     * Makes the provider's XA connection factory for these settings.
     *
     * @return a new factory; its plain {@code createConnection} makes non-XA connections
     * @throws IllegalArgumentException if the URL is not a valid Cairn URL
     */
    public CairnXAConnectionFactory xaConnectionFactory() {
        return new CairnXAConnectionFactory(serverUrl);
    }

    /**
     * Returns these settings with one more URL option, for options such as {@code prefetch}.
     *
     * @param name the option name
     * @param value the option value
     * @return the settings with {@code name=value} appended to the URL
     */
    public ConnectionSettings withUrlOption(final String name, final String value) {
        final String separator = serverUrl.contains("?") ? "&" : "?";
        return new ConnectionSettings(serverUrl + separator + name + "=" + value, user, password);
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + serverUrl.replaceAll("password=[^&]*", "password=***") + ", user=" + user + "]";
    }
}
