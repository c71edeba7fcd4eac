package org.cairnmq.jms.connection;

import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.cairnmq.client.session.BrokerChannel;
import org.cairnmq.client.session.ConnectionOpener;
import org.cairnmq.jms.destination.CairnDestination;
import org.cairnmq.jms.destination.CairnQueue;
import org.cairnmq.jms.destination.CairnTemporaryQueue;
import org.cairnmq.jms.destination.CairnTemporaryTopic;
import org.cairnmq.jms.destination.TemporaryDestinationDeleter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JMS connection to Cairn: the name server it resolves routes with, one protocol connection per
 * broker it uses ({@link BrokerLinks}), and its sessions ({@link ConnectionSessions}).
 *
 * <p>Delivery starts with {@link #start()}; {@link #stop()} pauses it and waits until every message
 * listener has returned. When a broker connection is lost the connection tries to reconnect
 * ({@code reconnectAttempts} times, {@code reconnectIntervalMs} apart) and re-creates its consumers;
 * open transactions become rollback-only. When it gives up, the exception listener is told and every
 * later call fails with a {@link JMSException} naming the loss.
 *
 * <p>{@link CairnXAConnection} extends it with XA sessions.
 *
 * <p>Thread safety: every method may be called from any thread, as the specification requires.
 */
public class CairnConnection extends ConnectionFactoryMethods implements TemporaryDestinationDeleter {

    private static final Logger LOG = LoggerFactory.getLogger(CairnConnection.class);

    /**
     * The destination whose route picks the broker a new connection hand shakes with at once.
     *
     * <p>Design note: the broker, not the name server, checks the credentials, and a wrong password must
     * fail {@code createConnection} itself. A name server answers the route of a destination no broker has
     * with every live broker, so resolving this name reaches the broker a single-broker deployment would
     * use anyway, and creates nothing.
     */
    private static final CairnQueue AUTHENTICATION_PROBE = new CairnQueue("cairn.connection.probe");

    private final ConnectionConfig config;
    private final BrokerLinks links;
    private final Reconnector reconnector;
    private final MessageIds messageIds = new MessageIds();
    private final AtomicLong ids = new AtomicLong();
    private final ConnectionSessions sessions = new ConnectionSessions();
    private final TemporaryDestinations temporaries = new TemporaryDestinations(this, messageIds);
    private final ConnectionSubscriptions subscriptions = new ConnectionSubscriptions(this);
    private final Object stateLock = new Object();
    private final ConnectionClientId clientId;
    private volatile boolean started;
    private volatile boolean closed;
    private volatile JMSException failure;
    private volatile ExceptionListener exceptionListener;
    private volatile boolean queueDomainOnly;

    /**
     * Creates a connection for {@code QueueConnectionFactory.createQueueConnection}: a
     * {@link jakarta.jms.QueueConnection} refuses the topic subscriptions of the connection consumers, as the
     * specification requires.
     *
     * @param config the factory settings
     * @param opener opens protocol connections
     * @param user the user, or {@code null}
     * @param password the password, or {@code null}
     * @return the connection
     * @throws JMSException as {@link #CairnConnection} does
     */
    public static CairnConnection queueConnection(final ConnectionConfig config, final ConnectionOpener opener,
                                                  final String user, final String password) throws JMSException {
        final CairnConnection connection = new CairnConnection(config, opener, user, password);
        connection.restrictToQueues();
        return connection;
    }

    /**
     * Creates a connection and authenticates with a name server.
     *
     * @param config the factory settings
     * @param opener opens protocol connections
     * @param user the user, or {@code null} for the URL's user (and then the URL's password)
     * @param password the password, or {@code null}
     * @throws JMSException if no name server answers; a {@link jakarta.jms.JMSSecurityException} if the
     *     credentials are refused
     */
    public CairnConnection(final ConnectionConfig config, final ConnectionOpener opener, final String user,
                           final String password) throws JMSException {
        this.config = config;
        this.reconnector = new Reconnector(config, () -> closed, sessions::list, this::fail);
        final boolean ownUser = user != null;
        this.links = new BrokerLinks(config, opener, ownUser ? user : config.user(),
            ownUser ? password : config.password(), reconnector::onBrokerLost,
            UnansweredSends.failuresTo(sessions, this));
        reconnector.attach(links);
        this.clientId = new ConnectionClientId(links, stateLock, config.clientId());
        try {
            links.connectNameServer();
            channelFor(AUTHENTICATION_PROBE);
            if (config.clientId() != null) {
                links.registerClientId(config.clientId());
            }
        } catch (final JMSException refused) {
            links.close();
            throw refused;
        }
    }

    /** Makes this connection refuse the topic-only methods, as a {@code QueueConnection}. */
    final void restrictToQueues() {
        queueDomainOnly = true;
    }

    @Override
    SessionDomain connectionDomain() {
        return queueDomainOnly ? SessionDomain.QUEUE : SessionDomain.UNIFIED;
    }

    @Override
    CairnSession createCairnSession(final int sessionMode, final SessionDomain domain) throws JMSException {
        if (sessionMode != Session.SESSION_TRANSACTED && sessionMode != Session.AUTO_ACKNOWLEDGE
            && sessionMode != Session.CLIENT_ACKNOWLEDGE && sessionMode != Session.DUPS_OK_ACKNOWLEDGE) {
            checkUsable();
            throw new JMSException("CAIRN-J011 Invalid session mode " + sessionMode);
        }
        return addSession(sessionId -> new CairnSession(this, sessionId, sessionMode, domain));
    }

    /**
     * Creates a session of some kind with a fresh session id and keeps it among the connection's sessions.
     *
     * @param create makes the session from its id
     * @param <S> the session type
     * @return the session
     * @throws JMSException if the connection is closed or failed
     */
    final <S extends CairnSession> S addSession(final LongFunction<S> create)
        throws JMSException {
        checkUsable();
        clientId.fix();
        final S session = create.apply(ids.incrementAndGet());
        sessions.add(session);
        return session;
    }

    @Override
    public String getClientID() throws JMSException {
        checkUsable();
        return clientId.get();
    }

    @Override
    public void setClientID(final String newClientId) throws JMSException {
        checkUsable();
        clientId.set(newClientId);
    }

    @Override
    public ConnectionMetaData getMetaData() throws JMSException {
        checkUsable();
        return new CairnConnectionMetaData();
    }

    @Override
    public ExceptionListener getExceptionListener() throws JMSException {
        checkUsable();
        return exceptionListener;
    }

    @Override
    public void setExceptionListener(final ExceptionListener listener) throws JMSException {
        checkUsable();
        exceptionListener = listener;
    }

    @Override
    public void start() throws JMSException {
        checkUsable();
        clientId.fix();
        synchronized (stateLock) {
            started = true;
            stateLock.notifyAll();
        }
        sessions.onConnectionStarted();
    }

    @Override
    public void stop() throws JMSException {
        checkUsable();
        sessions.checkNotFromListener("stop");
        clientId.fix();
        started = false;
        sessions.awaitListenersIdle();
    }

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        sessions.checkNotFromListener("close");
        started = false;
        final JMSException first = sessions.closeAll();
        synchronized (stateLock) {
            closed = true;
            stateLock.notifyAll();
        }
        reconnector.wakeUp();
        links.close();
        if (first != null && failure == null) {
            throw first;
        }
    }

    @Override
    ConnectionConsumer openConnectionConsumer(final Destination destination, final String selector, final int flags,
                                              final String subscriptionName, final ServerSessionPool pool,
                                              final int maxMessages) throws JMSException {
        checkUsable();
        return CairnConnectionConsumer.open(this, destination, selector, flags, subscriptionName, pool, maxMessages);
    }

    /** A session of the provider's own, for a connection consumer. */
    CairnSession createInternalSession() throws JMSException {
        return createCairnSession(Session.AUTO_ACKNOWLEDGE, SessionDomain.UNIFIED);
    }

    @Override
    public void deleteTemporaryDestination(final CairnDestination destination) throws JMSException {
        checkUsable();
        temporaries.delete(destination);
    }

    CairnTemporaryQueue createTemporaryQueue() throws JMSException {
        return temporaries.createQueue();
    }

    CairnTemporaryTopic createTemporaryTopic() throws JMSException {
        return temporaries.createTopic();
    }

    /** Whether this connection created a temporary destination (and has not deleted it). */
    boolean ownsTemporary(final CairnDestination destination) {
        return temporaries.owns(destination);
    }

    /** Whether a session of this connection has a consumer on a destination. */
    boolean hasConsumerOn(final CairnDestination destination) {
        return sessions.hasConsumerOn(destination);
    }

    ConnectionConfig config() {
        return config;
    }

    ConnectionSubscriptions subscriptions() {
        return subscriptions;
    }

    /** The client id, without the checks of {@link #getClientID()}; {@code null} when unset. */
    String clientIdOrNull() {
        return clientId.get();
    }

    /** Whether a session of this connection has a consumer on the durable subscription of that name. */
    boolean hasDurableSubscriber(final String subscriptionName) {
        return sessions.hasDurableSubscriber(subscriptionName);
    }

    /** The broker channels open now; the first broker's when none is. */
    List<BrokerChannel> brokerChannels() throws JMSException {
        final List<BrokerChannel> channels = links.channels();
        return channels.isEmpty() ? List.of(channelFor(AUTHENTICATION_PROBE)) : channels;
    }

    BrokerChannel channelFor(final CairnDestination destination) throws JMSException {
        return links.channelFor(destination);
    }

    int queueCountOf(final CairnDestination destination) {
        return links.queueCountOf(destination);
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    String nextMessageId() {
        return messageIds.next();
    }

    boolean isStarted() {
        return started;
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Waits until the connection is started.
     *
     * @param deadlineNanos the {@link System#nanoTime()} to give up at; {@code Long.MAX_VALUE} for never
     * @return whether it is started; false on timeout, close or failure
     */
    boolean awaitStarted(final long deadlineNanos) {
        synchronized (stateLock) {
            while (!started && !closed && failure == null) {
                final long remainingNanos = deadlineNanos - System.nanoTime();
                if (remainingNanos <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(stateLock, Math.min(remainingNanos, TimeUnit.SECONDS.toNanos(1)));
                } catch (final InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return started && !closed && failure == null;
        }
    }

    /**
     * Fails when the connection cannot be used.
     *
     * @throws IllegalStateException if it is closed
     * @throws JMSException if it failed for good
     */
    void checkUsable() throws JMSException {
        if (closed) {
            throw new IllegalStateException("CAIRN-J016 The connection is closed", "ILLEGAL_STATE");
        }
        checkNotFailed();
    }

    /** Fails with the loss that ended the connection, if any. */
    void checkNotFailed() throws JMSException {
        final JMSException lost = failure;
        if (lost != null) {
            final JMSException copy = new JMSException(lost.getMessage(), lost.getErrorCode());
            copy.setLinkedException(lost);
            copy.initCause(lost);
            throw copy;
        }
    }

    void removeSession(final CairnSession session) {
        sessions.remove(session);
    }

    /**
     * Waits until every broker has handled the unanswered sends of a session and reported their
     * failures ({@link UnansweredSends#await}).
     *
     * @param sessionId the session
     * @throws JMSException if they were not handled in time, or the thread was interrupted
     */
    void awaitUnansweredSends(final long sessionId) throws JMSException {
        UnansweredSends.await(links.channels(), sessionId, config.requestTimeoutMs());
    }

    private void fail(final JMSException lost) {
        synchronized (stateLock) {
            failure = lost;
            started = false;
            stateLock.notifyAll();
        }
        LOG.error(lost.getMessage());
        sessions.onConnectionFailed();
        final ExceptionListener listener = exceptionListener;
        if (listener != null) {
            listener.onException(lost);
        }
    }
}
