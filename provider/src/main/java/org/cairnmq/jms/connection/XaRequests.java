package org.cairnmq.jms.connection;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javax.transaction.xa.XAException;
import org.cairnmq.client.RequestTimeoutException;
import org.cairnmq.client.session.BrokerChannel;
import org.cairnmq.jms.xa.CairnXid;
import org.cairnmq.jms.xa.XaErrors;
import org.cairnmq.protocol.codec.BodyWriter;
import org.cairnmq.protocol.codec.XaCodec;
import org.cairnmq.protocol.codec.XaXid;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.command.ProtocolException;

/**
 * Sends the XA_* commands to one or more brokers and turns their answers into results or
 * {@link XAException}s ({@link XaErrors}).
 *
 * <p>A request goes to every broker of the branch at once and the answers are combined:
 * <pre>
 *   every broker answered OK                      the results
 *   some OK, the others XA_UNKNOWN_XID            the OK results (those brokers never saw the branch)
 *   every broker answered XA_UNKNOWN_XID          XAER_NOTA
 *   a commit OK on one broker, refused on another XA_HEURMIX (the branch is partly committed)
 *   otherwise                                     the first failure
 * </pre>
 *
 * <p>Design note: a Cairn connection may reach several brokers, each of which keeps its own part of a
 * branch under the same xid. The XA resource presents them as one resource manager, so a commit that
 * succeeds on one broker and fails on another cannot be undone: it is reported as the heuristic outcome
 * it is, never hidden. The common deployment has one broker, where none of this arises.
 *
 * <p>Thread safety: stateless apart from its settings; any thread.
 */
final class XaRequests {

    private final long requestTimeoutMs;

    XaRequests(final long requestTimeoutMs) {
        this.requestTimeoutMs = requestTimeoutMs;
    }

    /**
     * XA_START on each broker.
     *
     * @return the brokers that started (or joined) the branch
     */
    Set<BrokerChannel> start(final Collection<BrokerChannel> channels, final long sessionId, final long txId,
                             final int flags, final int timeoutSeconds, final CairnXid xid) throws XAException {
        return fanOut("XA_START", channels, CommandCode.XA_START,
            XaCodec.start(sessionId, txId, flags, timeoutSeconds, xid.toWire()), body -> Boolean.TRUE, false)
            .keySet();
    }

    /** XA_END on each broker the association started the branch on. */
    void end(final Collection<BrokerChannel> channels, final long sessionId, final long txId, final int flags,
             final CairnXid xid) throws XAException {
        fanOut("XA_END", channels, CommandCode.XA_END, XaCodec.end(sessionId, txId, flags, xid.toWire()),
            body -> Boolean.TRUE, false);
    }

    /**
     * XA_PREPARE on each broker.
     *
     * @return {@code XAResource.XA_OK} when any broker prepared work, {@code XA_RDONLY} when none had any
     */
    int prepare(final Collection<BrokerChannel> channels, final CairnXid xid) throws XAException {
        final Map<BrokerChannel, Integer> votes = fanOut("XA_PREPARE", channels, CommandCode.XA_PREPARE,
            XaCodec.xid(xid.toWire()), XaCodec::decodePrepareResponse, false);
        return votes.containsValue(XaCodec.VOTE_OK) ? XaCodec.VOTE_OK : XaCodec.VOTE_READ_ONLY;
    }

    /** XA_COMMIT on each broker. */
    void commit(final Collection<BrokerChannel> channels, final CairnXid xid, final boolean onePhase)
        throws XAException {
        fanOut("XA_COMMIT", channels, CommandCode.XA_COMMIT, XaCodec.commit(xid.toWire(), onePhase),
            body -> Boolean.TRUE, true);
    }

    /** XA_ROLLBACK on each broker. */
    void rollback(final Collection<BrokerChannel> channels, final CairnXid xid) throws XAException {
        fanOut("XA_ROLLBACK", channels, CommandCode.XA_ROLLBACK, XaCodec.xid(xid.toWire()), body -> Boolean.TRUE,
            false);
    }

