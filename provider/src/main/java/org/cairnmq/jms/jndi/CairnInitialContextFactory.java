package org.cairnmq.jms.jndi;

import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.naming.ConfigurationException;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.spi.InitialContextFactory;
import org.cairnmq.jms.CairnConnectionFactory;
import org.cairnmq.jms.destination.CairnQueue;
import org.cairnmq.jms.destination.CairnTopic;

/**
 * A JNDI initial context factory that builds Cairn's administered objects from the environment, so
 * that a plain Java SE application can look them up from a {@code jndi.properties} file:
 *
 * <pre>
 *   java.naming.factory.initial = org.cairnmq.jms.jndi.CairnInitialContextFactory
 *   java.naming.provider.url    = cairn://localhost:9876        (bound as "ConnectionFactory")
 *   connectionFactory.orders    = cairn://ns1:9876,ns2:9876?prefetch=10
 *   queue.jms/Orders            = orders                        (JNDI name = physical queue name)
 *   topic.prices                = prices.eu
 * </pre>
 *
 * The context is read-only and flat: every name after the prefix, dots and slashes included, is one
 * name.
 *
 * <p>A value may hold {@code ${name}} or {@code ${name:default}} placeholders, replaced by the system
 * property {@code name} (or the default) when the context is created, so that a {@code jndi.properties}
 * file can point at a broker whose address is known only at run time:
 * {@code connectionFactory.orders = ${orders.url:cairn://localhost:9876}}.
 */
public class CairnInitialContextFactory implements InitialContextFactory {

    /** The prefix of a connection factory entry; its value is the factory URL. */
    public static final String CONNECTION_FACTORY_PREFIX = "connectionFactory.";

    /** The prefix of a queue entry; its value is the physical queue name. */
    public static final String QUEUE_PREFIX = "queue.";

    /** The prefix of a topic entry; its value is the physical topic name. */
    public static final String TOPIC_PREFIX = "topic.";

    /** The name the factory of {@code java.naming.provider.url} is bound under. */
    public static final String DEFAULT_CONNECTION_FACTORY_NAME = "ConnectionFactory";

    /** Creates the factory; JNDI instantiates it by class name. */
    public CairnInitialContextFactory() {
    }

    @Override
    public Context getInitialContext(final Hashtable<?, ?> environment) throws NamingException {
        final Hashtable<Object, Object> copy = new Hashtable<>();
        if (environment != null) {
            copy.putAll(environment);
        }
        return new ReadOnlyContext(copy, bindings(copy));
    }

    private static Map<String, Object> bindings(final Hashtable<Object, Object> environment) throws NamingException {
        final Map<String, Object> bindings = new LinkedHashMap<>();
        final Object providerUrl = environment.get(Context.PROVIDER_URL);
        if (providerUrl instanceof String url && !url.isBlank()) {
            bindings.put(DEFAULT_CONNECTION_FACTORY_NAME, factory(DEFAULT_CONNECTION_FACTORY_NAME, url.trim()));
        }
        for (final Map.Entry<Object, Object> entry : environment.entrySet()) {
            if (!(entry.getKey() instanceof String key) || !(entry.getValue() instanceof String raw)) {
                continue;
            }
            final String value = expandPlaceholders(key, raw);
            if (key.startsWith(CONNECTION_FACTORY_PREFIX)) {
                final String name = nameAfter(CONNECTION_FACTORY_PREFIX, key);
                bindings.put(name, factory(name, value.trim()));
            } else if (key.startsWith(QUEUE_PREFIX)) {
                bindings.put(nameAfter(QUEUE_PREFIX, key), new CairnQueue(value.trim()));
            } else if (key.startsWith(TOPIC_PREFIX)) {
                bindings.put(nameAfter(TOPIC_PREFIX, key), new CairnTopic(value.trim()));
            }
        }
        return bindings;
    }

    /**
     * Replaces every {@code ${name}} or {@code ${name:default}} in a value by the system property.
     *
     * @param key the entry, for the error message
     * @param value the value as written
     * @return the value with its placeholders replaced
     * @throws ConfigurationException if a placeholder is not closed, or names an unset property
     *     without a default
     */
    static String expandPlaceholders(final String key, final String value) throws ConfigurationException {
        final StringBuilder expanded = new StringBuilder(value.length());
        int from = 0;
        int start = value.indexOf("${", from);
        while (start >= 0) {
            final int end = value.indexOf('}', start + 2);
            if (end < 0) {
                throw new ConfigurationException("CAIRN-N006 The entry '" + key + "' has an unclosed '${' in '"
                    + value + "'");
            }
            expanded.append(value, from, start).append(resolve(key, value.substring(start + 2, end)));
            from = end + 1;
            start = value.indexOf("${", from);
        }
        return expanded.append(value, from, value.length()).toString();
    }

    private static String resolve(final String key, final String placeholder) throws ConfigurationException {
        final int colon = placeholder.indexOf(':');
        final String property = colon < 0 ? placeholder : placeholder.substring(0, colon);
        final String resolved = System.getProperty(property, colon < 0 ? null : placeholder.substring(colon + 1));
        if (resolved == null) {
            throw new ConfigurationException("CAIRN-N007 The entry '" + key + "' names the system property '"
                + property + "', which is not set and has no default");
        }
        return resolved;
    }

    private static String nameAfter(final String prefix, final String key) throws NamingException {
        final String name = key.substring(prefix.length());
        if (name.isEmpty()) {
            throw new ConfigurationException("CAIRN-N001 The entry '" + key + "' has no name after the prefix");
        }
        return name;
    }

    private static CairnConnectionFactory factory(final String name, final String url) throws NamingException {
        try {
            return new CairnConnectionFactory(url);
        } catch (final IllegalArgumentException invalid) {
            final ConfigurationException exception =
                new ConfigurationException("CAIRN-N002 Connection factory '" + name + "': " + invalid.getMessage());
            exception.setRootCause(invalid);
            throw exception;
        }
    }
}
