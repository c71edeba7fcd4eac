package org.cairnmq.jms.context;

import static org.cairnmq.jms.context.Unchecked.call;
import static org.cairnmq.jms.context.Unchecked.run;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Topic;
import org.cairnmq.jms.connection.CairnConnection;
import org.cairnmq.jms.connection.CairnMessageConsumer;
import org.cairnmq.jms.connection.CairnSession;
import org.cairnmq.jms.internal.JmsExceptions;

/**
 * The simplified API's {@link JMSContext}: one session over a connection, with unchecked exceptions.
 *
 * <p>The session is created on first use, so that {@link #setClientID(String)} works on a new context
 * as it does on a new connection. Consumers start the connection unless {@link #setAutoStart(boolean)}
 * turned that off. Contexts made with {@link #createContext(int)} share the connection, which closes
 * with the last of them.
 *
 * <p>{@link CairnXAJMSContext} extends it with an XA session.
 *
 * <p>Thread safety: as a session, one thread of control; {@link #close()} may come from any thread.
 */
public class CairnJMSContext extends ContextSessionMethods {

    private final SharedConnection shared;
    private final int sessionMode;
    private volatile boolean autoStart = true;
    private volatile boolean closed;
    private CairnSession session;
    private MessageProducer producer;

    /**
     * Creates a context over a connection a factory just made, the first and owning context.
     *
     * @param connection the new connection
     * @param sessionMode one of the four session modes of {@link JMSContext}
     * @throws JMSRuntimeException if the session mode is not valid (the connection is then closed)
     */
    public CairnJMSContext(final CairnConnection connection, final int sessionMode) {
        this(new SharedConnection(connection), validMode(sessionMode, connection));
    }

    /**
     * Creates a context over a shared connection.
     *
     * @param shared the connection and its count of contexts
     * @param sessionMode the session mode
     */
    CairnJMSContext(final SharedConnection shared, final int sessionMode) {
        this.shared = shared;
        this.sessionMode = sessionMode;
        shared.retain();
    }

    private static int validMode(final int sessionMode, final CairnConnection connection) {
        if (sessionMode < JMSContext.SESSION_TRANSACTED || sessionMode > JMSContext.DUPS_OK_ACKNOWLEDGE) {
            run(connection::close);
            throw new JMSRuntimeException("CAIRN-J080 Invalid session mode " + sessionMode, "ILLEGAL_ARGUMENT");
        }
        return sessionMode;
    }

    @Override
    public JMSContext createContext(final int newSessionMode) {
        checkOpen();
        if (newSessionMode < JMSContext.SESSION_TRANSACTED || newSessionMode > JMSContext.DUPS_OK_ACKNOWLEDGE) {
            throw new JMSRuntimeException("CAIRN-J080 Invalid session mode " + newSessionMode, "ILLEGAL_ARGUMENT");
        }
        return new CairnJMSContext(shared, newSessionMode);
    }

    // ---- the connection

    @Override
    public String getClientID() {
        checkOpen();
        return call(shared.connection()::getClientID);
    }

    @Override
    public void setClientID(final String clientId) {
        checkOpen();
        if (shared.wasShared()) {
            throw new IllegalStateRuntimeException("CAIRN-J083 The client id cannot be set once the connection "
                + "is shared by a second JMSContext", "ILLEGAL_STATE", null);
        }
        run(() -> shared.connection().setClientID(clientId));
    }

    @Override
    public ConnectionMetaData getMetaData() {
        checkOpen();
        return call(shared.connection()::getMetaData);
    }

    @Override
    public ExceptionListener getExceptionListener() {
        checkOpen();
        return call(shared.connection()::getExceptionListener);
    }

    @Override
    public void setExceptionListener(final ExceptionListener listener) {
        checkOpen();
        run(() -> shared.connection().setExceptionListener(listener));
    }

    @Override
    public void start() {
        checkOpen();
        run(shared.connection()::start);
    }

    @Override
    public void stop() {
        checkOpen();
        run(shared.connection()::stop);
    }

    @Override
    public void setAutoStart(final boolean newAutoStart) {
        checkOpen();
        autoStart = newAutoStart;
    }

