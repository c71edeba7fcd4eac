package org.cairnmq.ra.inbound;

import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.cairnmq.jms.CairnXAConnectionFactory;
import org.cairnmq.ra.ConnectionSettings;

/**
 * One message-driven bean's activation: a connection with up to {@code maxSession} consumer sessions,
 * each of which delivers one message at a time as {@link jakarta.resource.spi.work.Work} on the
 * container's work manager.
 *
 * <p>When the bean's {@code onMessage} is transactional ({@link MessageEndpointFactory#isDeliveryTransacted})
 * the connection is an XA connection and each delivery's acknowledgement joins the container's
 * transaction; otherwise the sessions acknowledge each message after {@code onMessage} returns.
 *
 * <p>Thread safety: {@link #start()} and {@link #stop()} are synchronized; deliveries run on the
 * work manager's threads, one at a time per session.
 */
public final class EndpointActivation {

    /** {@code MessageListener.onMessage}, the method every delivery invokes. */
    static final Method ON_MESSAGE = onMessageMethod();

    private static final System.Logger LOG = System.getLogger(EndpointActivation.class.getName());

    private final MessageEndpointFactory factory;
    private final ActivationConfig config;
    private final InboundContext context;
    private final List<InboundSession> sessions = new ArrayList<>();
    private Connection connection;

    /**
     * Creates an activation; nothing connects before {@link #start()}.
     *
     * @param factory the container's endpoint factory
     * @param config the checked activation properties
     * @param context the container's work manager and timer
     */
    public EndpointActivation(final MessageEndpointFactory factory, final ActivationConfig config,
                              final InboundContext context) {
        this.factory = factory;
        this.config = config;
        this.context = context;
    }

    /**
     * Connects, opens the consumer sessions and schedules their first deliveries.
     *
     * @throws ResourceException if a property is wrong (destination, selector, lookup) or the broker
     *     cannot be reached; nothing stays open then
     */
    public synchronized void start() throws ResourceException {
        final boolean transacted = deliveryTransacted();
        final ConnectionSettings settings = ConnectionFactoryResolver.resolve(config, config.connection().user() != null);
        try {
            connection = open(settings, transacted);
            final Session first = InboundSession.createSession(connection, transacted);
            final Destination destination = DestinationResolver.resolve(config, first);
            final int count = config.sessionCount(DestinationResolver.typeOf(destination));
            final DeliveryTarget target = new DeliveryTarget(factory, config, context);
            sessions.add(InboundSession.open(first, destination, target));
            for (int i = 1; i < count; i++) {
                sessions.add(InboundSession.open(InboundSession.createSession(connection, transacted), destination,
                    target));
            }
            connection.start();
        } catch (final JMSException | RuntimeException failure) {
            stop();
            throw activationFailed(failure);
        } catch (final ResourceException failure) {
            stop();
            throw failure;
        }
        sessions.forEach(InboundSession::scheduleFirst);
        LOG.log(System.Logger.Level.INFO, "CAIRN-RA201 activated {0} with {1} session(s){2} on {3}",
            factory.getActivationName(), sessions.size(), transacted ? ", XA transacted" : "", settings);
    }

    /** Stops delivery, waits for the deliveries in progress, and closes the connection. Idempotent. */
    public synchronized void stop() {
        sessions.forEach(InboundSession::stop);
        sessions.forEach(InboundSession::awaitIdle);
        sessions.clear();
        if (connection != null) {
            try {
                connection.close();
            } catch (final JMSException failure) {
                LOG.log(System.Logger.Level.WARNING, "CAIRN-RA202 closing the activation's connection failed", failure);
            }
            connection = null;
        }
    }

    private boolean deliveryTransacted() throws ResourceException {
        try {
            return factory.isDeliveryTransacted(ON_MESSAGE);
        } catch (final NoSuchMethodException notAListener) {
            throw new ResourceAdapterInternalException("CAIRN-RA203 the endpoint does not implement "
                + "jakarta.jms.MessageListener.onMessage", notAListener);
        }
    }

    private Connection open(final ConnectionSettings settings, final boolean transacted) throws JMSException {
        final CairnXAConnectionFactory connectionFactory = settings.xaConnectionFactory();
        final Connection opened = transacted
            ? connectionFactory.createXAConnection(settings.user(), settings.password())
            : connectionFactory.createConnection(settings.user(), settings.password());
        try {
            if (config.clientId() != null) {
                opened.setClientID(config.clientId());
            }
            opened.setExceptionListener(failure -> LOG.log(System.Logger.Level.WARNING,
                "CAIRN-RA204 the connection of " + factory.getActivationName() + " failed", failure));
        } catch (final JMSException failure) {
            opened.close();
            throw failure;
        }
        return opened;
    }

    private ResourceException activationFailed(final Exception failure) {
        return new ResourceException("CAIRN-RA205 activating " + factory.getActivationName() + " on "
            + (config.destinationName() != null ? config.destinationName() : config.destinationLookup())
            + " failed: " + failure.getMessage(), failure);
    }

    private static Method onMessageMethod() {
        try {
            return MessageListener.class.getMethod("onMessage", jakarta.jms.Message.class);
        } catch (final NoSuchMethodException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
