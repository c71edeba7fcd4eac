package org.cairnmq.jms.connection;

import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.cairnmq.client.ClientConnection;
import org.cairnmq.client.ConnectionLostException;
import org.cairnmq.client.session.BrokerChannel;
import org.cairnmq.client.session.ClientCommands;
import org.cairnmq.client.session.ConnectionOpener;
import org.cairnmq.client.session.Route;
import org.cairnmq.jms.destination.CairnDestination;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.command.ProtocolException;

/**
 * The protocol connections of one JMS connection: one to a name server, kept for route queries, and
 * one {@link BrokerChannel} per broker the connection uses. Routes are cached per destination.
 *
 * <p>Thread safety: any thread; opening a connection is serialised on this object.
 */
final class BrokerLinks {

    /** Told when the connection to a broker is lost (not when it is closed in order). */
    @FunctionalInterface
    interface LossListener {

        /**
         * @param channel the channel whose connection was lost
         * @param cause why
         */
        void onLost(BrokerChannel channel, Throwable cause);
    }

    /** How long to wait before asking a name server again when it knows no live broker. */
    static final long ROUTE_RETRY_MS = 50;

    /** How long a client id refused as in use is asked for again (its old connection may be closing). */
    static final long CLIENT_ID_RETRY_MS = 500;

    private final ConnectionConfig config;
    private final ConnectionOpener opener;
    private final String user;
    private final String password;
    private final LossListener lossListener;
    private final BrokerChannel.SendFailureListener sendFailures;
    private final Map<String, BrokerChannel> channelsByAddress = new ConcurrentHashMap<>();
    private final Map<CairnDestination, BrokerChannel> routeCache = new ConcurrentHashMap<>();
    private final Map<CairnDestination, Integer> queueCounts = new ConcurrentHashMap<>();
    private ClientConnection nameServer;
    private volatile String clientId;

    BrokerLinks(final ConnectionConfig config, final ConnectionOpener opener, final String user,
                final String password, final LossListener lossListener,
                final BrokerChannel.SendFailureListener sendFailures) {
        this.config = config;
        this.sendFailures = sendFailures;
        this.opener = opener;
        this.user = user;
        this.password = password;
        this.lossListener = lossListener;
    }

    /**
     * Connects to a name server: this authenticates the user before the first broker is needed.
     *
     * @throws JMSException if no name server answers or the credentials are refused
     */
    synchronized void connectNameServer() throws JMSException {
        if (nameServer != null && nameServer.isOpen()) {
            return;
        }
        nameServer = open(config.addresses());
    }

    /**
     * Returns the channel to the broker that serves a destination, connecting to it on first use.
     *
     * @param destination the destination
     * @return its broker's channel
     * @throws JMSException if no broker serves it or the broker cannot be reached
     */
    BrokerChannel channelFor(final CairnDestination destination) throws JMSException {
        final BrokerChannel cached = routeCache.get(destination);
        if (cached != null) {
            return cached;
        }
        final Route route = pick(destination, queryRoutesAwaitingABroker(destination));
        final BrokerChannel channel = channelTo(route.address());
        queueCounts.put(destination, route.queueCount());
        routeCache.put(destination, channel);
        return channel;
    }

    /**
     * The store queue count of a destination as its route said, after {@link #channelFor}.
     *
     * @param destination the destination
     * @return its queue count, or 0 when the broker had not created it yet
     */
    int queueCountOf(final CairnDestination destination) {
        return queueCounts.getOrDefault(destination, 0);
    }

    /** The channels open now, for reconnect bookkeeping and close. */
    List<BrokerChannel> channels() {
        return new ArrayList<>(channelsByAddress.values());
    }

    /**
     * Opens a new protocol connection to a broker whose connection was lost.
     *
     * @param channel the channel to reconnect
     * @throws JMSException if the broker cannot be reached
     */
    void reconnect(final BrokerChannel channel) throws JMSException {
        final ClientConnection connection = open(List.of(channel.address()));
        channel.attach(connection);
        watch(channel);
        final String registered = clientId;
        if (registered != null) {
            registerClientId(channel, registered);
        }
    }

