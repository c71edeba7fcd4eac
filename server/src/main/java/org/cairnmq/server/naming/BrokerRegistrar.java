package org.cairnmq.server.naming;

import io.netty.channel.EventLoopGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.cairnmq.protocol.codec.RegisterBrokerCodec;
import org.cairnmq.protocol.codec.UnregisterBrokerCodec;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.server.naming.internal.NameServerLink;
import org.cairnmq.server.remoting.internal.Transports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers a broker with one or more name servers and keeps it registered: a REGISTER_BROKER at
 * start and every register interval (the heartbeat), carrying the broker's current destinations
 * from a supplier; an UNREGISTER_BROKER at close. A name server that is down is retried at the next
 * interval.
 *
 * <p>Threads: one daemon event loop owns the links and runs the periodic task; the topic supplier
 * is called there, must not block, and the registration goes out when its answer completes. {@link #start()} and {@link #close()} are synchronized.
 */
public final class BrokerRegistrar implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerRegistrar.class);

    private final String brokerName;
    private final String brokerAddress;
    private final List<String> nameServerAddresses;
    private final Supplier<? extends CompletionStage<List<RegisterBrokerCodec.TopicEntry>>> topics;
    private final long registerIntervalMs;
    private final String user;
    private final String password;
    private final List<NameServerLink> links = new ArrayList<>();
    private EventLoopGroup group;
    private volatile boolean closed;

    /**
     * Creates a registrar; nothing is sent until {@link #start()}.
     *
     * @param brokerName the broker's name
     * @param brokerAddress where clients reach the broker, {@code host:port}
     * @param nameServerAddresses the name servers, each {@code host:port}
     * @param topics supplies the broker's current destinations and queue counts, asynchronously (the
     *     broker thread owns them); called on the registrar's event loop, it must not block
     * @param registerIntervalMs how often to register again, milliseconds
     * @param user the user to handshake with the name servers as, {@code null} for anonymous
     * @param password its password, {@code null} for anonymous
     */
    public BrokerRegistrar(
        final String brokerName, final String brokerAddress, final List<String> nameServerAddresses,
        final Supplier<? extends CompletionStage<List<RegisterBrokerCodec.TopicEntry>>> topics,
        final long registerIntervalMs,
        final String user, final String password) {
        this.brokerName = Objects.requireNonNull(brokerName, "brokerName");
        this.brokerAddress = Objects.requireNonNull(brokerAddress, "brokerAddress");
        this.nameServerAddresses = List.copyOf(nameServerAddresses);
        this.topics = Objects.requireNonNull(topics, "topics");
        this.registerIntervalMs = registerIntervalMs;
        this.user = user;
        this.password = password;
        if (this.nameServerAddresses.isEmpty()) {
            throw new IllegalArgumentException("a registrar needs at least one name server address");
        }
        if (registerIntervalMs < 1) {
            throw new IllegalArgumentException("registerIntervalMs must be positive, was " + registerIntervalMs);
        }
    }

    /**
     * Connects to the name servers, registers, and schedules the periodic registration.
     *
     * @return this
     */
    public synchronized BrokerRegistrar start() {
        if (group != null) {
            throw new IllegalStateException("the registrar was already started");
        }
        group = Transports.newEventLoopGroup(1, "cairn-registrar", true);
        for (final String address : nameServerAddresses) {
            links.add(new NameServerLink(address, group, user, password));
        }
        group.next().scheduleAtFixedRate(this::registerNow, 0L, registerIntervalMs, TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Registers now with every name server, with the supplier's current destinations.
     */
    public void registerNow() {
        final CompletionStage<List<RegisterBrokerCodec.TopicEntry>> current;
        try {
            current = topics.get();
        } catch (final RuntimeException e) {
            LOG.warn("Cannot list the destinations of broker '{}' for the name servers", brokerName, e);
            return;
        }
        current.whenComplete((list, failure) -> {
            if (closed) {
                return;
            }
            if (failure != null) {
                LOG.warn("Cannot list the destinations of broker '{}' for the name servers", brokerName, failure);
                return;
            }
            final RegisterBrokerCodec.Request request = new RegisterBrokerCodec.Request(brokerName, brokerAddress, list);
            for (final NameServerLink link : links) {
                link.send(CommandCode.REGISTER_BROKER, request);
            }
        });
    }

    /**
     * Unregisters from every connected name server and stops. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (group == null) {
            return;
        }
        closed = true;
        for (final NameServerLink link : links) {
            link.closeAfter(CommandCode.UNREGISTER_BROKER, UnregisterBrokerCodec.request(brokerName));
        }
        group.shutdownGracefully(0L, 1L, TimeUnit.SECONDS).awaitUninterruptibly(2L, TimeUnit.SECONDS);
        group = null;
    }
}
