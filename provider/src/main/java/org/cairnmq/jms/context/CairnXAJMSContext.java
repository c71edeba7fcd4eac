package org.cairnmq.jms.context;

import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.TransactionInProgressRuntimeException;
import jakarta.jms.XAJMSContext;
import javax.transaction.xa.XAResource;
import org.cairnmq.jms.connection.CairnSession;
import org.cairnmq.jms.connection.CairnXAConnection;
import org.cairnmq.jms.connection.CairnXASession;

/**
 * The simplified API's {@link XAJMSContext}: a context whose session is a {@link CairnXASession}, so its
 * sends and receipts belong to the XA branch its {@link #getXAResource() XA resource} is associated
 * with (and are acknowledged automatically outside any branch).
 *
 * <p>As the specification requires, {@link #getTransacted()} is true, {@link #getSessionMode()} is
 * SESSION_TRANSACTED, {@link #commit()} and {@link #rollback()} throw
 * {@link TransactionInProgressRuntimeException} and {@link #recover()} throws
 * {@link jakarta.jms.IllegalStateRuntimeException}. {@link #createContext(int)} makes an ordinary,
 * non-XA context on the same connection.
 *
 * <p>Thread safety: as a session, one thread of control; {@link #close()} may come from any thread.
 */
public final class CairnXAJMSContext extends CairnJMSContext implements XAJMSContext {

    /**
     * Creates an XA context over a connection an XA connection factory just made; it owns the connection.
     *
     * @param connection the new XA connection
     */
    public CairnXAJMSContext(final CairnXAConnection connection) {
        super(new SharedConnection(connection), JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    CairnSession openSession(final Connection connection, final int mode) throws JMSException {
        return ((CairnXAConnection) connection).createCairnXASession();
    }

    /** Returns this context, which is also the JMSContext view. */
    @Override
    public JMSContext getContext() {
        session();
        return this;
    }

    /** Returns the XA resource of the context's session, creating the session if needed. */
    @Override
    public XAResource getXAResource() {
        return ((CairnXASession) session()).getXAResource();
    }

    /** Always true. */
    @Override
    public boolean getTransacted() {
        session();
        return true;
    }

    /** Always SESSION_TRANSACTED. */
    @Override
    public int getSessionMode() {
        session();
        return Session.SESSION_TRANSACTED;
    }

    /**
     * Refuses: the transaction manager commits through the XA resource.
     *
     * @throws TransactionInProgressRuntimeException always
     */
    @Override
    public void commit() {
        session();
        throw new TransactionInProgressRuntimeException("CAIRN-J226 commit() is not allowed on an XAJMSContext; "
            + "the transaction manager commits through its XAResource", "TRANSACTION_IN_PROGRESS");
    }

    /**
     * Refuses: the transaction manager rolls back through the XA resource.
     *
     * @throws TransactionInProgressRuntimeException always
     */
    @Override
    public void rollback() {
        session();
        throw new TransactionInProgressRuntimeException("CAIRN-J227 rollback() is not allowed on an "
            + "XAJMSContext; the transaction manager rolls back through its XAResource", "TRANSACTION_IN_PROGRESS");
    }
}
