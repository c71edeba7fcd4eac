package org.cairnmq.jms.connection;

import jakarta.jms.JMSException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.cairnmq.client.session.BrokerChannel;
import org.cairnmq.client.session.ClientCommands;

/**
 * The XA branch a session is associated with, if any: the branch's txId, the brokers the association
 * started it on, and how to start it on a broker that a send or acknowledgement reaches later.
 *
 * <p>Thread safety: owned by {@link SessionAcks} and used only under its monitor.
 */
final class SessionXaBranch {

    private final Set<BrokerChannel> channels = new LinkedHashSet<>();
    private long txId = ClientCommands.NO_TRANSACTION;
    private BranchJoin join;

    /** Makes a broker that an XA branch's send or acknowledgement reaches for the first time part of the branch. */
    @FunctionalInterface
    interface BranchJoin {

        /**
         * Starts the branch on a broker (XA_START).
         *
         * @param channel the broker
         * @throws JMSException if the broker refuses
         */
        void join(BrokerChannel channel) throws JMSException;
    }

    /**
     * Associates the session with a branch.
     *
     * @param branchTxId the txId the XA_START named
     * @param started the brokers the branch was started on
     * @param branchJoin starts the branch on a broker the association reaches later
     */
    void enter(final long branchTxId, final Set<BrokerChannel> started, final BranchJoin branchJoin) {
        channels.clear();
        channels.addAll(started);
        join = branchJoin;
        txId = branchTxId;
    }

    /** Ends the association. */
    void leave() {
        channels.clear();
        join = null;
        txId = ClientCommands.NO_TRANSACTION;
    }

    /** Whether the session is associated with a branch. */
    boolean isActive() {
        return txId != ClientCommands.NO_TRANSACTION;
    }

    /** The branch's txId, or none. */
    long txId() {
        return txId;
    }

    /** A copy of the brokers the association started the branch on. */
    Set<BrokerChannel> channels() {
        return new LinkedHashSet<>(channels);
    }

    /**
     * Makes a broker part of the branch the first time the association reaches it.
     *
     * @param channel the broker
     * @throws JMSException if the broker refuses to join (it is then not counted as part of the branch)
     */
    void join(final BrokerChannel channel) throws JMSException {
        if (channels.add(channel)) {
            try {
                join.join(channel);
            } catch (final JMSException refused) {
                channels.remove(channel);
                throw refused;
            }
        }
    }
}
