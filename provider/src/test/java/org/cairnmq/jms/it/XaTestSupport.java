package org.cairnmq.jms.it;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.XAConnection;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import javax.transaction.xa.XAException;
import javax.transaction.xa.Xid;
import org.assertj.core.api.AbstractIntegerAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.cairnmq.jms.CairnXAConnectionFactory;

/** Helpers of the XA integration tests: xids as a transaction manager makes them, XA connections, XAException codes. */
final class XaTestSupport {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private XaTestSupport() {
    }

    /** An xid of a transaction manager's own class, to prove the provider needs no xid of its own. */
    record TmXid(int formatId, byte[] gtrid, byte[] bqual) implements Xid {
        @Override
        public int getFormatId() {
            return formatId;
        }

        @Override
        public byte[] getGlobalTransactionId() {
            return gtrid.clone();
        }

        @Override
        public byte[] getBranchQualifier() {
            return bqual.clone();
        }
    }

    /**
     * A fresh xid.
     *
     * @param name a readable part of its global transaction id
     * @return the xid
     */
    static Xid xid(final String name) {
        return new TmXid(0x1234, (name + "-" + SEQUENCE.incrementAndGet()).getBytes(StandardCharsets.UTF_8),
            new byte[] {1});
    }

    /**
     * Opens a started XA connection, closed after the test.
     *
     * @param brokers the fixture
     * @param url the factory URL
     * @return the connection
     * @throws JMSException if it cannot be opened
     */
    static XAConnection connectXa(final BrokerFixture brokers, final String url) throws JMSException {
        final XAConnection connection = new CairnXAConnectionFactory(url).createXAConnection();
        brokers.track(connection::close);
        connection.start();
        return connection;
    }

    /**
     * Asserts that a call throws an XAException and returns an assertion on its code.
     *
     * @param call the XA call
     * @return an assertion on {@code XAException.errorCode}
     */
    static AbstractIntegerAssert<?> assertXaCode(final ThrowingCallable call) {
        final Throwable[] thrown = new Throwable[1];
        assertThatThrownBy(() -> {
            try {
                call.call();
            } catch (final Throwable failure) {
                thrown[0] = failure;
                throw failure;
            }
        }).isInstanceOf(XAException.class);
        return Assertions.assertThat(((XAException) thrown[0]).errorCode).as("XAException code of " + thrown[0]);
    }
}