    /**
     * Registers the JMS client id with every broker connected now, and with each one connected later.
     *
     * <p>Design note: the brokers, not the client, know every live connection, so they decide whether
     * an id is in use. A JMS connection that spans brokers registers with each of them.
     *
     * @param newClientId the client id
     * @throws JMSException an {@link jakarta.jms.InvalidClientIDException} if a broker has a live
     *     connection with that id; then no broker keeps it
     */
    synchronized void registerClientId(final String newClientId) throws JMSException {
        for (final BrokerChannel channel : channelsByAddress.values()) {
            registerClientId(channel, newClientId);
        }
        clientId = newClientId;
    }

    /**
     * Registers the client id on one broker. A broker frees the id of a closed connection
     * asynchronously, so a refusal is retried for {@link #CLIENT_ID_RETRY_MS} before it is reported.
     */
    private void registerClientId(final BrokerChannel channel, final String id) throws JMSException {
        final long deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLIENT_ID_RETRY_MS);
        while (true) {
            try {
                Await.done(channel.request(CommandCode.CLIENT_ID, ClientCommands.clientId(id)),
                    config.requestTimeoutMs());
                return;
            } catch (final InvalidClientIDException inUse) {
                if (id.isEmpty() || System.nanoTime() - deadlineNanos >= 0 || !pause(ROUTE_RETRY_MS)) {
                    throw inUse;
                }
            }
        }
    }

    private static boolean pause(final long pauseMs) {
        try {
            TimeUnit.MILLISECONDS.sleep(pauseMs);
            return true;
        } catch (final InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Closes every protocol connection. */
    synchronized void close() {
        for (final BrokerChannel channel : channelsByAddress.values()) {
            channel.close();
        }
        channelsByAddress.clear();
        routeCache.clear();
        queueCounts.clear();
        if (nameServer != null) {
            nameServer.close();
        }
    }

    /**
     * Queries the routes of a destination; while the name server knows no live broker at all (one that
     * is starting has not registered yet), asks again every {@link #ROUTE_RETRY_MS} until the connect
     * timeout has passed.
     */
    private List<Route> queryRoutesAwaitingABroker(final CairnDestination destination) throws JMSException {
        final long deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.connectTimeoutMs());
        List<Route> routes = queryRoutes(destination);
        while (routes.isEmpty() && System.nanoTime() - deadlineNanos < 0) {
            try {
                TimeUnit.MILLISECONDS.sleep(ROUTE_RETRY_MS);
            } catch (final InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
            routes = queryRoutes(destination);
        }
        return routes;
    }

    private List<Route> queryRoutes(final CairnDestination destination) throws JMSException {
        final ClientConnection current;
        synchronized (this) {
            connectNameServer();
            current = nameServer;
        }
        return Await.result(current.request(CommandCode.QUERY_ROUTE,
                ClientCommands.queryRoute(destination.kind(), destination.name())),
            config.requestTimeoutMs(), ClientCommands::readRoutes);
    }

    private static Route pick(final CairnDestination destination, final List<Route> routes) throws JMSException {
        Route candidate = null;
        for (final Route route : routes) {
            if (route.queueCount() > 0) {
                return route;
            }
            if (candidate == null) {
                candidate = route;
            }
        }
        if (candidate == null) {
            throw new InvalidDestinationException(
                "CAIRN-J006 No broker serves " + destination + " (the name server knows no live broker)",
                "INVALID_DESTINATION");
        }
        return candidate;
    }

    private synchronized BrokerChannel channelTo(final String address) throws JMSException {
        final BrokerChannel existing = channelsByAddress.get(address);
        if (existing != null) {
            return existing;
        }
        // A window of at least one byte even when unanswered sends are off (then nothing uses it).
        final BrokerChannel channel = new BrokerChannel(address, open(List.of(address)),
            Math.max(1, config.producerWindowBytes()), sendFailures);
        final String registered = clientId;
        if (registered != null) {
            try {
                registerClientId(channel, registered);
            } catch (final JMSException refused) {
                channel.close();
                throw refused;
            }
        }
        channelsByAddress.put(address, channel);
        watch(channel);
        return channel;
    }

    private void watch(final BrokerChannel channel) {
        channel.onClose(cause -> {
            if (cause != null) {
                lossListener.onLost(channel, cause);
            }
        });
    }

    private ClientConnection open(final List<String> addresses) throws JMSException {
        try {
            return opener.open(addresses, user, password, config.connectTimeoutMs());
        } catch (final ProtocolException | ConnectionLostException failure) {
            throw Await.toJms(failure);
        }
    }
}