    /** XA_FORGET on each broker. */
    void forget(final Collection<BrokerChannel> channels, final CairnXid xid) throws XAException {
        fanOut("XA_FORGET", channels, CommandCode.XA_FORGET, XaCodec.xid(xid.toWire()), body -> Boolean.TRUE,
            false);
    }

    /**
     * XA_RECOVER on each broker.
     *
     * @return the union of the branches they report, each once
     */
    List<CairnXid> recover(final Collection<BrokerChannel> channels) throws XAException {
        final Map<BrokerChannel, List<XaXid>> lists = fanOut("XA_RECOVER", channels, CommandCode.XA_RECOVER,
            out -> { }, XaCodec::decodeRecoverResponse, false);
        final Set<CairnXid> xids = new LinkedHashSet<>();
        for (final List<XaXid> list : lists.values()) {
            for (final XaXid xid : list) {
                xids.add(CairnXid.fromWire(xid));
            }
        }
        return new ArrayList<>(xids);
    }

    private <T> Map<BrokerChannel, T> fanOut(final String operation, final Collection<BrokerChannel> channels,
                                             final CommandCode command, final BodyWriter body,
                                             final Function<ByteBuf, T> reader, final boolean partialIsHeuristic)
        throws XAException {
        final Map<BrokerChannel, CompletableFuture<ByteBuf>> pending = new LinkedHashMap<>();
        for (final BrokerChannel channel : channels) {
            pending.put(channel, channel.request(command, body));
        }
        final Map<BrokerChannel, T> results = new LinkedHashMap<>();
        final List<XAException> failures = new ArrayList<>();
        int unknown = 0;
        for (final Map.Entry<BrokerChannel, CompletableFuture<ByteBuf>> entry : pending.entrySet()) {
            try {
                results.put(entry.getKey(), await(operation, entry.getValue(), reader));
            } catch (final XAException failure) {
                if (failure.errorCode == XAException.XAER_NOTA) {
                    unknown++;
                }
                failures.add(failure);
            }
        }
        return combine(operation, results, failures, unknown, partialIsHeuristic);
    }

    private static <T> Map<BrokerChannel, T> combine(final String operation, final Map<BrokerChannel, T> results,
                                                     final List<XAException> failures, final int unknown,
                                                     final boolean partialIsHeuristic) throws XAException {
        if (failures.isEmpty() || (!results.isEmpty() && unknown == failures.size())) {
            return results;
        }
        final XAException first = failures.stream().filter(f -> f.errorCode != XAException.XAER_NOTA).findFirst()
            .orElse(failures.get(0));
        if (partialIsHeuristic && !results.isEmpty() && first.errorCode != XAException.XAER_NOTA) {
            throw XaErrors.xaException(XAException.XA_HEURMIX, "CAIRN-J216 " + operation + " completed on "
                + results.keySet() + " but failed on another broker: " + first.getMessage(), first);
        }
        throw first;
    }

    private <T> T await(final String operation, final CompletableFuture<ByteBuf> response,
                        final Function<ByteBuf, T> reader) throws XAException {
        final ByteBuf body;
        try {
            body = response.get(requestTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (final InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            response.thenAccept(ByteBuf::release);
            throw XaErrors.xaException(XAException.XAER_RMFAIL, "CAIRN-J217 Interrupted while waiting for "
                + operation, interrupted);
        } catch (final TimeoutException timeout) {
            response.thenAccept(ByteBuf::release);
            throw XaErrors.toXaException(operation, new RequestTimeoutException("the broker did not answer within "
                + requestTimeoutMs + " ms"));
        } catch (final ExecutionException failed) {
            throw XaErrors.toXaException(operation, failed.getCause());
        }
        try {
            return reader.apply(body);
        } catch (final ProtocolException malformed) {
            throw XaErrors.toXaException(operation, malformed);
        } finally {
            body.release();
        }
    }
}
