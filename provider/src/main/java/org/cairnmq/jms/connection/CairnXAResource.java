package org.cairnmq.jms.connection;

import jakarta.jms.JMSException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.cairnmq.client.session.BrokerChannel;
import org.cairnmq.jms.xa.CairnXid;
import org.cairnmq.jms.xa.RecoverScan;
import org.cairnmq.jms.xa.XaErrors;
import org.cairnmq.jms.xa.XaFlags;
import org.cairnmq.protocol.codec.XaCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link XAResource} of a {@link CairnXASession}: a transaction manager associates the session with
 * a branch ({@link #start}) and completes the branch ({@link #prepare}, {@link #commit},
 * {@link #rollback}) over the protocol's XA_* commands (docs/PROTOCOL.md, "XA transactions").
 *
 * <pre>
 *   start(xid, TMNOFLAGS|TMJOIN|TMRESUME)   XA_START(sessionId, fresh txId, flags, timeout, xid); the session's
 *                                           sends name the txId, what it consumes is kept, not acknowledged
 *   end(xid, TMSUCCESS|TMFAIL|TMSUSPEND)    ACK(txId) of what was consumed, then XA_END; the session leaves it
 *   prepare / commit / rollback / forget    XA_PREPARE / XA_COMMIT / XA_ROLLBACK / XA_FORGET to the brokers
 *                                           the branch reached (to every broker of the connection when this
 *                                           resource never associated with it, as in recovery)
 *   recover(flags)                          XA_RECOVER on a TMSTARTRSCAN ({@link RecoverScan})
 * </pre>
 *
 * <p>Branches belong to the broker, so the completion calls work through any Cairn resource whose
 * connection reaches the same broker ({@link #isSameRM}); this is how a transaction manager completes a
 * branch after a crash. A branch touched in several brokers is sent every call on each
 * ({@link XaRequests} says how their answers combine). Closing the session during an association ends it
 * with its work intact (ACK then XA_END TMSUCCESS), so that the transaction manager still decides the
 * outcome; its later {@code end(TMFAIL)} makes the branch roll back at prepare.
 *
 * <p>Thread safety: the calls of a transaction manager may come from any thread and are serialised by this
 * object's monitor; the brokers a branch reached are concurrent, because the session's sending thread
 * adds to them.
 */
public final class CairnXAResource implements XAResource {

    private static final Logger LOG = LoggerFactory.getLogger(CairnXAResource.class);

    /** An association of the session with a branch: the branch and the txId its frames name. */
    private record Association(CairnXid xid, long txId) {
    }

    private final CairnXASession session;
    private final CairnConnection connection;
    private final XaRequests requests;
    private final RecoverScan scan = new RecoverScan();
    private final Map<CairnXid, Set<BrokerChannel>> branches = new ConcurrentHashMap<>();
    private final Map<CairnXid, Long> suspended = new HashMap<>();
    private final Set<CairnXid> endedByClose = new HashSet<>();
    private final Set<CairnXid> rollbackOnly = new HashSet<>();
    private Association active;
    private volatile int timeoutSeconds;

    CairnXAResource(final CairnXASession session, final CairnConnection connection) {
        this.session = session;
        this.connection = connection;
        this.requests = new XaRequests(connection.config().requestTimeoutMs());
    }

    @Override
    public synchronized void start(final Xid xid, final int flags) throws XAException {
        final CairnXid id = XaFlags.checkXid(xid);
        XaFlags.checkStart(flags);
        if (active != null) {
            throw proto("the session is already associated with the branch " + active.xid());
        }
        if (session.isClosed()) {
            throw proto("the session is closed");
        }
        if (flags == TMRESUME && !suspended.containsKey(id)) {
            throw proto("TMRESUME of a branch this resource did not suspend: " + id);
        }
        final long txId = connection.nextId();
        final Collection<BrokerChannel> targets = flags == TMNOFLAGS ? allChannels("XA_START") : channelsOf(id);
        final Set<BrokerChannel> started = requests.start(targets, session.sessionId(), txId, flags, timeoutSeconds,
            id);
        suspended.remove(id);
        endedByClose.remove(id);
        branches.computeIfAbsent(id, key -> ConcurrentHashMap.newKeySet()).addAll(started);
        try {
            session.acks().enterBranch(txId, started, channel -> joinLater(id, txId, channel));
        } catch (final JMSException failure) {
            requests.end(started, session.sessionId(), txId, TMFAIL, id);
            throw fromJms("XA_START", failure);
        }
        active = new Association(id, txId);
    }

    @Override
    public synchronized void end(final Xid xid, final int flags) throws XAException {
        final CairnXid id = XaFlags.checkXid(xid);
        XaFlags.checkEnd(flags);
        if (active == null || !active.xid().equals(id)) {
            endNotActive(id, flags);
            return;
        }
        final Association ending = active;
        active = null;
        XAException ackFailure = null;
        final Set<BrokerChannel> channels = session.acks().branchChannels();
        try {
            session.completions().awaitAll(connection.config().requestTimeoutMs());
            session.acks().leaveBranch();
        } catch (final JMSException failure) {
            ackFailure = fromJms("ACK", failure);
            session.acks().abandonBranch();
        }
        if (ackFailure != null) {
            endQuietly(channels, ending, TMFAIL);
            throw XaErrors.xaException(ackFailure.errorCode == XAException.XAER_RMFAIL ? XAException.XA_RBCOMMFAIL
                : XAException.XA_RBROLLBACK, "CAIRN-J218 The branch " + id + " is rolled back: its work could not "
                + "be handed to the broker: " + ackFailure.getMessage(), ackFailure);
        }
        if (flags == TMSUSPEND) {
            suspended.put(id, ending.txId());
        }
        requests.end(channels, session.sessionId(), ending.txId(), flags, id);
    }

    /** end() of a branch the session is not associated with now: suspended, ended by close, or an error. */
    private void endNotActive(final CairnXid id, final int flags) throws XAException {
        final Long suspendedTxId = suspended.get(id);
        if (suspendedTxId != null && flags != TMSUSPEND) {
            suspended.remove(id);
            requests.end(channelsOf(id), session.sessionId(), suspendedTxId, flags, id);
            return;
        }
        if (endedByClose.contains(id) && flags != TMSUSPEND) {
            endedByClose.remove(id);
            if (flags == TMFAIL) {
                rollbackOnly.add(id);
            }
            return;
        }
        throw proto("end of the branch " + id + ", which this session is not associated with");
    }

    @Override
    public synchronized int prepare(final Xid xid) throws XAException {
        final CairnXid id = checkNotActive(xid);
        if (rollbackOnly.remove(id)) {
            rollbackQuietly(id);
            throw rolledBack(id);
        }
        try {
            final int vote = requests.prepare(channelsOf(id), id);
            if (vote == XaCodec.VOTE_READ_ONLY) {
                branches.remove(id);
                return XA_RDONLY;
            }
            return XA_OK;
        } catch (final XAException failure) {
            forgetUnlessRetryable(id, failure);
            throw failure;
        }
    }

    @Override
    public synchronized void commit(final Xid xid, final boolean onePhase) throws XAException {
        final CairnXid id = checkNotActive(xid);
        if (rollbackOnly.remove(id)) {
            rollbackQuietly(id);
            throw rolledBack(id);
        }
        try {
            requests.commit(channelsOf(id), id, onePhase);
            branches.remove(id);
        } catch (final XAException failure) {
            forgetUnlessRetryable(id, failure);
            throw failure;
        }
    }

    @Override
    public synchronized void rollback(final Xid xid) throws XAException {
        final CairnXid id = XaFlags.checkXid(xid);
        if (active != null && active.xid().equals(id)) {
            final Association ending = active;
            active = null;
            final Set<BrokerChannel> channels = session.acks().branchChannels();
            try {
                session.acks().leaveBranch();
            } catch (final JMSException unacknowledged) {
                LOG.debug("The branch {} rolls back without its acknowledgements: {}", id,
                    unacknowledged.getMessage());
            }
            endQuietly(channels, ending, TMFAIL);
        }
        suspended.remove(id);
        endedByClose.remove(id);
        rollbackOnly.remove(id);
        try {
            requests.rollback(channelsOf(id), id);
            branches.remove(id);
        } catch (final XAException failure) {
            forgetUnlessRetryable(id, failure);
            throw failure;
        }
    }

    @Override
    public synchronized void forget(final Xid xid) throws XAException {
        final CairnXid id = checkNotActive(xid);
        requests.forget(channelsOf(id), id);
        branches.remove(id);
    }

    @Override
    public synchronized Xid[] recover(final int flags) throws XAException {
        return scan.next(flags, () -> requests.recover(allChannels("XA_RECOVER")));
    }

    /**
     * Whether another resource reaches the same brokers, so that a transaction manager may complete this
     * resource's branches through it (and join its branches rather than start new ones).
     *
     * @return true for a Cairn XA resource whose connection is open to the same broker addresses
     */
    @Override
    public boolean isSameRM(final XAResource other) throws XAException {
        if (other == this) {
            return true;
        }
        if (!(other instanceof CairnXAResource cairn)) {
            return false;
        }
        try {
            return addresses(allChannels("isSameRM")).equals(addresses(cairn.allChannels("isSameRM")));
        } catch (final XAException unreachable) {
            return false;
        }
    }

    /**
     * Sets the timeout sent with the next {@link #start}: a branch not prepared within it is rolled back
     * by the broker.
     *
     * @param seconds the timeout; 0 restores the broker's default
     * @return true
     * @throws XAException XAER_INVAL if {@code seconds} is negative
     */
    @Override
    public synchronized boolean setTransactionTimeout(final int seconds) throws XAException {
        if (seconds < 0) {
            throw XaErrors.xaException(XAException.XAER_INVAL, "CAIRN-J219 A transaction timeout must not be "
                + "negative, not " + seconds, null);
        }
        timeoutSeconds = seconds;
        return true;
    }

    /** Returns the timeout set with {@link #setTransactionTimeout}, 0 for the broker's default. */
    @Override
    public synchronized int getTransactionTimeout() {
        return timeoutSeconds;
    }

    /**
     * Ends the association as the session closes, keeping its work: the transaction manager still
     * decides the branch's outcome.
     */
    synchronized void onSessionClosing() {
        if (active == null) {
            return;
        }
        final Association ending = active;
        active = null;
        final Set<BrokerChannel> channels = session.acks().branchChannels();
        try {
            session.completions().awaitAll(connection.config().requestTimeoutMs());
            session.acks().leaveBranch();
            requests.end(channels, session.sessionId(), ending.txId(), TMSUCCESS, ending.xid());
            endedByClose.add(ending.xid());
        } catch (final JMSException | XAException failure) {
            LOG.warn("Session {} closed during the XA branch {}, which could not be ended and will roll back: {}",
                session.sessionId(), ending.xid(), failure.getMessage());
            session.acks().abandonBranch();
            endQuietly(channels, ending, TMFAIL);
            endedByClose.add(ending.xid());
            rollbackOnly.add(ending.xid());
        }
    }

    /** Whether the session is associated with a branch now. */
    synchronized boolean isAssociated() {
        return active != null;
    }

    private void joinLater(final CairnXid id, final long txId, final BrokerChannel channel) throws JMSException {
        try {
            try {
                requests.start(List.of(channel), session.sessionId(), txId, TMNOFLAGS, timeoutSeconds, id);
            } catch (final XAException known) {
                if (known.errorCode != XAException.XAER_DUPID) {
                    throw known;
                }
                requests.start(List.of(channel), session.sessionId(), txId, TMJOIN, timeoutSeconds, id);
            }
            branches.computeIfAbsent(id, key -> ConcurrentHashMap.newKeySet()).add(channel);
        } catch (final XAException refused) {
            final JMSException failure = new JMSException("CAIRN-J220 Broker " + channel.address()
                + " refused to join the XA branch " + id + ": " + refused.getMessage(), "XA_START");
            failure.setLinkedException(refused);
            failure.initCause(refused);
            throw failure;
        }
    }

    private CairnXid checkNotActive(final Xid xid) throws XAException {
        final CairnXid id = XaFlags.checkXid(xid);
        if (active != null && active.xid().equals(id)) {
            throw proto("the session is still associated with the branch " + id + "; end it first");
        }
        return id;
    }

    private Collection<BrokerChannel> channelsOf(final CairnXid id) throws XAException {
        final Set<BrokerChannel> known = branches.get(id);
        return known == null || known.isEmpty() ? allChannels("XA") : new LinkedHashSet<>(known);
    }

    private Collection<BrokerChannel> allChannels(final String operation) throws XAException {
        if (connection.isClosed()) {
            throw XaErrors.xaException(XAException.XAER_RMFAIL, "CAIRN-J228 " + operation + " needs the "
                + "connection of this XA resource, which is closed", null);
        }
        try {
            return connection.brokerChannels();
        } catch (final JMSException unreachable) {
            throw fromJms(operation, unreachable);
        }
    }

    private void forgetUnlessRetryable(final CairnXid id, final XAException failure) {
        if (failure.errorCode == XAException.XAER_NOTA || XaErrors.isRollback(failure.errorCode)) {
            branches.remove(id);
        }
    }

    private void rollbackQuietly(final CairnXid id) {
        try {
            requests.rollback(channelsOf(id), id);
        } catch (final XAException failure) {
            LOG.warn("The rollback-only XA branch {} could not be rolled back now: {}", id, failure.getMessage());
        }
        branches.remove(id);
    }

    private void endQuietly(final Set<BrokerChannel> channels, final Association ending, final int flags) {
        try {
            requests.end(channels, session.sessionId(), ending.txId(), flags, ending.xid());
        } catch (final XAException failure) {
            LOG.debug("XA_END of {} failed: {}", ending.xid(), failure.getMessage());
        }
    }

    private static Set<String> addresses(final Collection<BrokerChannel> channels) {
        final Set<String> addresses = new HashSet<>();
        for (final BrokerChannel channel : channels) {
            addresses.add(channel.address());
        }
        return addresses;
    }

    private static XAException fromJms(final String operation, final JMSException failure) {
        final Throwable cause = failure.getCause() != null ? failure.getCause() : failure.getLinkedException();
        return XaErrors.toXaException(operation, cause != null ? cause : failure);
    }

    private static XAException proto(final String reason) {
        return XaErrors.xaException(XAException.XAER_PROTO, "CAIRN-J221 XA call out of order: " + reason, null);
    }

    private static XAException rolledBack(final CairnXid id) {
        return XaErrors.xaException(XAException.XA_RBROLLBACK, "CAIRN-J222 The branch " + id + " was marked "
            + "rollback-only (end with TMFAIL, or its session closed while it could not be ended) and is rolled back",
            null);
    }
}