    @Override
    public boolean getAutoStart() {
        checkOpen();
        return autoStart;
    }

    /**
     * Closes the context's session, waiting for its listeners and asynchronous sends, and the connection
     * when no other context shares it.
     *
     * @throws IllegalStateRuntimeException if called from a message or completion listener of this context
     *     (the context then stays open)
     */
    @Override
    public void close() {
        final CairnSession current;
        synchronized (this) {
            if (closed) {
                return;
            }
            current = session;
        }
        JMSException failure = null;
        if (current != null) {
            try {
                current.close();
            } catch (final IllegalStateException refused) {
                throw JmsExceptions.toJmsRuntimeException(refused);
            } catch (final JMSException closeFailure) {
                failure = closeFailure;
            }
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        run(shared::release);
        if (failure != null) {
            throw JmsExceptions.toJmsRuntimeException(failure);
        }
    }

    // ---- the session

    @Override
    public boolean getTransacted() {
        checkOpen();
        return sessionMode == JMSContext.SESSION_TRANSACTED;
    }

    @Override
    public int getSessionMode() {
        checkOpen();
        return sessionMode;
    }

    // ---- producers and consumers

    @Override
    public JMSProducer createProducer() {
        checkOpen();
        return new CairnJMSProducer(this);
    }

    @Override
    public JMSConsumer createConsumer(final Destination destination) {
        return consumer(() -> session().createConsumer(destination));
    }

    @Override
    public JMSConsumer createConsumer(final Destination destination, final String messageSelector) {
        return consumer(() -> session().createConsumer(destination, messageSelector));
    }

    @Override
    public JMSConsumer createConsumer(final Destination destination, final String messageSelector,
                                      final boolean noLocal) {
        return consumer(() -> session().createConsumer(destination, messageSelector, noLocal));
    }

    @Override
    public JMSConsumer createDurableConsumer(final Topic topic, final String name) {
        return consumer(() -> session().createDurableConsumer(topic, name));
    }

    @Override
    public JMSConsumer createDurableConsumer(final Topic topic, final String name, final String messageSelector,
                                             final boolean noLocal) {
        return consumer(() -> session().createDurableConsumer(topic, name, messageSelector, noLocal));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(final Topic topic, final String name) {
        return consumer(() -> session().createSharedDurableConsumer(topic, name));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(final Topic topic, final String name,
                                                   final String messageSelector) {
        return consumer(() -> session().createSharedDurableConsumer(topic, name, messageSelector));
    }

    @Override
    public JMSConsumer createSharedConsumer(final Topic topic, final String sharedSubscriptionName) {
        return consumer(() -> session().createSharedConsumer(topic, sharedSubscriptionName));
    }

    @Override
    public JMSConsumer createSharedConsumer(final Topic topic, final String sharedSubscriptionName,
                                            final String messageSelector) {
        return consumer(() -> session().createSharedConsumer(topic, sharedSubscriptionName, messageSelector));
    }

    private JMSConsumer consumer(final Unchecked.JmsCall<MessageConsumer> create) {
        final CairnMessageConsumer created = (CairnMessageConsumer) call(create);
        if (autoStart) {
            run(shared.connection()::start);
        }
        return new CairnJMSConsumer(created);
    }

    // ---- what the producers call

    /** The context's one anonymous producer, which every {@link CairnJMSProducer} of it sends through. */
    synchronized MessageProducer producer() throws JMSException {
        final CairnSession current = session();
        if (producer == null) {
            producer = current.createProducer(null);
        }
        return producer;
    }

    /** The context's session, created on first use. */
    @Override
    synchronized CairnSession session() {
        checkOpen();
        if (session == null) {
            session = call(() -> openSession(shared.connection(), sessionMode));
        }
        return session;
    }

    /**
     * Opens the context's session on first use.
     *
     * @param connection the context's connection
     * @param mode the context's session mode
     * @return the session
     * @throws JMSException if the connection cannot make it
     */
    CairnSession openSession(final Connection connection, final int mode) throws JMSException {
        return (CairnSession) connection.createSession(mode);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateRuntimeException("CAIRN-J081 The JMSContext is closed", "ILLEGAL_STATE", null);
        }
    }
}
