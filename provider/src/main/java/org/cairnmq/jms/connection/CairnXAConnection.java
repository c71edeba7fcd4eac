package org.cairnmq.jms.connection;

import jakarta.jms.JMSException;
import jakarta.jms.XAQueueConnection;
import jakarta.jms.XAQueueSession;
import jakarta.jms.XASession;
import jakarta.jms.XATopicConnection;
import jakarta.jms.XATopicSession;
import org.cairnmq.client.session.ConnectionOpener;

/**
 * A connection whose {@link CairnXASession}s take part in XA transactions. It is otherwise a
 * {@link CairnConnection}: {@code createSession} makes ordinary (local-transaction or acknowledging)
 * sessions, as the specification leaves their use undefined on an XA connection.
 *
 * <p>Thread safety: every method may be called from any thread, as the specification requires.
 */
public final class CairnXAConnection extends CairnConnection implements XAQueueConnection, XATopicConnection {

    /**
     * Creates an XA connection and authenticates with a broker.
     *
     * @param config the factory settings
     * @param opener opens protocol connections
     * @param user the user, or {@code null}
     * @param password the password, or {@code null}
     * @param queueDomainOnly whether it is an {@code XAQueueConnection} that refuses topic-only methods
     * @throws JMSException as {@link CairnConnection#CairnConnection} does
     */
    public CairnXAConnection(final ConnectionConfig config, final ConnectionOpener opener, final String user,
                             final String password, final boolean queueDomainOnly) throws JMSException {
        super(config, opener, user, password);
        if (queueDomainOnly) {
            restrictToQueues();
        }
    }

    @Override
    public XASession createXASession() throws JMSException {
        return createCairnXASession(SessionDomain.UNIFIED);
    }

    @Override
    public XAQueueSession createXAQueueSession() throws JMSException {
        return createCairnXASession(SessionDomain.QUEUE);
    }

    @Override
    public XATopicSession createXATopicSession() throws JMSException {
        return createCairnXASession(SessionDomain.TOPIC);
    }

    /**
     * Creates an XA session of the unified API, for {@code XAJMSContext}.
     *
     * @return the session
     * @throws JMSException if the connection is closed or failed
     */
    public CairnXASession createCairnXASession() throws JMSException {
        return createCairnXASession(SessionDomain.UNIFIED);
    }

    private CairnXASession createCairnXASession(final SessionDomain domain) throws JMSException {
        return addSession(sessionId -> new CairnXASession(this, sessionId, domain));
    }
}
