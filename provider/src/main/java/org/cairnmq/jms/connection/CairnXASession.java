package org.cairnmq.jms.connection;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TopicSession;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.XAQueueSession;
import jakarta.jms.XATopicSession;
import javax.transaction.xa.XAResource;

/**
 * A session whose transaction boundaries come from its {@link XAResource} ({@link CairnXAResource}).
 *
 * <p>Between {@code start} and {@code end} of a branch its sends and acknowledgements belong to the
 * branch: visible or applied only when the branch commits. Outside any branch it behaves as an
 * AUTO_ACKNOWLEDGE session. As the specification requires, {@link #getTransacted()} is true,
 * {@link #getAcknowledgeMode()} is SESSION_TRANSACTED, {@link #commit()} and {@link #rollback()} throw
 * {@link TransactionInProgressException} and {@link #recover()} throws {@link IllegalStateException}.
 *
 * <p>Thread safety: as a session, one thread of control; the XA resource may be driven from another.
 */
public final class CairnXASession extends CairnSession implements XAQueueSession, XATopicSession {

    private final CairnXAResource resource;

    CairnXASession(final CairnConnection connection, final long sessionId, final SessionDomain domain) {
        super(connection, sessionId, Session.AUTO_ACKNOWLEDGE, domain);
        this.resource = new CairnXAResource(this, connection);
    }

    @Override
    public XAResource getXAResource() {
        return resource;
    }

    /** Returns this session: its work belongs to the XA branch it is associated with. */
    @Override
    public Session getSession() throws JMSException {
        checkOpen();
        return this;
    }

    @Override
    public QueueSession getQueueSession() throws JMSException {
        checkOpen();
        return this;
    }

    @Override
    public TopicSession getTopicSession() throws JMSException {
        checkOpen();
        return this;
    }

    /** Always true. */
    @Override
    public boolean getTransacted() throws JMSException {
        checkOpen();
        return true;
    }

    /** Always SESSION_TRANSACTED, as {@link #getTransacted()} is true. */
    @Override
    public int getAcknowledgeMode() throws JMSException {
        checkOpen();
        return Session.SESSION_TRANSACTED;
    }

    /**
     * Refuses: the transaction manager commits through the XA resource.
     *
     * @throws TransactionInProgressException always (IllegalStateException when closed)
     */
    @Override
    public void commit() throws JMSException {
        checkOpen();
        throw new TransactionInProgressException("CAIRN-J223 commit() is not allowed on an XASession; the "
            + "transaction manager commits through its XAResource", "TRANSACTION_IN_PROGRESS");
    }

    /**
     * Refuses: the transaction manager rolls back through the XA resource.
     *
     * @throws TransactionInProgressException always (IllegalStateException when closed)
     */
    @Override
    public void rollback() throws JMSException {
        checkOpen();
        throw new TransactionInProgressException("CAIRN-J224 rollback() is not allowed on an XASession; the "
            + "transaction manager rolls back through its XAResource", "TRANSACTION_IN_PROGRESS");
    }

    /**
     * Refuses, as on every transacted session.
     *
     * @throws IllegalStateException always
     */
    @Override
    public void recover() throws JMSException {
        checkOpen();
        throw new IllegalStateException("CAIRN-J225 recover() is not allowed on an XASession", "ILLEGAL_STATE");
    }

    /**
     * Closes the session. An association with a branch is ended first with its work intact
     * ({@link CairnXAResource}), so the transaction manager still completes the branch; the resource stays
     * usable for prepare, commit, rollback and recover.
     */
    @Override
    public void close() throws JMSException {
        if (!isClosed() && !isListenerThread()) {
            resource.onSessionClosing();
        }
        super.close();
    }
}
