package org.cairnmq.benchmarks.load;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Properties;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The provider objects a run needs, looked up once through JNDI: a ConnectionFactory and a Queue.
 *
 * <p>Immutable and shared by all worker threads; JMS connection factories and destinations are
 * thread-safe.
 *
 * @param connectionFactory the provider's factory
 * @param queue the queue every scenario uses
 * @param user user for {@code createConnection(user, password)}, or null
 * @param password password, or null
 */
public record JmsEndpoint(ConnectionFactory connectionFactory, Queue queue, String user, String password) {

    /**
     * Loads the jndi.properties file, builds an InitialContext from it, and looks up the factory
     * and queue; the context is closed before returning.
     */
    public static JmsEndpoint lookup(LoadConfig config) {
        Properties environment = new Properties();
        try (Reader reader = Files.newBufferedReader(config.jndiFile(), StandardCharsets.UTF_8)) {
            environment.load(reader);
        } catch (IOException e) {
            throw new LoadToolException("cannot read JNDI file " + config.jndiFile(), e);
        }
        Context context = null;
        try {
            context = new InitialContext(environment);
            ConnectionFactory factory = (ConnectionFactory) context.lookup(config.factoryName());
            Queue queue = (Queue) context.lookup(config.queueName());
            return new JmsEndpoint(factory, queue, config.user(), config.password());
        } catch (NamingException | ClassCastException e) {
            throw new LoadToolException("JNDI lookup of '" + config.factoryName() + "' / '"
                    + config.queueName() + "' from " + config.jndiFile() + " failed: " + e, e);
        } finally {
            closeQuietly(context);
        }
    }

    /** Opens a new, not yet started connection; the caller owns and closes it. */
    public Connection connect() throws JMSException {
        return user == null
                ? connectionFactory.createConnection()
                : connectionFactory.createConnection(user, password);
    }

    private static void closeQuietly(Context context) {
        if (context == null) {
            return;
        }
        try {
            context.close();
        } catch (NamingException e) {
            // Design note: the looked-up objects stay valid; a failing close only leaks the context.
            System.err.println("jms-load: closing the JNDI context failed: " + e);
        }
    }
}
