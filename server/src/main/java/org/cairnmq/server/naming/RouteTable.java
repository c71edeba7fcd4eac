package org.cairnmq.server.naming;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cairnmq.protocol.codec.QueryRouteCodec.BrokerRoute;
import org.cairnmq.protocol.codec.RegisterBrokerCodec;
import org.cairnmq.protocol.codec.RegisterBrokerCodec.TopicEntry;
import org.cairnmq.protocol.record.DestinationKind;

/**
 * The name server's routes: for each live broker, its address, the destinations it serves with their
 * queue counts, and when it last registered.
 *
 * <p>Thread safety: any thread. A registration replaces the broker's whole entry (an immutable
 * snapshot) in a concurrent map, so a route query never sees half a registration and no lock is
 * held.
 */
public final class RouteTable {

    private final Map<String, BrokerEntry> brokers = new ConcurrentHashMap<>();

    /**
     * Registers a broker or refreshes it (the heartbeat).
     *
     * @param request the registration
     * @param nowMs the time of the registration
     * @return whether the broker was new (or had expired)
     */
    public boolean register(final RegisterBrokerCodec.Request request, final long nowMs) {
        final Map<String, Integer> queueCounts = new HashMap<>();
        for (final TopicEntry topic : request.topics()) {
            queueCounts.put(key(topic.kind(), topic.name()), topic.queueCount());
        }
        final BrokerEntry entry = new BrokerEntry(request.brokerName(), request.address(), Map.copyOf(queueCounts), nowMs);
        return brokers.put(request.brokerName(), entry) == null;
    }

    /**
     * Removes a broker.
     *
     * @param brokerName the broker
     * @return whether it was registered
     */
    public boolean unregister(final String brokerName) {
        return brokers.remove(brokerName) != null;
    }

    /**
     * Removes the brokers whose last registration is older than {@code expiryMs}.
     *
     * @param nowMs the current time
     * @param expiryMs how long a registration lasts
     * @return the names of the removed brokers
     */
    public List<String> expire(final long nowMs, final long expiryMs) {
        final List<String> expired = new ArrayList<>();
        for (final BrokerEntry entry : brokers.values()) {
            if (nowMs - entry.lastRegisteredMs() > expiryMs && brokers.remove(entry.name(), entry)) {
                expired.add(entry.name());
            }
        }
        return expired;
    }

    /**
     * Answers a route query: the brokers that have the destination with its queue count there; when
     * none has it, every live broker with queue count 0 (where it may be created). Sorted by broker
     * name.
     *
     * @param kind the destination kind
     * @param name the destination name
     * @return the routes
     */
    public List<BrokerRoute> route(final DestinationKind kind, final String name) {
        final String key = key(kind, name);
        final List<BrokerRoute> having = new ArrayList<>();
        final List<BrokerRoute> candidates = new ArrayList<>();
        for (final BrokerEntry entry : brokers.values()) {
            final Integer queueCount = entry.queueCounts().get(key);
            if (queueCount != null) {
                having.add(new BrokerRoute(entry.name(), entry.address(), queueCount));
            }
            candidates.add(new BrokerRoute(entry.name(), entry.address(), 0));
        }
        final List<BrokerRoute> routes = having.isEmpty() ? candidates : having;
        routes.sort((a, b) -> a.brokerName().compareTo(b.brokerName()));
        return routes;
    }

    /**
     * Returns the registered brokers' names.
     *
     * @return a snapshot of the names
     */
    public List<String> brokerNames() {
        return List.copyOf(brokers.keySet());
    }

    private static String key(final DestinationKind kind, final String name) {
        return kind.code() + ":" + name;
    }

    private record BrokerEntry(String name, String address, Map<String, Integer> queueCounts, long lastRegisteredMs) {
    }
}
